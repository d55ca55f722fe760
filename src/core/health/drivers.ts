import { detailEn, detailFi } from './details';
import { driverPrefix, type Plan, type TierPlan } from './plan';
import type { MeasureResult } from './score';
import { slots as slotsImport } from './slots';

// tsx compiles imports to getters; the hot path binds what it uses once.
const slots = slotsImport;
const finnish = detailFi;

/** Half up at the end only; the epsilon keeps 69.4999999 (float noise) from losing a point. */
export const roundScore = (value: number) => Math.floor(value + 0.5 + 1e-9);

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
 * per model plus the measure's detail. `refs` keeps each driver's parts, [position in results,
 * points, a, b] (trailing zeros dropped), so a stored breakdown can say it again in either
 * language with driverSentence.
 */
export function driversOf(plan: Plan, tier: TierPlan, results: MeasureResult[], count: number) {
  const lostAt = slots.lost;
  const drivers: string[] = [];
  const driversFi: string[] = [];
  const refs: number[][] = [];
  let floor = Infinity;
  let floorIndex = -1;
  for (let n = 0; n < 3; n++) {
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
    const a = slots.a[best];
    const b = slots.b[best];
    refs.push(b ? [best, points, a, b] : a ? [best, points, a] : [best, points]);
  }
  return { drivers, driversFi, refs };
}
