import type { Measure } from '../config/model';
import { cachedDetailFi } from './detailCache';
import type { MeasureResult } from './score';
import { slots as slotsImport } from './slots';

// tsx compiles imports to getters; the hot path binds what it uses once.
const slots = slotsImport;
const finnish = cachedDetailFi;

/** "NPS −13: " per measure and whole points (0–100), made once: most of a driver's text. */
const prefixes = [new Map<Measure, string[]>(), new Map<Measure, string[]>()];

function prefix(language: 0 | 1, measure: Measure, points: number): string {
  let table = prefixes[language].get(measure);
  if (!table) {
    table = [];
    prefixes[language].set(measure, table);
  }
  return (table[points] ??= `${language === 0 ? measure.label : measure.labelFi} −${points}: `);
}

/** Half up at the end only; the epsilon keeps 69.4999999 (float noise) from losing a point. */
export const roundScore = (value: number) => Math.floor(value + 0.5 + 1e-9);

/**
 * The top three measures by points lost (ties: model order) as plain sentences in English
 * and Finnish: "NPS −13: 3 detractors of 5 responses". Measures losing under half a point
 * are not drivers. Reads the slots the scorer just filled.
 */
export function driversOf(results: MeasureResult[], count: number) {
  const lostAt = slots.lost;
  const drivers: string[] = [];
  const driversFi: string[] = [];
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
    const measure = slots.measure[best];
    const points = roundScore(floor);
    drivers.push(prefix(0, measure, points) + results[best].detail);
    driversFi.push(
      prefix(1, measure, points) +
        finnish(measure.kind, slots.value[best], slots.a[best], slots.b[best], slots.text[best])
    );
  }
  return { drivers, driversFi };
}
