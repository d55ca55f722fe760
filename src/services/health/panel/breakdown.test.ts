import { loadProjectModel } from '../../../metadata/projectModel';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  MEASURE_KINDS,
  readBreakdown,
  scoreAccount,
  type AccountSignals,
  type BatonModel
} from '../../../core';
import { csvRowBytes } from '../../../org/bulk';
import { coreScorer } from '../recompute/coreScorer';
import { formatExplanation, type Explanation } from '../explain/explainFormat';
import type { SignalsInput } from '../recompute/accountSignals';
import { breakdownJson, type ScoredAccount } from '../recompute/scorer';

const model = loadProjectModel();
const AS_OF = '2026-11-20';
const ID = '001000000000001AAA';

/** A typical account: every measure has data, as most of a real book. */
const typical: AccountSignals = {
  id: ID,
  touchTier: 'High',
  contractStart: '2025-01-10',
  licensedSeats: 50,
  activeUsers30d: 33,
  logins30d: 900,
  loginsPrev30d: 950,
  onboardingStarted: '2026-10-01',
  firstValueAt: '2026-10-20',
  surveys: [
    { type: 'NPS', score: 8, date: '2026-10-01' },
    { type: 'CSAT', score: 4, date: '2026-10-01' },
    { type: 'CES', score: 5, date: '2026-10-01' }
  ],
  lastTouchpointAt: '2026-10-20',
  openHighPriorityCases: 1,
  escalations90d: 0,
  overdueInvoices: 0,
  csmSentiment: { value: 'Neutral', date: '2026-11-01' },
  previousScores: [{ date: '2026-10-20', score: 66 }]
};

/** Accounts whose drivers use every kind's counts (a, b) and the sentiment's word. */
const accounts: AccountSignals[] = [
  typical,
  {
    id: 'atRisk',
    touchTier: 'Low',
    contractStart: '2025-03-01',
    licensedSeats: 40,
    activeUsers30d: 9,
    logins30d: 300,
    loginsPrev30d: 700,
    onboardingStarted: '2026-08-01',
    surveys: [
      { type: 'NPS', score: 2, date: '2026-09-01' },
      { type: 'NPS', score: 6, date: '2026-10-01' },
      { type: 'NPS', score: 10, date: '2026-10-02' },
      { type: 'CSAT', score: 2, date: '2026-10-01' },
      { type: 'CES', score: 2, date: '2026-10-01' },
      { type: 'CES', score: 3, date: '2026-10-05' },
      { type: 'CES', score: 3, date: '2026-10-06' }
    ],
    lastTouchpointAt: '2026-05-01',
    openHighPriorityCases: 2,
    escalations90d: 1,
    overdueInvoices: 2,
    csmSentiment: { value: 'Negative', date: '2026-11-10' },
    previousScores: [{ date: '2026-10-01', score: 61 }]
  },
  {
    id: 'tech',
    touchTier: 'Tech',
    licensedSeats: 10,
    activeUsers30d: 2,
    csmSentiment: { value: 'Positive', date: '2026-11-10' }
  },
  {
    id: 'surveysOnly',
    surveys: [
      { type: 'NPS', score: 5, date: '2026-10-01' },
      { type: 'CSAT', score: 2, date: '2026-10-01' },
      { type: 'CSAT', score: 5, date: '2026-10-03' },
      { type: 'CSAT', score: 1, date: '2026-10-04' },
      { type: 'CES', score: 2, date: '2026-10-01' },
      { type: 'CES', score: 1, date: '2026-10-02' },
      { type: 'CES', score: 2, date: '2026-10-03' }
    ],
    csmSentiment: { value: 'Negative', date: '2026-11-10' }
  },
  {
    id: 'relationship',
    touchTier: 'High',
    contractStart: '2024-01-10',
    lastTouchpointAt: '2026-06-01',
    overdueInvoices: 3,
    openHighPriorityCases: 0,
    escalations90d: 1,
    csmSentiment: { value: 'Neutral', date: '2026-11-10' },
    licensedSeats: 10,
    activeUsers30d: 10
  },
  {
    id: 'effort',
    surveys: [
      { type: 'CES', score: 2, date: '2026-10-01' },
      { type: 'CES', score: 4, date: '2026-10-02' },
      { type: 'CES', score: 1, date: '2026-10-03' }
    ],
    overdueInvoices: 0
  },
  { id: 'sparse' }
];

/** The version 1 writer as it was, to show that readers get the same from both versions. */
function breakdownJsonV1(result: ScoredAccount, asOf: string, override: string | null): string {
  const round2 = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
  return JSON.stringify({
    version: 1,
    asOf,
    score: result.score,
    status: result.status,
    override,
    coverage: round2(result.coverage),
    trend: result.trend,
    trendDirection: result.trendDirection,
    quadrant: result.quadrant,
    measuresUsed: result.measuresUsed,
    measuresApplicable: result.measuresApplicable,
    measures: result.measures.map((measure) => ({
      ...measure,
      value: round2(measure.value),
      score: round2(measure.score),
      pointsLost: round2(measure.pointsLost)
    })),
    drivers: result.drivers,
    driversFi: result.driversFi
  });
}

/** The snapshot row as scoreChunk writes it. */
const snapshotRow = (result: ScoredAccount, breakdown: string) => ({
  Account__c: ID,
  Score__c: result.score,
  Status__c: result.status,
  Coverage__c: Math.round(result.coverage * 1000) / 1000,
  Breakdown__c: breakdown,
  Computed_At__c: `${AS_OF}T03:00:00.000Z`,
  Snapshot_Key__c: `${ID}-${AS_OF}`
});

/** What a person reads of a breakdown: the panel's rows rounded as shown, drivers, quadrant. */
function shown(view: ReturnType<typeof readBreakdown>) {
  if (!view) return null;
  const one = (value: number | null) => (value === null ? null : value.toFixed(1));
  return {
    quadrant: view.quadrant,
    trendDirection: view.trendDirection,
    override: view.override,
    used: view.measuresUsed,
    applicable: view.measuresApplicable,
    rows: view.measures.map((row) => [
      row.key,
      row.name,
      row.label,
      row.group,
      typeof row.value === 'number' ? row.value.toFixed(2) : row.value,
      one(row.score),
      row.weight,
      one(row.pointsLost)
    ]),
    drivers: view.drivers,
    driversFi: view.driversFi
  };
}

/** The recompute's scorer on the core's account shape (the recompute builds the same from rows). */
const scorerOf = (withModel: BatonModel) => {
  const scorer = coreScorer(withModel);
  return { score: (signals: AccountSignals) => scorer.score(signals as SignalsInput, AS_OF) };
};

describe('Health_Snapshot__c.Breakdown__c version 2', () => {
  const scorer = scorerOf(model);

  it('keeps a typical snapshot row at most 600 bytes as Bulk CSV (version 1: over 2 000)', () => {
    const result = scorer.score(typical);
    const v2 = csvRowBytes(snapshotRow(result, breakdownJson(result, null, model.measures)));
    const v1 = csvRowBytes(snapshotRow(result, breakdownJsonV1(result, AS_OF, null)));
    expect(result.measuresUsed).toBe(10);
    expect(result.drivers).toHaveLength(3);
    expect(v2).toBeLessThanOrEqual(600);
    expect(v1).toBeGreaterThan(2000);
  });

  it.each(accounts.map((signals) => [signals.id, signals] as const))(
    'reads back what version 1 showed, and the core said, for %s',
    (_id, signals) => {
      const result = scorer.score(signals);
      const override = signals.id === 'atRisk' ? 'Green' : null;
      const v2 = readBreakdown(breakdownJson(result, override, model.measures), model.measures);
      const v1 = readBreakdown(breakdownJsonV1(result, AS_OF, override), model.measures);
      expect(shown(v2)).toEqual(shown(v1));
      expect(v2).toMatchObject({
        drivers: result.drivers,
        driversFi: result.driversFi,
        quadrant: result.quadrant,
        measuresUsed: result.measuresUsed,
        measuresApplicable: result.measuresApplicable
      });
    }
  );

  it('covers drivers of every kind that has counts, and the sentiment as a word', () => {
    const results = accounts.map((signals) => scorer.score(signals));
    const driverKinds = new Set(
      results.flatMap((result) => result.facts!.drivers.map(([at]) => result.measures[at].key))
    );
    expect([...driverKinds].sort()).toEqual([...MEASURE_KINDS].sort());
    const [, atRisk] = results;
    const row = readBreakdown(
      breakdownJson(atRisk, null, model.measures),
      model.measures
    )!.measures.find((measure) => measure.key === 'sentiment');
    expect(row).toMatchObject({ value: 'Negative', score: 0 });
    // A version 1 snapshot stored the score; the model's word for it is read back.
    const v1 = readBreakdown(breakdownJsonV1(atRisk, AS_OF, null), model.measures)!;
    expect(v1.measures.find((measure) => measure.key === 'sentiment')?.value).toBe('Negative');
  });

  it('explain tells the same from a stored version 2 breakdown as from the live score', () => {
    const result = scorer.score(accounts[1]);
    const view = readBreakdown(breakdownJson(result, null, model.measures), model.measures)!;
    const explanation = (scored: ScoredAccount): Explanation => ({
      account: { id: 'atRisk', name: 'Riski Oy' },
      asOf: AS_OF,
      result: scored,
      override: null,
      stored: { score: null, status: null, scoredAt: null }
    });
    const fromStored: ScoredAccount = {
      ...result,
      measures: view.measures.map((row, k) => ({
        ...result.measures[k],
        // explain prints two decimals: the stored value has them (the sentiment: its score).
        value: typeof row.value === 'number' ? row.value : result.measures[k].value,
        score: row.score,
        pointsLost: row.pointsLost
      })),
      drivers: view.drivers,
      quadrant: view.quadrant
    };
    expect(formatExplanation(explanation(fromStored))).toBe(formatExplanation(explanation(result)));
  });

  it('stores a kind two measures share by the measure name, and labels each from the model', () => {
    const nps = model.measures.find((measure) => measure.kind === 'nps')!;
    const twoNps: BatonModel = {
      ...model,
      measures: [
        ...model.measures,
        { ...nps, name: 'NPS_Recent', label: 'Recent NPS', labelFi: 'Tuore NPS', windowDays: 60 }
      ]
    };
    const signals = accounts[1];
    const result = scorerOf(twoNps).score(signals);
    const json = breakdownJson(result, null, twoNps.measures);
    expect(JSON.parse(json).measures.map(([ref]: [unknown]) => ref)).toEqual(
      expect.arrayContaining(['NPS', 'NPS_Recent'])
    );
    const view = readBreakdown(json, twoNps.measures)!;
    expect(view.drivers).toEqual(scoreAccount(signals, twoNps, AS_OF).drivers);
    expect(view.measures.map((row) => row.name)).toEqual(result.measures.map((m) => m.name));
  });

  it('refers to kinds by their position in MEASURE_KINDS, so that list may only grow', () => {
    expect(MEASURE_KINDS.slice(0, 10)).toEqual([
      'licenseUtilisation',
      'activityTrend',
      'timeToFirstValue',
      'nps',
      'csat',
      'ces',
      'cadence',
      'support',
      'billing',
      'sentiment'
    ]);
  });

  it('reads nothing from a missing or damaged breakdown, and version 1 without a model', () => {
    expect(readBreakdown(null, model.measures)).toBeNull();
    expect(readBreakdown('{not json', model.measures)).toBeNull();
    const result = scorer.score(typical);
    expect(readBreakdown(breakdownJsonV1(result, AS_OF, null), [])?.drivers).toEqual(
      result.drivers
    );
  });

  it('is what the panel fixture of version 2 holds (healthScoredV2.json)', () => {
    const fixture = JSON.parse(
      readFileSync(
        join(
          __dirname,
          '../../../../force-app/main/default/lwc/accountHealthPanel/__tests__/data/healthScoredV2.json'
        ),
        'utf8'
      )
    );
    const result = scorer.score(accounts[1]);
    expect(fixture.breakdown).toBe(breakdownJson(result, null, model.measures));
    expect(fixture.breakdownV1).toBe(breakdownJsonV1(result, AS_OF, null));
  });
});
