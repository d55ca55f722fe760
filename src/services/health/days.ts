/** Calendar days as integers (days since 1970-01-01, UTC), so a million dates fit in typed arrays. */
export const NO_DAY = -2147483648;
const MS_PER_DAY = 86_400_000;

/** 'YYYY-MM-DD' or an ISO date-time (its UTC calendar day) → day number; NO_DAY when empty. */
export function dayOf(value: unknown): number {
  if (value === null || value === undefined || value === '') {
    return NO_DAY;
  }
  const text = String(value);
  const time = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
  return Number.isNaN(time) ? NO_DAY : Math.floor(time / MS_PER_DAY);
}

export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Start of a day as a SOQL date-time literal (UTC). */
export function soqlDateTime(day: number): string {
  return `${isoDay(day)}T00:00:00Z`;
}
