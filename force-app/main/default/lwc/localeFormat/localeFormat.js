import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';

export { parseDate } from './parseDate';

// Labels, dates and money in the user's locale and currency, as Lightning shows them: one
// home for the handover components (Intl over @salesforce/i18n, never a hard-coded locale).

/** Replaces {0}, {1}… in a Custom Label, as Salesforce's own label format does. */
export function format(label, ...values) {
  return String(label).replace(/\{(\d+)\}/g, (match, index) => {
    const value = values[Number(index)];
    return value === undefined || value === null ? '' : String(value);
  });
}

/** Date-only values are calendar days, so they are formatted in UTC to never shift a day. */
export function formatDate(isoDate, locale = LOCALE) {
  if (!isoDate) {
    return '';
  }
  const dateOnly = String(isoDate).length === 10;
  const date = new Date(dateOnly ? `${isoDate}T00:00:00Z` : isoDate);
  const options = dateOnly
    ? { dateStyle: 'medium', timeZone: 'UTC' }
    : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** An amount in the org's currency (EUR for the Finnish demo), in the user's locale. */
export function formatCurrency(value, locale = LOCALE, currency = CURRENCY) {
  if (value === undefined || value === null || value === '') {
    return '';
  }
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(Number(value));
}

/**
 * An amount in the org's currency in whole units, as the user's locale writes it (11 316 €,
 * €11,316): the one money format of the cards and the portfolio. A formatter is costly to make
 * and a page formats thousands, so one is kept per locale and currency.
 */
const moneyFormats = new Map();
export function formatMoney(value, locale = LOCALE, currency = CURRENCY) {
  if (value === undefined || value === null || value === '') {
    return '';
  }
  const key = `${locale}|${currency}`;
  if (!moneyFormats.has(key)) {
    moneyFormats.set(
      key,
      new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 })
    );
  }
  return moneyFormats.get(key).format(Number(value));
}

/** The org currency's sign as the user's locale writes it (€, $), for an amount field's label. */
export function currencySign(locale = LOCALE, currency = CURRENCY) {
  const part = new Intl.NumberFormat(locale, { style: 'currency', currency })
    .formatToParts(0)
    .find((item) => item.type === 'currency');
  return part ? part.value : currency;
}

/** A date as the user types it in their locale, for hints: "31.12.2026", "Dec 31, 2026". */
export function exampleDate(locale = LOCALE) {
  return formatDate('2026-12-31', locale);
}

const ANY_SPACE = /[\s\u00a0\u202f]/g;
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function separators(locale) {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  const part = (type, fallback) =>
    (parts.find((item) => item.type === type) || {}).value || fallback;
  return { group: part('group', ','), decimal: part('decimal', '.') };
}

/**
 * An amount as the user typed it, read in their locale, or `{ error: true }` when the locale
 * would read it otherwise than it was meant. Decision: never guess across locales. Grouping is
 * accepted only in whole groups of three (27 696,50 in Finnish, with any space; 27,696.50 in
 * English), so an English "27696,5" (a decimal comma) is refused rather than read as 276965; a
 * Finnish user's point is a decimal point only when no comma is typed and it is not followed by
 * exactly three digits ("27.696" is refused). At most two decimals; a currency sign is ignored.
 * @returns { value: number | null } (null for nothing typed) or { error: true }
 */
export function parseAmount(text, locale = LOCALE) {
  let typed = String(text ?? '')
    .replace(/[€$£¤]/g, '')
    .trim();
  if (!typed) {
    return { value: null };
  }
  const { group, decimal } = separators(locale);
  const spaceGroups = /^[\s\u00a0\u202f]$/.test(group);
  typed = typed.replace(ANY_SPACE, ' ');
  let point = decimal;
  if (decimal === ',' && !typed.includes(',') && typed.includes('.')) {
    if (/\.\d{3}$/.test(typed)) {
      return { error: true };
    }
    point = '.';
  }
  const g = escape(spaceGroups ? ' ' : group);
  const d = escape(point);
  const shape = new RegExp(`^(\\d{1,3}(${g}\\d{3})+|\\d+)(${d}\\d{1,2})?$`);
  if (!shape.test(typed)) {
    return { error: true };
  }
  const digits = typed
    .split(spaceGroups ? ' ' : group)
    .join('')
    .replace(point, '.');
  return { value: Number(digits) };
}

/** An amount with two decimals as the user's locale writes it (27 696,50; 27,696.50). */
export function formatAmount(value, locale = LOCALE) {
  if (value === undefined || value === null || value === '') {
    return '';
  }
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2
  }).format(Number(value));
}
