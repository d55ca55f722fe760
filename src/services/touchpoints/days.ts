import { UserInputError } from '../../core/errors';

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Refuses anything but a real YYYY-MM-DD (it is spliced into SOQL as a date literal). */
export function assertDay(value: string, field = 'asOf'): string {
  const time = Date.parse(`${value}T00:00:00Z`);
  if (
    !ISO_DAY.test(value) ||
    Number.isNaN(time) ||
    new Date(time).toISOString().slice(0, 10) !== value
  )
    throw new UserInputError(`${field}: not a date YYYY-MM-DD: ${value}`, field);
  return value;
}

export const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);
