/**
 * Calendar days, the one place Baton does day arithmetic. A day is an integer: days since
 * 1970-01-01, UTC. "No day" is NaN, so arithmetic on a missing date stays missing; a typed
 * Int32Array column, which cannot hold NaN, stores it as STORED_NO_DAY (see storedDay).
 * Dates are `YYYY-MM-DD`; a longer ISO date-time counts by its date part in `dayOf`, by its
 * UTC calendar day in `dayOfValue`.
 */
import { UserInputError } from './errors';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;
const EXACT_ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

/** How an Int32Array day column holds "no day". */
export const STORED_NO_DAY = -2147483648;

/** A day for an Int32Array column: NaN (no day) becomes STORED_NO_DAY. */
export const storedDay = (day: number) => (Number.isNaN(day) ? STORED_NO_DAY : day);

/** Day number of a civil date (Howard Hinnant's days_from_civil). */
export function civilDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The digit at `at`, or NaN when it is no digit, so a stray letter makes no day. */
const digit = (text: string, at: number) => {
  const value = text.charCodeAt(at) - 48;
  return value >= 0 && value <= 9 ? value : NaN;
};

/** Day number of `YYYY-MM-DD…`; NaN when the text is not such a date (no allocation). */
export function dayOf(text: string): number {
  if (text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = digit(text, 5) * 10 + digit(text, 6);
  const day = digit(text, 8) * 10 + digit(text, 9);
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return NaN;
  return civilDay(year, month, day);
}

/** A UTC date-time as the org writes it ('…T…Z' or '…T…+0000'): its day is its date part. */
const UTC_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|\+0000)$/;

/**
 * Day number of a field value as an org returns it: a date, or a date-time (its UTC calendar
 * day, whatever its offset); NaN for null, '' or anything that is no date.
 */
export function dayOfValue(value: unknown): number {
  if (value === null || value === undefined || value === '') return NaN;
  const text = String(value);
  if (text.length === 10 || UTC_DATE_TIME.test(text)) return dayOf(text);
  const time = Date.parse(text);
  return Number.isNaN(time) ? NaN : Math.floor(time / MS_PER_DAY);
}

/**
 * A recompute turns ~10 days per account back into text, a few thousand distinct ones in a
 * whole book, so each is worked out once; the cache stops growing at this size.
 */
const CACHE_LIMIT = 50_000;
const isoOfDayCache = new Map<number, string>();

/** `YYYY-MM-DD` of a day number. */
export function isoOfDay(day: number): string {
  let iso = isoOfDayCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (isoOfDayCache.size < CACHE_LIMIT) isoOfDayCache.set(day, iso);
  }
  return iso;
}

/** `YYYY-MM-DD` of a moment, in UTC (callers pass the clock: `isoDateOf(new Date())`). */
export const isoDateOf = (moment: Date) => moment.toISOString().slice(0, 10);

/** Start of a day as a SOQL date-time literal (UTC). */
export const soqlDateTime = (day: number) => `${isoOfDay(day)}T00:00:00Z`;

/** True when the text is a real calendar date (2025-02-30 is not). */
export function isIsoDate(text: string): boolean {
  return (
    ISO_DAY.test(text) && !Number.isNaN(dayOf(text)) && isoOfDay(dayOf(text)) === text.slice(0, 10)
  );
}

/** True when the text is exactly a real `YYYY-MM-DD`, nothing after it. */
export const isExactIsoDate = (text: string) => EXACT_ISO_DAY.test(text) && isIsoDate(text);

/** Refuses anything but a real `YYYY-MM-DD` (callers splice it into SOQL as a date literal). */
export function assertIsoDay(value: string, field = 'asOf'): string {
  if (!isExactIsoDate(value))
    throw new UserInputError(`${field}: not a date YYYY-MM-DD: ${value}`, field);
  return value;
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
