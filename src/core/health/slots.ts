import type { Measure } from '../config/model';

/**
 * Per-account working arrays, one slot per applicable measure, reused across accounts
 * (scoring is synchronous), so the hot path allocates only what the result keeps.
 */
export const slots = {
  size: 0,
  measure: [] as Measure[],
  value: new Float64Array(0),
  a: new Float64Array(0),
  b: new Float64Array(0),
  text: [] as (string | undefined)[],
  /** NaN: the measure applies but has no data. */
  score: new Float64Array(0),
  lost: new Float64Array(0)
};

export function ensureSlots(count: number): void {
  if (count <= slots.size) return;
  slots.size = count;
  slots.measure = new Array(count);
  slots.value = new Float64Array(count);
  slots.a = new Float64Array(count);
  slots.b = new Float64Array(count);
  slots.text = new Array(count);
  slots.score = new Float64Array(count);
  slots.lost = new Float64Array(count);
}
