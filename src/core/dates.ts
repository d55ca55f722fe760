/**
 * Calendar days as integers (days since 1970-01-01, UTC), parsed without Date objects so
 * the health hot path does not allocate. Dates are `YYYY-MM-DD`; a longer ISO date-time
 * counts by its date part.
 */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

/** Day number of a civil date (Howard Hinnant's days_from_civil). */
export function civilDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const digit = (text: string, at: number) => text.charCodeAt(at) - 48;

/** Day number of `YYYY-MM-DD…`; NaN when the text is not such a date (no allocation). */
export function dayOf(text: string): number {
  if (text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = digit(text, 5) * 10 + digit(text, 6);
  const day = digit(text, 8) * 10 + digit(text, 9);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return NaN;
  return civilDay(year, month, day);
}

/** `YYYY-MM-DD` of a day number. */
export function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** True when the text is a real calendar date (2025-02-30 is not). */
export function isIsoDate(text: string): boolean {
  return (
    ISO_DAY.test(text) && !Number.isNaN(dayOf(text)) && isoOfDay(dayOf(text)) === text.slice(0, 10)
  );
}

export const addDays = (iso: string, days: number) => isoOfDay(dayOf(iso) + days);
export const daysBetween = (from: string, to: string) => dayOf(to) - dayOf(from);

/** Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday). */
export const weekdayOf = (day: number) => (((day + 3) % 7) + 7) % 7;

/** The day `count` business days (Mon–Fri) after `day`. */
export function addBusinessDays(day: number, count: number): number {
  let result = day;
  for (let left = count; left > 0;) {
    result++;
    if (weekdayOf(result) < 5) left--;
  }
  return result;
}
