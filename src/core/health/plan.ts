import type { BatonModel, Measure } from '../config/model';
import { MEASURE_KINDS, TIERS, type MeasureKind } from '../config/records';

/** Measure kinds as small integers, for switches and the detail tables. */
export const KIND = Object.fromEntries(MEASURE_KINDS.map((kind, code) => [kind, code])) as Record<
  MeasureKind,
  number
>;

/** What is fixed for every account of one tier: scoring a million accounts reads only this. */
export interface TierPlan {
  /** The measures that can apply to this tier, in model order. */
  measures: Measure[];
  kinds: number[];
  /** Position of each measure in model.measures (for the driver prefixes). */
  indexes: number[];
  /** The tier's meeting interval for the cadence measure (0: none, so it does not apply). */
  interval: number;
}

export interface Plan {
  /** By touch tier; `none` for an account without one. */
  tiers: Record<string, TierPlan>;
  /** `"NPS −13: "` per language (0 English, 1 Finnish), measure and whole points 0–100. */
  prefixes: string[][][];
}

function tierPlan(model: BatonModel, tier: string | null): TierPlan {
  const interval =
    (tier && model.cadence[tier as keyof BatonModel['cadence']]?.meetingIntervalDays) || 0;
  const plan: TierPlan = { measures: [], kinds: [], indexes: [], interval };
  model.measures.forEach((measure, index) => {
    if (tier && (measure.excludedTiers as string[]).includes(tier)) return;
    // Without a tier (or a tier without meetings) there is no interval to compare with.
    if (measure.kind === 'cadence' && !interval) return;
    plan.measures.push(measure);
    plan.kinds.push(KIND[measure.kind]);
    plan.indexes.push(index);
  });
  return plan;
}

/** A driver sentence's start, `NPS −13: `: the measure's label and the whole points it costs. */
export const driverPrefix = (label: string, points: number) => `${label} −${points}: `;

const prefixesOf = (model: BatonModel) =>
  [0, 1].map((language) =>
    model.measures.map((measure) => {
      const label = language === 0 ? measure.label : measure.labelFi;
      return Array.from({ length: 101 }, (_, points) => driverPrefix(label, points));
    })
  );

const plans = new WeakMap<BatonModel, Plan>();

/** The model compiled once (per model object) into per-tier plans; later calls reuse it. */
export function planOf(model: BatonModel): Plan {
  let plan = plans.get(model);
  if (!plan) {
    const tiers: Record<string, TierPlan> = { none: tierPlan(model, null) };
    for (const tier of TIERS) tiers[tier] = tierPlan(model, tier);
    plan = { tiers, prefixes: prefixesOf(model) };
    plans.set(model, plan);
  }
  return plan;
}
