import { detailEn, detailFi } from './details';
import { driverPrefix, type Plan, type TierPlan } from './plan';
import type { MeasureResult } from './score';
import { slots as slotsImport } from './slots';

// tsx compiles imports to getters; the hot path binds what it uses once.
const slots = slotsImport;
const finnish = detailFi;

/** Half up at the end only; the epsilon keeps 69.4999999 (float noise) from losing a point. */
export const roundScore = (value: number) => Math.floor(value + 0.5 + 1e-9);

/** How many drivers a result names. */
export const MAX_DRIVERS = 3;

/**
 * What a stored breakdown needs besides the results to say the drivers again: each driver as
 * [position in results, points, a, b] (a, b: the kind's counts, see details.ts; trailing
 * zeros dropped) and each measure's text (the sentiment's word). Read right after driversOf,
 * from the slots it and the scorer filled.
 */
export function breakdownFacts(results: MeasureResult[], driverCount: number) {
  const drivers: number[][] = [];
  for (let n = 0; n < driverCount; n++) {
    const at = slots.driverAt[n];
    const points = roundScore(results[at].pointsLost as number);
    const a = slots.a[at];
    const b = slots.b[at];
    drivers.push(b ? [at, points, a, b] : a ? [at, points, a] : [at, points]);
  }
  const texts = results.map((result, k) => (result.score === null ? undefined : slots.text[k]));
  return { drivers, texts };
}

/** A driver in full from its parts (0 English, 1 Finnish): what a stored breakdown renders. */
export function driverSentence(
  language: 0 | 1,
  label: string,
  points: number,
  kind: number,
  value: number,
  a: number,
  b: number,
  text?: string
): string {
  const detail = language === 0 ? detailEn : detailFi;
  return driverPrefix(label, points) + detail(kind, value, a, b, text);
}

/**
 * The top three measures by points lost (ties: model order) as plain sentences in English
 * and Finnish: "NPS −13: 3 detractors of 5 responses". Measures losing under half a point
 * are not drivers. Reads the slots the scorer just filled; sentences are a prefix made once
 * per model plus the measure's detail. Each driver's position in the results is left in
 * slots.driverAt (no allocation) for breakdownFacts.
 */
export function driversOf(plan: Plan, tier: TierPlan, results: MeasureResult[], count: number) {
  const lostAt = slots.lost;
  const drivers: string[] = [];
  const driversFi: string[] = [];
  let floor = Infinity;
  let floorIndex = -1;
  for (let n = 0; n < MAX_DRIVERS; n++) {
    let best = -1;
    for (let k = 0; k < count; k++) {
      const lost = lostAt[k];
      if (lost < 0.5) continue;
      const below = lost < floor || (lost === floor && k > floorIndex);
      if (below && (best === -1 || lost > lostAt[best])) best = k;
    }
    if (best === -1) break;
    floor = lostAt[best];
    floorIndex = best;
    const at = slots.planIndex[best];
    const index = tier.indexes[at];
    const points = roundScore(floor);
    drivers.push(plan.prefixes[0][index][points] + results[best].detail);
    driversFi.push(
      plan.prefixes[1][index][points] +
        finnish(tier.kinds[at], slots.value[best], slots.a[best], slots.b[best], slots.text[best])
    );
    slots.driverAt[n] = best;
  }
  return { drivers, driversFi };
}
