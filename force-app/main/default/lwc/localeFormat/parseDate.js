import LOCALE from '@salesforce/i18n/locale';

// A typed date read in the user's locale, for c/localeFormat (which exports parseDate).

const ANY_SPACE = /[\s\u00a0\u202f]/g;
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const pad = (number) => String(number).padStart(2, '0');

function isoDay(year, month, day) {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > days) {
    return { error: true };
  }
  return { value: `${year}-${pad(month)}-${pad(day)}` };
}

/** The locale's numeric date: its separator and the order of day, month and year (d.M.yyyy). */
function numericDate(locale) {
  const parts = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    timeZone: 'UTC'
  }).formatToParts(new Date(Date.UTC(2026, 11, 31)));
  const literal = parts.find((part) => part.type === 'literal');
  return {
    separator: literal ? literal.value.trim() || literal.value : '/',
    order: parts.filter((part) => part.type !== 'literal').map((part) => part.type)
  };
}

/** Month names as the locale writes them in a date, long and short, lower case, no dots. */
function monthNames(locale) {
  const names = [];
  for (const month of ['long', 'short']) {
    const formatter = new Intl.DateTimeFormat(locale, { day: 'numeric', month, timeZone: 'UTC' });
    for (let index = 0; index < 12; index++) {
      const part = formatter
        .formatToParts(new Date(Date.UTC(2026, index, 15)))
        .find((item) => item.type === 'month');
      names.push({ name: part.value.toLowerCase().replace(/\./g, ''), month: index + 1 });
    }
  }
  return names;
}

function readNumeric(typed, locale, thisYear) {
  const { separator, order } = numericDate(locale);
  const sep = escape(separator);
  const shape = new RegExp(`^(\\d{1,4})\\s*${sep}\\s*(\\d{1,2})(?:\\s*${sep}\\s*(\\d{4})?)?$`);
  const match = shape.exec(typed);
  if (!match || order[order.length - 1] !== 'year') {
    return null;
  }
  const [first, second, year] = match.slice(1).map((text) => (text ? Number(text) : undefined));
  if (match[1].length > 2) {
    return { error: true };
  }
  const byType = { [order[0]]: first, [order[1]]: second };
  return isoDay(year ?? thisYear, byType.month, byType.day);
}

function readWithMonthName(typed, locale, thisYear) {
  const words = typed.toLowerCase().replace(/[.,]/g, ' ').split(/\s+/).filter(Boolean);
  const names = [...monthNames(locale), ...(locale.startsWith('en') ? [] : monthNames('en-US'))];
  const months = words.filter((word) => /\D/.test(word));
  const numbers = words.filter((word) => /^\d+$/.test(word));
  if (months.length !== 1 || months.length + numbers.length !== words.length) {
    return null;
  }
  const found = names.find((item) => item.name === months[0]);
  const day = numbers.find((word) => word.length <= 2);
  const year = numbers.find((word) => word.length === 4);
  if (!found || !day || numbers.length > 2 || (numbers.length === 2 && !year)) {
    return { error: true };
  }
  return isoDay(year ? Number(year) : thisYear, found.month, Number(day));
}

/**
 * A date as the user typed it, read by Baton in their locale, or `{ error: true }`. Decision:
 * the handover's dates are text read here, as amounts are, not lightning-input type="date",
 * whose typed text a component cannot see (to say what was unreadable) and which hands an
 * unreadable date on as an empty value (a save then erased the stored date). Read: ISO
 * 2026-12-07 always; the locale's numeric date in its order and separator only (fi 7.12.2026,
 * 07.12.2026 and 7.12. for this year; en-US 12/7/2026), so a Finnish 7.12.2026 is never taken for
 * 12 July by an English reader; a month by name (Dec 7, 2026; 7. joulukuuta 2026). A day the
 * month lacks and a two-digit year are refused rather than guessed.
 * @param today gives the year of a date typed without one
 * @returns { value: 'yyyy-MM-dd' | null } (null for nothing typed) or { error: true }
 */
export function parseDate(text, locale = LOCALE, today = new Date()) {
  const typed = String(text ?? '')
    .replace(ANY_SPACE, ' ')
    .trim();
  if (!typed) {
    return { value: null };
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (iso) {
    return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  }
  const thisYear = today.getFullYear();
  return (
    readNumeric(typed, locale, thisYear) ||
    readWithMonthName(typed, locale, thisYear) || { error: true }
  );
}
