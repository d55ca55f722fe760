import fc from 'fast-check';
import { loadProjectModel } from '../../metadata/projectModel';
import { isoOfDay } from '../dates';
import { scoreAccount, scoreAccounts } from './score';
import type { AccountSignals } from './signals';

const model = loadProjectModel();
const AS_OF = '2025-06-30';
const AS_OF_DAY = 20269; // 2025-06-30

const day = fc.integer({ min: AS_OF_DAY - 500, max: AS_OF_DAY }).map(isoOfDay);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const survey = fc.oneof(
  fc.record({
    type: fc.constant('NPS' as const),
    score: fc.integer({ min: 0, max: 10 }),
    date: day
  }),
  fc.record({
    type: fc.constant('CSAT' as const),
    score: fc.integer({ min: 1, max: 5 }),
    date: day
  }),
  fc.record({ type: fc.constant('CES' as const), score: fc.integer({ min: 1, max: 7 }), date: day })
);
const account: fc.Arbitrary<AccountSignals> = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 8 }),
    touchTier: maybe(fc.constantFrom('High' as const, 'Low' as const, 'Tech' as const)),
    contractStart: maybe(day),
    onboardingStarted: maybe(day),
    firstValueAt: maybe(day),
    licensedSeats: maybe(fc.integer({ min: 0, max: 500 })),
    activeUsers30d: maybe(fc.integer({ min: 0, max: 600 })),
    logins30d: maybe(fc.integer({ min: 0, max: 5000 })),
    loginsPrev30d: maybe(fc.integer({ min: 0, max: 5000 })),
    surveys: maybe(fc.array(survey, { maxLength: 8 })),
    openHighPriorityCases: maybe(fc.integer({ min: 0, max: 5 })),
    escalations90d: maybe(fc.integer({ min: 0, max: 5 })),
    lastTouchpointAt: maybe(day),
    overdueInvoices: maybe(fc.integer({ min: 0, max: 4 })),
    csmSentiment: maybe(
      fc.record({
        value: fc.constantFrom('Positive' as const, 'Neutral' as const, 'Negative' as const),
        date: day
      })
    ),
    previousScores: maybe(
      fc.array(fc.record({ date: day, score: fc.integer({ min: 0, max: 100 }) }), { maxLength: 4 })
    )
  },
  { requiredKeys: ['id'] }
);

describe('health model properties', () => {
  it('keeps the score within 0–100 and coverage within 0–1', () => {
    fc.assert(
      fc.property(account, (signals) => {
        const result = scoreAccount(signals, model, AS_OF);
        expect(result.score === null || (result.score >= 0 && result.score <= 100)).toBe(true);
        expect(result.coverage >= 0 && result.coverage <= 1).toBe(true);
        expect(Number.isInteger(result.score ?? 0)).toBe(true);
      }),
      { numRuns: 500 }
    );
  });

  it('never lowers the score when a measure without data gets a perfect value', () => {
    const perfect: [(signals: AccountSignals) => boolean, Partial<AccountSignals>][] = [
      [(s) => s.licensedSeats === undefined, { licensedSeats: 10, activeUsers30d: 10 }],
      [(s) => s.overdueInvoices === undefined, { overdueInvoices: 0 }],
      [(s) => s.csmSentiment === undefined, { csmSentiment: { value: 'Positive', date: AS_OF } }],
      [
        (s) => s.openHighPriorityCases === undefined && s.escalations90d === undefined,
        { openHighPriorityCases: 0 }
      ]
    ];
    fc.assert(
      fc.property(account, fc.integer({ min: 0, max: perfect.length - 1 }), (signals, pick) => {
        const [missing, patch] = perfect[pick];
        if (!missing(signals)) return;
        const before = scoreAccount(signals, model, AS_OF).score;
        const after = scoreAccount({ ...signals, ...patch }, model, AS_OF).score;
        expect(after).not.toBeNull();
        expect(after!).toBeGreaterThanOrEqual(before ?? 0);
      }),
      { numRuns: 500 }
    );
  });

  it('gives the same result whatever the order of accounts, surveys and previous scores', () => {
    fc.assert(
      fc.property(fc.array(account, { maxLength: 6 }), fc.integer(), (accounts, seed) => {
        const shuffle = <T>(items: readonly T[] | null | undefined) => {
          if (!items) return items;
          const copy = [...items];
          for (let k = copy.length - 1; k > 0; k--) {
            const j = Math.abs(seed + k * 7919) % (k + 1);
            [copy[k], copy[j]] = [copy[j], copy[k]];
          }
          return copy;
        };
        const permuted = (shuffle(accounts) as AccountSignals[]).map((signals) => ({
          ...signals,
          surveys: shuffle(signals.surveys),
          previousScores: shuffle(signals.previousScores)
        }));
        const byId = (results: ReturnType<typeof scoreAccounts>) =>
          results.map((result) => JSON.stringify(result)).sort();
        expect(byId(scoreAccounts(permuted, model, AS_OF))).toEqual(
          byId(scoreAccounts(accounts, model, AS_OF))
        );
      }),
      { numRuns: 200 }
    );
  });
});
