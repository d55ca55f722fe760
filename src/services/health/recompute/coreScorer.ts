import { scoreAccount, type AccountSignals, type BatonModel } from '../../../core';
import type { HealthScorer, ScoredAccount } from './scorer';

/**
 * The recompute's scorer: the core health model configured by the project's
 * Health_Measure__mdt and Health_Band__mdt records, so the CLI, the local org and the panel
 * agree on every score. The model is compiled once per model object by the core.
 */
export function coreScorer(model: BatonModel): HealthScorer {
  return {
    bandOrder: model.bands.map((band) => band.status),
    measures: model.measures,
    model,
    score(signals, asOf): ScoredAccount {
      // signalsOf builds exactly the core's account shape; tier names come from the picklist.
      const result = scoreAccount(signals as AccountSignals, model, asOf, { facts: true });
      return {
        score: result.score,
        status: result.status,
        coverage: result.coverage,
        trend: result.trend,
        trendDirection: result.trendDirection,
        quadrant: result.quadrant,
        // The snapshot's breakdown has no detail text: the drivers' parts (facts) carry it.
        measures: result.measures.map(({ detail: _detail, ...measure }) => measure),
        drivers: result.drivers,
        driversFi: result.driversFi,
        facts: result.facts,
        measuresUsed: result.measuresUsed,
        measuresApplicable: result.measuresApplicable
      };
    }
  };
}
