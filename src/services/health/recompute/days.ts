/** Calendar days as integers (days since 1970-01-01, UTC), so a million dates fit in typed arrays. */
export const NO_DAY = -2147483648;
const MS_PER_DAY = 86_400_000;

/**
 * A recompute converts ~10 dates per account, a few thousand distinct ones in a whole book:
 * each is worked out once (Date.parse and toISOString were ~10 % of a 50 000-account run's
 * client CPU). The caches stop growing at this size, so odd input cannot make them huge.
 */
const CACHE_LIMIT = 50_000;
const dayOfDate = new Map<string, number>();
const dateOfDay = new Map<number, string>();

/** 'YYYY-MM-DD' → day number, NO_DAY when it is no date. */
function dateDay(date: string): number {
  let day = dayOfDate.get(date);
  if (day === undefined) {
    const time = Date.parse(`${date}T00:00:00Z`);
    day = Number.isNaN(time) ? NO_DAY : Math.floor(time / MS_PER_DAY);
    if (dayOfDate.size < CACHE_LIMIT) dayOfDate.set(date, day);
  }
  return day;
}

/** A UTC date-time as the org writes it ('…T…Z' or '…T…+0000'): its day is its date part. */
const utcDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|\+0000)$/;

/** 'YYYY-MM-DD' or an ISO date-time (its UTC calendar day) → day number; NO_DAY when empty. */
export function dayOf(value: unknown): number {
  if (value === null || value === undefined || value === '') {
    return NO_DAY;
  }
  const text = String(value);
  if (text.length === 10) return dateDay(text);
  if (utcDateTime.test(text)) return dateDay(text.slice(0, 10));
  const time = Date.parse(text);
  return Number.isNaN(time) ? NO_DAY : Math.floor(time / MS_PER_DAY);
}

export function isoDay(day: number): string {
  let date = dateOfDay.get(day);
  if (date === undefined) {
    date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (dateOfDay.size < CACHE_LIMIT) dateOfDay.set(day, date);
  }
  return date;
}

/** Start of a day as a SOQL date-time literal (UTC). */
export function soqlDateTime(day: number): string {
  return `${isoDay(day)}T00:00:00Z`;
}
