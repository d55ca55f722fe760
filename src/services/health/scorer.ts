import type { SignalsInput } from './accountSignals';

/** Stable quadrant keys the panel translates (see accountHealthPanel/healthFormat.js). */
export type QuadrantKey = 'healthy' | 'satisfiedNotSucceeding' | 'succeedingUnhappy' | 'atRisk';

export interface BreakdownMeasure {
  /** Stable key the panel translates; falls back to `label` for measures an admin added. */
  key: string;
  name: string;
  label: string;
  group: string;
  value: number | null;
  score: number | null;
  weight: number;
  pointsLost: number | null;
}

/** One account's result in the shape the service, the snapshot and the panel share. */
export interface ScoredAccount {
  score: number | null;
  status: string;
  coverage: number;
  trend: number | null;
  /** The core's word for the trend by the Health_Band__mdt trend records; the panel shows it as is. */
  trendDirection: 'up' | 'down' | 'flat' | null;
  quadrant: QuadrantKey | null;
  measures: BreakdownMeasure[];
  drivers: string[];
  driversFi: string[];
  measuresUsed: number;
  measuresApplicable: number;
}

/** The health model, loaded once per run, scoring one account at a time. */
export interface HealthScorer {
  /** Band statuses best first, for the alert rule. */
  bandOrder: readonly string[];
  score(signals: SignalsInput, asOf: string): ScoredAccount;
}

const round2 = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/** The JSON stored in Health_Snapshot__c.Breakdown__c and read by the panel. */
export function breakdownJson(
  result: ScoredAccount,
  asOf: string,
  override: string | null
): string {
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
