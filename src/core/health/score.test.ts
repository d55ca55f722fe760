import { loadProjectModel } from '../../metadata/projectModel';
import type { BatonModel } from '../config/model';
import { scoreAccount, type HealthResult } from './score';
import type { AccountSignals } from './signals';

const model = loadProjectModel();
const AS_OF = '2025-06-30';

const score = (signals: Partial<AccountSignals>, asOf = AS_OF, withModel: BatonModel = model) =>
  scoreAccount({ id: 'A', ...signals }, withModel, asOf);
const measure = (result: HealthResult, key: string) =>
  result.measures.find((entry) => entry.key === key);

describe('health measures', () => {
  it('scores licence utilisation linearly: 0 at exactly 0.3, 100 at 0.8, 60 at 0.6', () => {
    expect(
      measure(score({ licensedSeats: 10, activeUsers30d: 3 }), 'licenseUtilisation')?.score
    ).toBe(0);
    expect(
      measure(score({ licensedSeats: 10, activeUsers30d: 8 }), 'licenseUtilisation')?.score
    ).toBe(100);
    expect(
      measure(score({ licensedSeats: 10, activeUsers30d: 6 }), 'licenseUtilisation')?.score
    ).toBeCloseTo(60, 9);
  });

  it('has no utilisation or activity data when the divisor is 0 or absent', () => {
    const result = score({ licensedSeats: 0, activeUsers30d: 5, logins30d: 10, loginsPrev30d: 0 });
    expect(measure(result, 'licenseUtilisation')?.value).toBeNull();
    expect(measure(result, 'activityTrend')?.value).toBeNull();
    expect(measure(score({ activeUsers30d: 5 }), 'licenseUtilisation')?.score).toBeNull();
  });

  it('scores the activity trend from logins30d / loginsPrev30d', () => {
    expect(
      measure(score({ logins30d: 75, loginsPrev30d: 100 }), 'activityTrend')?.score
    ).toBeCloseTo(50, 9);
    expect(measure(score({ logins30d: 120, loginsPrev30d: 100 }), 'activityTrend')?.score).toBe(
      100
    );
  });

  it('counts time to first value from onboarding start, only within 180 days', () => {
    const reached = score({ onboardingStarted: '2025-05-01', firstValueAt: '2025-06-15' });
    expect(measure(reached, 'timeToFirstValue')).toMatchObject({ value: 45, score: 75 });
    const waiting = score({ onboardingStarted: '2025-05-01' });
    expect(measure(waiting, 'timeToFirstValue')).toMatchObject({ value: 60, score: 50 });
    expect(measure(waiting, 'timeToFirstValue')?.detail).toBe('no first value yet after 60 days');
    // Day 180 still applies; day 181 does not (not counted in coverage either).
    expect(measure(score({ onboardingStarted: '2025-01-01' }), 'timeToFirstValue')?.value).toBe(
      180
    );
    expect(measure(score({ onboardingStarted: '2024-12-31' }), 'timeToFirstValue')).toBeUndefined();
    expect(measure(score({}), 'timeToFirstValue')).toBeUndefined();
  });

  it('takes NPS over (asOf − 365 d, asOf]: (NPS + 100) / 2, unrounded', () => {
    const surveys = [
      { type: 'NPS' as const, score: 10, date: '2025-06-30' },
      { type: 'NPS' as const, score: 7, date: '2025-01-01' },
      { type: 'NPS' as const, score: 0, date: '2024-07-01' },
      { type: 'NPS' as const, score: 0, date: '2024-06-30' },
      { type: 'NPS' as const, score: 10, date: '2025-07-01' }
    ];
    const nps = measure(score({ surveys }), 'nps');
    // In the window: 10 (promoter), 7 (passive), 0 (detractor from 2024-07-01): NPS = 0.
    expect(nps).toMatchObject({
      value: 0,
      score: 50,
      detail: '1 detractor and 1 passive of 3 responses'
    });
    const third = measure(
      score({ surveys: surveys.slice(0, 1).concat(surveys[1], surveys[1]) }),
      'nps'
    );
    expect(third?.score).toBeCloseTo(200 / 3, 9);
  });

  it('takes CSAT and CES over (asOf − 180 d, asOf]', () => {
    const surveys = [
      { type: 'CSAT' as const, score: 5, date: '2025-01-02' },
      { type: 'CSAT' as const, score: 3, date: '2025-06-01' },
      { type: 'CSAT' as const, score: 1, date: '2025-01-01' },
      { type: 'CES' as const, score: 7, date: '2025-06-01' },
      { type: 'CES' as const, score: 4, date: '2025-06-02' },
      { type: 'CES' as const, score: 1, date: '2025-01-01' }
    ];
    const result = score({ surveys });
    expect(measure(result, 'csat')).toMatchObject({ value: 0.5, score: 50 });
    expect(measure(result, 'ces')).toMatchObject({ value: 5.5, score: 75 });
  });

  it('rejects an out-of-range survey score instead of clamping it', () => {
    expect(() => score({ surveys: [{ type: 'CSAT', score: 6, date: AS_OF }] })).toThrow(
      /surveys\[0\]\.score: CSAT score must be a whole number 1–5, got 6/
    );
  });

  it('scores cadence by days since the last touchpoint, else the contract start, per tier', () => {
    expect(
      measure(score({ touchTier: 'High', lastTouchpointAt: '2025-04-01' }), 'cadence')
    ).toMatchObject({ value: 90, score: 100 });
    expect(
      measure(score({ touchTier: 'High', lastTouchpointAt: '2025-02-15' }), 'cadence')?.score
    ).toBeCloseTo(50, 9);
    expect(
      measure(score({ touchTier: 'High', contractStart: '2025-01-01' }), 'cadence')?.score
    ).toBe(0);
    expect(
      measure(score({ touchTier: 'Low', lastTouchpointAt: '2025-01-01' }), 'cadence')?.score
    ).toBe(100);
    expect(
      measure(score({ touchTier: 'Tech', lastTouchpointAt: '2020-01-01' }), 'cadence')
    ).toBeUndefined();
    expect(measure(score({ touchTier: 'High' }), 'cadence')?.value).toBeNull();
  });

  it('steps support (0:100, 1:60, 2:30, ≥3:0) and billing (0:100, 1:40, ≥2:0)', () => {
    const support = (open: number, escalations: number) =>
      measure(score({ openHighPriorityCases: open, escalations90d: escalations }), 'support')
        ?.score;
    expect([support(0, 0), support(1, 0), support(1, 1), support(2, 1), support(9, 0)]).toEqual([
      100, 60, 30, 0, 0
    ]);
    expect(measure(score({ escalations90d: 1 }), 'support')?.score).toBe(60);
    expect(measure(score({}), 'support')?.value).toBeNull();
    const billing = (count: number) => measure(score({ overdueInvoices: count }), 'billing')?.score;
    expect([billing(0), billing(1), billing(2), billing(5)]).toEqual([100, 40, 0, 0]);
  });

  it('counts CSM sentiment only when dated within 90 days', () => {
    const sentiment = (value: 'Positive' | 'Neutral' | 'Negative', date: string) =>
      measure(score({ csmSentiment: { value, date } }), 'sentiment')?.score ?? null;
    expect(sentiment('Positive', '2025-06-30')).toBe(100);
    expect(sentiment('Neutral', '2025-04-02')).toBe(60);
    expect(sentiment('Negative', '2025-04-02')).toBe(0);
    expect(sentiment('Positive', '2025-04-01')).toBeNull();
  });
});

describe('health score, coverage and status', () => {
  it('normalises weights over measures with data and rounds half up at the end', () => {
    // Utilisation 100 (w20), billing 40 (w5): (2000 + 200) / 25 = 88.
    expect(score({ licensedSeats: 1, activeUsers30d: 1, overdueInvoices: 1 }).score).toBe(88);
    // CSAT 25 (w10) and support 60 (w10): 42.5 rounds half up to 43.
    const half = score({
      openHighPriorityCases: 1,
      surveys: [5, 1, 2, 3].map((value) => ({ type: 'CSAT' as const, score: value, date: AS_OF }))
    });
    expect(half.score).toBe(43);
  });

  it('puts exactly 70 in Green and 69 in Yellow; exactly 40 in Yellow and 39 in Red', () => {
    const anyCoverage: BatonModel = { ...model, minCoverage: 0 };
    const utilisation = (active: number) =>
      score({ licensedSeats: 1000, activeUsers30d: active }, AS_OF, anyCoverage);
    expect(utilisation(650)).toMatchObject({ score: 70, status: 'Green' });
    expect(utilisation(645)).toMatchObject({ score: 69, status: 'Yellow' });
    expect(utilisation(500)).toMatchObject({ score: 40, status: 'Yellow' });
    expect(utilisation(495)).toMatchObject({ score: 39, status: 'Red' });
    expect(score({ overdueInvoices: 1 }, AS_OF, anyCoverage)).toMatchObject({
      score: 40,
      status: 'Yellow'
    });
  });

  it('reports coverage as weight with data over applicable weight; below 0.5 is Insufficient data', () => {
    const high = score({ touchTier: 'High', overdueInvoices: 0 });
    // Default weights sum to 110; without time to first value (no onboarding start) 100.
    expect(high.coverage).toBe(0.05);
    expect(high).toMatchObject({
      score: 100,
      status: 'Insufficient data',
      measuresUsed: 1,
      measuresApplicable: 9
    });
    // Tech: no cadence and no time to first value, 90 applies; 20 + 15 + 5 + 10 have data.
    const half = score({
      touchTier: 'Tech',
      licensedSeats: 10,
      activeUsers30d: 8,
      logins30d: 1,
      loginsPrev30d: 1,
      overdueInvoices: 0,
      openHighPriorityCases: 0
    });
    expect(half.coverage).toBeCloseTo(50 / 90, 12);
    expect(half.status).toBe('Green');
    // Exactly 0.5 (45 of 90) is enough; a little less is not.
    const exactly = score({
      touchTier: 'Tech',
      licensedSeats: 10,
      activeUsers30d: 8,
      logins30d: 1,
      loginsPrev30d: 1,
      openHighPriorityCases: 0
    });
    expect(exactly).toMatchObject({ coverage: 0.5, status: 'Green' });
    const less = score({
      touchTier: 'Tech',
      licensedSeats: 10,
      activeUsers30d: 8,
      logins30d: 1,
      loginsPrev30d: 1,
      overdueInvoices: 0
    });
    expect(less).toMatchObject({ coverage: 40 / 90, status: 'Insufficient data', score: 100 });
  });

  it('gives no score and zero coverage for empty input', () => {
    expect(score({})).toMatchObject({
      score: null,
      status: 'Insufficient data',
      coverage: 0,
      trend: null,
      trendDirection: null,
      quadrant: null,
      drivers: [],
      driversFi: []
    });
  });

  it('handles a tier with no applicable measures (coverage 0, no score)', () => {
    const onlyCadence: BatonModel = {
      ...model,
      measures: model.measures.filter((m) => m.kind === 'cadence')
    };
    expect(score({ touchTier: 'Tech', lastTouchpointAt: AS_OF }, AS_OF, onlyCadence)).toMatchObject(
      {
        score: null,
        coverage: 0,
        status: 'Insufficient data',
        measures: [],
        measuresApplicable: 0
      }
    );
  });
});

describe('trend, quadrant and drivers', () => {
  const base = { licensedSeats: 10, activeUsers30d: 8, overdueInvoices: 0 };

  it('compares with the latest score at least 28 days old', () => {
    const trend = (previousScores: { date: string; score: number }[]) =>
      score({ ...base, previousScores });
    expect(trend([{ date: '2025-06-02', score: 95 }])).toMatchObject({
      trend: 5,
      trendDirection: 'up'
    });
    expect(trend([{ date: '2025-06-03', score: 10 }])).toMatchObject({
      trend: null,
      trendDirection: null
    });
    expect(
      trend([
        { date: '2025-05-01', score: 10 },
        { date: '2025-06-01', score: 96 }
      ]).trend
    ).toBe(4);
    expect(trend([{ date: '2025-06-01', score: 96 }]).trendDirection).toBe('flat');
    const down = score({ overdueInvoices: 1, previousScores: [{ date: '2025-01-01', score: 45 }] });
    expect(down).toMatchObject({ trend: -5, trendDirection: 'down' });
  });

  it('places the account by Experience against Outcome, split at 60', () => {
    const quadrant = (active: number, promoters: number) =>
      score({
        licensedSeats: 10,
        activeUsers30d: active,
        surveys: [
          { type: 'NPS', score: promoters ? 10 : 0, date: AS_OF },
          { type: 'NPS', score: 8, date: AS_OF }
        ]
      }).quadrant;
    expect(quadrant(8, 1)).toBe('healthy');
    expect(quadrant(3, 1)).toBe('satisfiedNotSucceeding');
    expect(quadrant(8, 0)).toBe('succeedingUnhappy');
    expect(quadrant(3, 0)).toBe('atRisk');
    // Exactly 60 on both axes counts as high: utilisation 0.6 → 60; NPS +20 → 60.
    expect(
      score({
        licensedSeats: 10,
        activeUsers30d: 6,
        surveys: [10, 10, 8, 8, 0].map((value) => ({
          type: 'NPS' as const,
          score: value,
          date: AS_OF
        }))
      }).quadrant
    ).toBe('healthy');
    expect(score({ licensedSeats: 10, activeUsers30d: 8 }).quadrant).toBeNull();
  });

  it('names the top three measures by points lost, in English and Finnish', () => {
    const result = score({
      licensedSeats: 40,
      activeUsers30d: 12,
      overdueInvoices: 1,
      openHighPriorityCases: 1,
      surveys: [3, 10, 5, 8, 2].map((value) => ({
        type: 'NPS' as const,
        score: value,
        date: AS_OF
      }))
    });
    // Σw = 20 + 15 + 5 + 10 = 50. Lost: utilisation 40, NPS (−40 → 30) 0.3·70 = 21, support 8, billing 6.
    expect(measure(result, 'nps')?.pointsLost).toBeCloseTo(21, 9);
    expect(result.drivers).toEqual([
      'Licence utilisation −40: 12 of 40 seats active (30 %)',
      'NPS −21: 3 detractors and 1 passive of 5 responses',
      'Support cases and escalations −8: 1 open high-priority case or escalation'
    ]);
    expect(result.driversFi[1]).toBe('NPS −21: 3 arvostelijaa ja 1 passiivinen 5 vastaajasta');
    const lost = result.measures.reduce((sum, entry) => sum + (entry.pointsLost ?? 0), 0);
    expect(100 - lost).toBeCloseTo((20 * 0 + 15 * 30 + 10 * 60 + 5 * 40) / 50, 9);
  });
});

describe('NPS drivers say what lowers the score', () => {
  it('names the passives when no answer is a detractor, never "0 detractors" alone', () => {
    const model = loadProjectModel();
    const result = scoreAccount(
      {
        id: 'passives',
        touchTier: 'Low',
        licensedSeats: 10,
        activeUsers30d: 10,
        overdueInvoices: 0,
        surveys: [
          { type: 'NPS', score: 9, date: '2026-11-01' },
          { type: 'NPS', score: 7, date: '2026-11-02' }
        ]
      },
      model,
      '2026-12-07'
    );
    const nps = result.measures.find((m) => m.key === 'nps')!;
    expect(nps.detail).toBe('1 passive of 2 responses');
    expect(result.drivers).toContain(
      `NPS −${Math.round(nps.pointsLost!)}: 1 passive of 2 responses`
    );
    expect(result.driversFi).toContain(
      `NPS −${Math.round(nps.pointsLost!)}: 1 passiivinen 2 vastaajasta`
    );
  });
});
