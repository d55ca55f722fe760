import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';

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

/** A date as the user types it in their locale, for hints: "31.12.2026", "Dec 31, 2026". */
export function exampleDate(locale = LOCALE) {
  return formatDate('2026-12-31', locale);
}
