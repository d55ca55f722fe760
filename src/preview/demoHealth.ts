// A scored health history for demo and test accounts, shaped as `baton health recompute`
// writes it (Account fields, weekly Health_Snapshot__c rows with the breakdown JSON on the
// latest, a survey answer), so the health panel has a score, trend, sparkline and drivers.

const DAY = 86_400_000;

const MEASURES = [
  ['nps', 'NPS', 'experience', 31, 62, 0.15],
  ['licenseUtilisation', 'Licence utilisation', 'outcome', 0.55, 55, 0.15],
  ['activityTrend', 'Activity trend', 'outcome', 1.1, 100, 0.1],
  ['support', 'Support', 'experience', 1, 60, 0.1],
  ['cadence', 'Cadence', 'outcome', 40, 100, 0.1]
] as const;

export const DEMO_DRIVER = 'Licence utilisation is 55% of seats';

function breakdown(asOf: string, score: number, status: string, trend: number): string {
  const total = MEASURES.reduce((sum, m) => sum + m[5], 0);
  return JSON.stringify({
    version: 1,
    asOf,
    score,
    status,
    override: null,
    coverage: 0.62,
    trend,
    quadrant: 'healthy',
    measuresUsed: MEASURES.length,
    measuresApplicable: 8,
    measures: MEASURES.map(([key, label, group, value, measureScore, weight]) => ({
      key,
      name: key,
      label,
      group,
      value,
      score: measureScore,
      weight,
      pointsLost: Math.round((weight / total) * (100 - measureScore) * 100) / 100
    })),
    drivers: [DEMO_DRIVER, 'NPS is 31', 'One open high-priority case'],
    driversFi: ['Lisenssien käyttöaste on 55 %', 'NPS on 31', 'Yksi avoin kiireellinen tiketti']
  });
}

const statusOf = (score: number) => (score >= 70 ? 'Green' : score >= 50 ? 'Yellow' : 'Red');

/** Twelve weekly snapshots ending at `score` today. */
export function healthHistory(accountId: string, score = 76, now = Date.now()) {
  const scores = [-18, -15, -16, -12, -10, -11, -8, -5, -6, -3, -2, 0].map((d) => score + d);
  const day = (offset: number) => new Date(now - offset * DAY).toISOString().slice(0, 10);
  const snapshots = scores.map((value, index) => {
    const daysAgo = (scores.length - 1 - index) * 7;
    return {
      Account__c: accountId,
      Score__c: value,
      Status__c: statusOf(value),
      Computed_At__c: new Date(now - daysAgo * DAY).toISOString(),
      Snapshot_Key__c: `${accountId}-${day(daysAgo)}`,
      Breakdown__c: daysAgo === 0 ? breakdown(day(0), value, statusOf(value), 8) : null
    };
  });
  return {
    snapshots,
    survey: { Account__c: accountId, Type__c: 'NPS', Score__c: 9, Responded_On__c: day(20) },
    account: {
      Health_Score__c: score,
      Health_Status__c: statusOf(score),
      Health_Trend__c: 8,
      Health_Coverage__c: 0.62,
      Health_Scored_At__c: new Date(now).toISOString()
    }
  };
}
