import {
  encodeBreakdown,
  type BatonModel,
  type HealthResult,
  type Measure,
  type MeasureResult,
  type QuadrantKey
} from '../../../core';
import type { SignalsInput } from './accountSignals';

export type { QuadrantKey };

/** A measure as the breakdown keeps it: the core's result without its sentence. */
export type BreakdownMeasure = Omit<MeasureResult, 'detail'>;

/** One account's result in the shape the service, the snapshot and the panel share. */
export type ScoredAccount = Omit<HealthResult, 'id' | 'measures'> & {
  measures: BreakdownMeasure[];
};

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
