/**
 * Per-account working arrays, one slot per applicable measure, reused across accounts
 * (scoring is synchronous), so the hot path allocates only what the result keeps.
 */
export const slots = {
  size: 0,
  /** The facts of the measure: its value and two kind-specific counts (see details.ts). */
  value: new Float64Array(0),
  a: new Float64Array(0),
  b: new Float64Array(0),
  text: [] as (string | undefined)[],
  /** 0–100, or NaN: the measure applies but has no data. */
  score: new Float64Array(0),
  lost: new Float64Array(0),
  /** Position in the tier plan, and of each survey's day (parsed once per account). */
  planIndex: new Int32Array(0),
  surveyDay: new Float64Array(0),
  /** Position in the results of each driver, best first (driversOf). */
  driverAt: new Int32Array(3)
};

export function ensureSlots(count: number): void {
  if (count <= slots.size) return;
  slots.size = count;
  slots.value = new Float64Array(count);
  slots.a = new Float64Array(count);
  slots.b = new Float64Array(count);
  slots.text = new Array(count);
  slots.score = new Float64Array(count);
  slots.lost = new Float64Array(count);
  slots.planIndex = new Int32Array(count);
}

export function ensureSurveySlots(count: number): void {
  if (count > slots.surveyDay.length) slots.surveyDay = new Float64Array(Math.max(count, 16));
}
