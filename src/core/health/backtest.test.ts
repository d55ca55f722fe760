import {
  auc,
  aucInterval,
  bandFlips,
  calibration,
  churnCaughtReachable,
  horizonReport,
  measureDiscrimination,
  overridesFared,
  reachableWithin,
  scoresAtHorizon,
  seededRandom,
  topDecileLift,
  wilson
} from './backtest';

const point = (bad: boolean, score: number) => ({ bad, score });

describe('backtest statistics against known answers', () => {
  it('AUC is 1 for a score that separates perfectly, 0 reversed, ties count half', () => {
    expect(auc([point(true, 10), point(true, 20), point(false, 30), point(false, 40)])).toBe(1);
    expect(auc([point(true, 40), point(false, 10)])).toBe(0);
    expect(auc([point(true, 50), point(false, 50)])).toBe(0.5);
    // 2 bad × 2 good: (10<30) 1, (10<50) 1, (50 vs 30) 0, (50=50) 0.5 → 2.5 / 4
    expect(auc([point(true, 10), point(true, 50), point(false, 30), point(false, 50)])).toBe(0.625);
    expect(auc([point(true, 10)])).toBeNull();
  });

  it('a score independent of the outcome gives an interval around 0.5', () => {
    const random = seededRandom(42);
    const points = Array.from({ length: 400 }, () =>
      point(random() < 0.3, Math.round(random() * 100))
    );
    const [low, high] = aucInterval(points, 500, seededRandom(7))!;
    expect(low).toBeLessThan(0.5);
    expect(high).toBeGreaterThan(0.5);
    expect(high - low).toBeLessThan(0.2);
  });

  it('lift and calibration match a hand count', () => {
    // 20 outcomes, scores 1..20; the 2 lowest are bad, and 2 of the rest: base 4/20.
    const points = Array.from({ length: 20 }, (_, k) =>
      point(k < 2 || k === 10 || k === 15, k + 1)
    );
    expect(topDecileLift(points)).toEqual({ topRate: 1, baseRate: 0.2, lift: 5 });
    const deciles = calibration(points);
    expect(deciles).toHaveLength(10);
    expect(deciles[0]).toEqual({ decile: 1, count: 2, meanScore: 1.5, badRate: 1 });
    expect(deciles[5]).toEqual({ decile: 6, count: 2, meanScore: 11.5, badRate: 0.5 });
    expect(deciles[9].badRate).toBe(0);
  });

  it('Wilson interval of 0 of 10 starts at 0 and stays below a third', () => {
    const [low, high] = wilson(0, 10)!;
    expect(low).toBe(0);
    expect(high).toBeCloseTo(0.2775, 3);
  });

  it('uses only snapshots on or before the horizon day: one written after never counts', () => {
    const snapshots = new Map([
      [
        'A',
        [
          { date: '2026-06-01', score: 30, status: 'Red' },
          // Written after the horizon day (the churn was known): must not leak in.
          { date: '2026-09-01', score: 90, status: 'Green' }
        ]
      ]
    ]);
    const outcomes = [{ accountId: 'A', type: 'Churn' as const, date: '2026-10-01', arr: 1200 }];
    expect(scoresAtHorizon(outcomes, snapshots, 90)).toEqual([
      {
        accountId: 'A',
        type: 'Churn',
        bad: true,
        score: 30,
        status: 'Red',
        arr: 1200,
        override: null,
        measures: {}
      }
    ]);
    expect(scoresAtHorizon(outcomes, snapshots, 180)).toEqual([]);
  });
});

describe('measureDiscrimination', () => {
  it('shares the measured weight by edge above chance and leaves unmeasured weights alone', () => {
    const points = [
      {
        accountId: 'a',
        type: 'Churn' as const,
        bad: true,
        score: 10,
        status: 'Red',
        arr: 0,
        override: null,
        measures: { A: 0, B: 50 }
      },
      {
        accountId: 'b',
        type: 'Renewal' as const,
        bad: false,
        score: 90,
        status: 'Green',
        arr: 0,
        override: null,
        measures: { A: 100, B: 50 }
      }
    ];
    expect(measureDiscrimination(points, { A: 10, B: 10, C: 5 })).toEqual([
      { measure: 'A', outcomes: 2, auc: 1, weight: 10, suggestedWeight: 20 },
      { measure: 'B', outcomes: 2, auc: 0.5, weight: 10, suggestedWeight: 0 },
      { measure: 'C', outcomes: 0, auc: null, weight: 5, suggestedWeight: 5 }
    ]);
  });
});

describe('band flips and overrides', () => {
  it('counts a flip for each consecutive pair of snapshots in different bands', () => {
    const snapshot = (date: string, status: string) => ({ date, score: 50, status });
    const history = new Map([
      [
        'A',
        [
          snapshot('2026-03-01', 'Red'),
          snapshot('2026-01-01', 'Green'),
          snapshot('2026-02-01', 'Green')
        ]
      ],
      ['B', [snapshot('2026-01-01', 'Yellow')]]
    ]);
    // A by date: Green, Green, Red: 2 pairs, 1 flip.
    expect(bandFlips(history)).toEqual({ pairs: 2, flips: 1, rate: 0.5 });
  });

  it('judges an override right when a Green one renewed or a Red one left; Yellow says neither', () => {
    const outcome = (bad: boolean, override: string | null) => ({
      accountId: 'a',
      type: bad ? ('Churn' as const) : ('Renewal' as const),
      bad,
      score: 50,
      status: 'Yellow',
      arr: 0,
      override,
      measures: {}
    });
    const points = [
      outcome(false, 'Green'),
      outcome(true, 'Green'),
      outcome(true, 'Red'),
      outcome(true, 'Yellow'),
      outcome(true, null)
    ];
    expect(overridesFared(points, 'Green', 'Red')).toEqual({
      overridden: 3,
      right: 2,
      rate: 2 / 3
    });
  });

  it('counts churn caught only among the accounts the tier cadence meets within the horizon', () => {
    // Tiers as shipped: High meets every 90 days, Low every 365, Tech never (automated).
    const cadence = { High: 90, Low: 365, Tech: null } as Record<string, number | null>;
    const tierOf: Record<string, string> = {
      h1: 'High',
      h2: 'High',
      h3: 'High',
      l1: 'Low',
      t1: 'Tech'
    };
    const reachable = (horizon: number) => (accountId: string) =>
      reachableWithin({ meetingIntervalDays: cadence[tierOf[accountId]] }, horizon);
    const outcome = (
      accountId: string,
      type: 'Churn' | 'Contraction' | 'Renewal',
      status: string
    ) => ({
      accountId,
      type,
      bad: type !== 'Renewal',
      score: 50,
      status,
      arr: 0,
      override: null,
      measures: {}
    });
    const points = [
      outcome('h1', 'Churn', 'Red'), // reachable, flagged
      outcome('h2', 'Churn', 'Yellow'), // reachable, flagged
      outcome('h3', 'Churn', 'Green'), // reachable, missed
      outcome('h1', 'Contraction', 'Red'), // not a churn
      outcome('l1', 'Churn', 'Red'), // a yearly meeting is out of reach at 90 days
      outcome('t1', 'Churn', 'Red'), // no meetings: never in reach
      outcome('h2', 'Renewal', 'Red'),
      outcome('h3', 'Churn', 'Insufficient data') // reachable, but no number to act on
    ];
    const at90 = churnCaughtReachable(
      points,
      reachable(90),
      ['Yellow', 'Red'],
      'Insufficient data'
    );
    expect(at90).toMatchObject({
      churns: 6,
      reachable: 4,
      tooLittleData: 1,
      caught: 2,
      rate: 2 / 3
    });
    expect(at90.interval).toEqual(wilson(2, 3));
    // At 365 days the yearly meeting is in reach too; an automated tier never is.
    expect(
      churnCaughtReachable(points, reachable(365), ['Yellow', 'Red'], 'Insufficient data')
    ).toMatchObject({ reachable: 5, caught: 3 });
    expect(churnCaughtReachable([], reachable(90), ['Red'], 'Insufficient data')).toMatchObject({
      reachable: 0,
      rate: null,
      interval: null
    });
    expect(reachableWithin(undefined, 90)).toBe(false);
  });
});

describe('horizonReport leaves out scores resting on too little data', () => {
  const BANDS = ['Green', 'Yellow', 'Red'];
  const THIN = 'Insufficient data';
  // Each account: one outcome on 1 June and one snapshot 120 days before (inside 90 days).
  const book = (rows: { id: string; bad: boolean; score: number; status: string }[]) => ({
    outcomes: rows.map((r) => ({
      accountId: r.id,
      type: r.bad ? ('Churn' as const) : ('Renewal' as const),
      date: '2026-06-01',
      arr: 1000
    })),
    history: new Map(
      rows.map((r) => [r.id, [{ date: '2026-02-01', score: r.score, status: r.status }]])
    )
  });
  const inputs = {
    bands: BANDS,
    insufficientStatus: THIN,
    weights: {},
    reachable: () => true
  };
  const sufficient = [
    ...Array.from({ length: 10 }, (_, k) => ({
      id: `b${k}`,
      bad: true,
      score: 10 + k,
      status: 'Red'
    })),
    ...Array.from({ length: 10 }, (_, k) => ({
      id: `g${k}`,
      bad: false,
      score: 80 + k,
      status: 'Green'
    }))
  ];
  // Thin scores pointing the wrong way: churns at 100 and renewals at 0, as an account with no
  // data at all can show.
  const thin = [
    { id: 't1', bad: true, score: 100, status: THIN },
    { id: 't2', bad: true, score: 100, status: THIN },
    { id: 't3', bad: false, score: 0, status: THIN }
  ];

  it('draws every statistic from the outcomes with enough data, and counts the rest apart', () => {
    const { outcomes, history } = book([...sufficient, ...thin]);
    const report = horizonReport(outcomes, history, 90, inputs);
    // With the thin ones the AUC would be 100 of 12 × 11 pairs ≈ 0.76; they warned no one.
    expect(auc([...sufficient, ...thin])).toBeCloseTo(100 / 132, 6);
    expect(report).toMatchObject({
      outcomes: 20,
      bad: 10,
      good: 10,
      tooLittleData: { outcomes: 3, bad: 2, good: 1 },
      refused: null,
      auc: 1
    });
    expect(report.lift).toEqual({ topRate: 1, baseRate: 0.5, lift: 2 });
    expect(report.bands.map((b) => [b.status, b.count])).toEqual([
      ['Green', 10],
      ['Red', 10]
    ]);
    expect(report.calibration.reduce((n, d) => n + d.count, 0)).toBe(20);
    expect(report.calibration[9].meanScore).toBe(88.5);
    // Churn caught among reachable accounts still names the thin churns apart.
    expect(report.reachable).toMatchObject({
      churns: 12,
      reachable: 12,
      tooLittleData: 2,
      caught: 10
    });
  });

  it('refuses when too few of either kind rest on enough data, naming those left out', () => {
    const nineGood = sufficient.filter((r) => r.id !== 'g0');
    const { outcomes, history } = book([...nineGood, ...thin]);
    const report = horizonReport(outcomes, history, 90, inputs);
    // Counting the thin renewal would have made 10 of each and a report.
    expect(report).toMatchObject({ outcomes: 19, bad: 10, good: 9, auc: null, bands: [] });
    expect(report.refused).toBe(
      'Too few outcomes with a score 90 days before them (10 churn or contraction, 9 renewal with enough data for a score; at least 10 of each are needed): no statistic would be worth acting on. 3 more had a score resting on too little data then and are left out.'
    );
  });
});
