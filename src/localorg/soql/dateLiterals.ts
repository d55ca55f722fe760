import { malformedQuery } from '../errors';
import { isoDateOf } from '../../core/dates';

/** A half-open day range [start, end) in UTC, as YYYY-MM-DD. */
export interface DayRange {
  start: string;
  end: string;
}

/** Salesforce's date range: an `n` that reaches past it is a malformed query, not a crash. */
const FIRST_DAY = new Date(Date.UTC(1700, 0, 1));
const LAST_DAY = new Date(Date.UTC(4001, 0, 1));

const addDays = (d: Date, n: number) =>
  new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + n));
const monthStart = (d: Date, add: number) =>
  new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1));
const yearStart = (d: Date, add: number) => new Date(Date.UTC(d.getUTCFullYear() + add, 0, 1));
const quarterStart = (d: Date, add: number) =>
  new Date(Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3 + add * 3, 1));
const weekStart = (d: Date, add: number) => addDays(d, -d.getUTCDay() + add * 7);

/**
 * SOQL date literals (TODAY, LAST_N_DAYS:n, THIS_MONTH, …) as day ranges, in UTC (the local
 * org's users all have the GMT time zone). `now` is passed in so tests can pin it.
 */
export function dateLiteralRange(literal: string, now = new Date()): DayRange {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [name, arg] = literal.toUpperCase().split(':');
  const n = arg === undefined ? 0 : Number(arg);
  if (arg !== undefined && !Number.isInteger(n))
    throw malformedQuery(`Invalid date literal ${literal}`);
  const range = (start: Date, end: Date): DayRange => {
    if (!(start >= FIRST_DAY && end <= LAST_DAY))
      throw malformedQuery(`Date literal ${literal} reaches outside 1700-01-01 to 4000-12-31`);
    return { start: isoDateOf(start), end: isoDateOf(end) };
  };
  switch (name) {
    case 'YESTERDAY':
      return range(addDays(today, -1), today);
    case 'TODAY':
      return range(today, addDays(today, 1));
    case 'TOMORROW':
      return range(addDays(today, 1), addDays(today, 2));
    case 'LAST_WEEK':
      return range(weekStart(today, -1), weekStart(today, 0));
    case 'THIS_WEEK':
      return range(weekStart(today, 0), weekStart(today, 1));
    case 'NEXT_WEEK':
      return range(weekStart(today, 1), weekStart(today, 2));
    case 'LAST_MONTH':
      return range(monthStart(today, -1), monthStart(today, 0));
    case 'THIS_MONTH':
      return range(monthStart(today, 0), monthStart(today, 1));
    case 'NEXT_MONTH':
      return range(monthStart(today, 1), monthStart(today, 2));
    case 'LAST_QUARTER':
      return range(quarterStart(today, -1), quarterStart(today, 0));
    case 'THIS_QUARTER':
      return range(quarterStart(today, 0), quarterStart(today, 1));
    case 'NEXT_QUARTER':
      return range(quarterStart(today, 1), quarterStart(today, 2));
    case 'LAST_YEAR':
      return range(yearStart(today, -1), yearStart(today, 0));
    case 'THIS_YEAR':
      return range(yearStart(today, 0), yearStart(today, 1));
    case 'NEXT_YEAR':
      return range(yearStart(today, 1), yearStart(today, 2));
    case 'LAST_90_DAYS':
      return range(addDays(today, -90), addDays(today, 1));
    case 'NEXT_90_DAYS':
      return range(addDays(today, 1), addDays(today, 91));
    case 'LAST_N_DAYS':
      return range(addDays(today, -n), addDays(today, 1));
    case 'NEXT_N_DAYS':
      return range(addDays(today, 1), addDays(today, n + 1));
    case 'N_DAYS_AGO':
      return range(addDays(today, -n), addDays(today, -n + 1));
    case 'LAST_N_MONTHS':
      return range(monthStart(today, -n), monthStart(today, 0));
    case 'NEXT_N_MONTHS':
      return range(monthStart(today, 1), monthStart(today, n + 1));
    case 'LAST_N_YEARS':
      return range(yearStart(today, -n), yearStart(today, 0));
    default:
      throw malformedQuery(`Date literal ${literal} is not supported by the local org`);
  }
}
