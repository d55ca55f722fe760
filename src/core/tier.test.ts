import { loadProjectModel } from '../metadata/projectModel';
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
    const { suggested, reason } = suggestTier({ mrr: 100 }, model);
    expect(effectiveTier({ suggested, suggestedReason: reason })).toEqual({
      tier: 'Tech',
      suggested: 'Tech',
      overridden: false,
      reason: 'ARR 1\u202f200 < 5\u202f000 and not strategic'
    });
    expect(
      effectiveTier({ suggested, override: 'High', overrideReason: ' Pilot customer ' })
    ).toEqual({ tier: 'High', suggested: 'Tech', overridden: true, reason: 'Pilot customer' });
    // The same tier as suggested is no override and needs no reason.
    expect(effectiveTier({ suggested, override: 'Tech' })).toMatchObject({ overridden: false });
    const noReason = () => effectiveTier({ suggested, override: 'High', overrideReason: '  ' });
    expect(noReason).toThrow(UserInputError);
    expect(noReason).toThrow(
      expect.objectContaining({ field: 'Touch_Tier_Override_Reason__c' }) as Error
    );
    expect(() => effectiveTier({ suggested, override: 'Gold', overrideReason: 'x' })).toThrow(
      /Touch_Tier__c/
    );
  });

  it("follows a handover's ARR (the deal's) instead of the Account's MRR × 12", () => {
    const deal = suggestTier({ mrr: 1470, arr: 60000 }, model);
    expect(deal.arr).toBe(60000);
    expect(deal.suggested).toBe('High');
    expect(suggestTier({ mrr: 1470, arr: null }, model).arr).toBe(17640);
  });
});
