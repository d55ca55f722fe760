import { loadProjectModel } from './config/loadFiles';
import { UserInputError } from './errors';
import { effectiveTier, suggestTier } from './tier';

const model = loadProjectModel();
const tier = (mrr: number, growthPotential = 1, strategic = false) =>
  suggestTier({ mrr, growthPotential, strategic }, model).suggested;

describe('touch tier', () => {
  it('suggests High from ARR 50 000, or 20 000 with growth potential 4, or strategic', () => {
    expect(suggestTier({ mrr: 50_000 / 12, growthPotential: 1 }, model)).toEqual({
      arr: 50_000,
      suggested: 'High',
      reason: 'ARR 50\u202f000 ≥ 50\u202f000',
      rule: 'Large_ARR'
    });
    expect(tier(4166)).toBe('Low');
    expect(tier(20_000 / 12, 4)).toBe('High');
    expect(tier(20_000 / 12, 3)).toBe('Low');
    expect(tier(1666, 5)).toBe('Low');
    expect(tier(10, 1, true)).toBe('High');
  });

  it('suggests Tech below ARR 5 000 unless strategic, Low for everything else', () => {
    expect(tier(416)).toBe('Tech');
    expect(tier(5_000 / 12)).toBe('Low');
    expect(tier(0)).toBe('Tech');
    expect(suggestTier({ mrr: 100, strategic: true }, model).reason).toBe('Strategic account');
    expect(suggestTier({ mrr: 1000 }, model).reason).toBe(
      'Everything else: ARR 12\u202f000, no other rule applies'
    );
  });

  it('rejects a negative or non-numeric MRR', () => {
    expect(() => suggestTier({ mrr: -1 }, model)).toThrow(UserInputError);
    expect(() => suggestTier({ mrr: Number.NaN }, model)).toThrow(/mrr/);
  });

  it('takes a manual tier only with a reason, keeping the suggestion beside it', () => {
    const suggestion = suggestTier({ mrr: 100 }, model);
    expect(effectiveTier(suggestion)).toMatchObject({ tier: 'Tech', overridden: false });
    expect(effectiveTier(suggestion, { tier: 'High', reason: ' Pilot customer ' })).toEqual({
      tier: 'High',
      suggested: 'Tech',
      overridden: true,
      reason: 'Pilot customer'
    });
    expect(() => effectiveTier(suggestion, { tier: 'High', reason: '  ' })).toThrow(
      /Touch_Tier_Override_Reason__c/
    );
    expect(() => effectiveTier(suggestion, { tier: 'Gold', reason: 'x' })).toThrow(/Touch_Tier__c/);
  });
});
