import {
  encodeBreakdown,
  type BatonModel,
  type HealthFacts,
  type Measure,
  type MeasureResult
} from '../../../core';
import type { SignalsInput } from './accountSignals';

/** Stable quadrant keys the panel translates (see accountHealthPanel/healthFormat.js). */
export type QuadrantKey = 'healthy' | 'satisfiedNotSucceeding' | 'succeedingUnhappy' | 'atRisk';

/** A measure as the breakdown keeps it: the core's result without its sentence. */
export type BreakdownMeasure = Omit<MeasureResult, 'detail'>;

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
  /** What the breakdown needs to say the drivers again (the core's `facts` option). */
  facts?: HealthFacts;
  measuresUsed: number;
  measuresApplicable: number;
}

/** The health model, loaded once per run, scoring one account at a time. */
export interface HealthScorer {
  /** Band statuses best first, for the alert rule. */
  bandOrder: readonly string[];
  /** The model's measures, for the breakdown's measure references (none: kinds only). */
  measures?: readonly Pick<Measure, 'kind'>[];
  /** The model it scores with, whose windows the queries read. */
  model: BatonModel;
  score(signals: SignalsInput, asOf: string): ScoredAccount;
}

/**
 * The JSON stored in Health_Snapshot__c.Breakdown__c and read by the panel: the core's
 * version 2 (encodeBreakdown). Decision: store only what cannot be derived, ~300
 * bytes instead of ~2 KB. Labels, names and groups come from the model (Health_Measure__mdt)
 * when read; score, status, coverage and the day are the snapshot's own fields; numbers keep
 * the two decimals version 1 kept (so the panel shows the same); drivers are stored as their
 * parts (measure, points, counts) and said again by the core's one wording (details.ts) in
 * English or Finnish, by the panel through c/batonCore and by every reader through
 * readBreakdown, which reads version 1 too. The format itself: src/core/health/breakdown.ts.
 * @param measures the model's measures: a kind two measures share is stored by name
 */
export function breakdownJson(
  result: ScoredAccount,
  override: string | null,
  measures: readonly Pick<Measure, 'kind'>[] = []
): string {
  return encodeBreakdown(result, measures, override);
}
