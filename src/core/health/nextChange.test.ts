import fc from 'fast-check';
import { loadProjectModel } from '../../metadata/projectModel';
import { dayOf, isoOfDay } from '../dates';
import { nextChangeDay, resultKey } from './nextChange';
import { resultKeyOn, scoreAccount } from './score';
import type { AccountSignals } from './signals';
import type { BatonModel } from '../config/model';

const model = loadProjectModel();
const AS_OF = '2025-06-30';
const AS_OF_DAY = dayOf(AS_OF);
const keyOn = (signals: AccountSignals, day: number) =>
  resultKey(scoreAccount(signals, model, isoOfDay(day)));

// Dates up to two months ahead too: a signal dated later than the run starts to count on its day.
const day = fc.integer({ min: AS_OF_DAY - 500, max: AS_OF_DAY + 60 }).map(isoOfDay);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const survey = fc.record({
  type: fc.constantFrom('NPS' as const, 'CSAT' as const, 'CES' as const),
  score: fc.integer({ min: 1, max: 5 }),
  date: day
});
const account: fc.Arbitrary<AccountSignals> = fc.record(
  {
    id: fc.constant('001A'),
    touchTier: maybe(fc.constantFrom('High' as const, 'Low' as const, 'Tech' as const)),
    contractStart: maybe(day),
    onboardingStarted: maybe(day),
    firstValueAt: maybe(day),
    licensedSeats: maybe(fc.integer({ min: 0, max: 50 })),
    activeUsers30d: maybe(fc.integer({ min: 0, max: 60 })),
    surveys: maybe(fc.array(survey, { maxLength: 6 })),
    openHighPriorityCases: maybe(fc.integer({ min: 0, max: 3 })),
    lastTouchpointAt: maybe(day),
    overdueInvoices: maybe(fc.integer({ min: 0, max: 3 })),
    csmSentiment: maybe(
      fc.record({
        value: fc.constantFrom('Positive' as const, 'Neutral' as const, 'Negative' as const),
        date: day
      })
    ),
    previousScores: maybe(
      fc.array(fc.record({ date: day, score: fc.integer({ min: 0, max: 100 }) }), { maxLength: 3 })
    )
  },
  { requiredKeys: ['id'] }
);

// An admin may anchor a linear measure either way round (more days scoring better).
const reversedAnchors: BatonModel = {
  ...model,
  measures: model.measures.map((measure) =>
    ['timeToFirstValue', 'cadence'].includes(measure.kind)
      ? { ...measure, fullAt: measure.zeroAt, zeroAt: measure.fullAt }
      : measure
  )
};

describe('nextChangeDay', () => {
  it.each([
    ['the shipped model', model],
    ['linear measures anchored the other way round', reversedAnchors]
  ])(
    'never names a day later than the first one whose score, status, coverage or trend differs (%s)',
    (_name, scoring) => {
      const keyWith = (signals: AccountSignals, day: number) =>
        resultKey(scoreAccount(signals, scoring, isoOfDay(day)));
      fc.assert(
        fc.property(account, (signals) => {
          const next = nextChangeDay(signals, scoring, AS_OF);
          const key = keyWith(signals, AS_OF_DAY);
          // Past the latest date in the input plus the longest window nothing can change.
          const horizon = next ?? AS_OF_DAY + 800;
          for (let d = AS_OF_DAY + 1; d < horizon; d++) expect(keyWith(signals, d)).toBe(key);
          expect(next === null || next > AS_OF_DAY).toBe(true);
        }),
        { numRuns: 200 }
      );
    }
  );

  it("names the same day from the caller's result on asOf as from scoring it again", () => {
    fc.assert(
      fc.property(account, (signals) => {
        const scored = scoreAccount(signals, model, AS_OF);
        expect(nextChangeDay(signals, model, AS_OF, scored)).toBe(
          nextChangeDay(signals, model, AS_OF)
        );
      }),
      { numRuns: 200 }
    );
  });

  it('probes with a key equal to the one of the whole result', () => {
    fc.assert(
      fc.property(account, fc.integer({ min: -30, max: 400 }), (signals, ahead) => {
        const day = AS_OF_DAY + ahead;
        expect(resultKeyOn(signals, model, day)).toBe(keyOn(signals, day));
      }),
      { numRuns: 300 }
    );
  });

  it('names the day an answer leaves its window, not every day before it', () => {
    const signals: AccountSignals = {
      id: '001A',
      surveys: [{ type: 'NPS', score: 9, date: '2025-06-20' }]
    };
    // NPS reads 365 days: the answer of 2025-06-20 counts up to 2026-06-19.
    expect(isoOfDay(nextChangeDay(signals, model, AS_OF)!)).toBe('2026-06-20');
  });

  it('has no day for signals that do not age', () => {
    expect(nextChangeDay({ id: '001A', overdueInvoices: 1 }, model, AS_OF)).toBeNull();
  });

  it('names the day an overdue meeting first costs a whole point, not the next day', () => {
    // High meets every 90 days: from day 90 the cadence measure loses 100/90 points a day.
    const signals: AccountSignals = {
      id: '001A',
      touchTier: 'High',
      lastTouchpointAt: isoOfDay(AS_OF_DAY - 100),
      licensedSeats: 10,
      activeUsers30d: 9,
      surveys: [{ type: 'NPS', score: 9, date: '2025-06-20' }],
      openHighPriorityCases: 0,
      overdueInvoices: 0
    };
    const next = nextChangeDay(signals, model, AS_OF)!;
    expect(keyOn(signals, next)).not.toBe(keyOn(signals, AS_OF_DAY));
    expect(keyOn(signals, next - 1)).toBe(keyOn(signals, AS_OF_DAY));
    expect(next).toBeGreaterThan(AS_OF_DAY + 1);
  });
});
