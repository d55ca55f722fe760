import { session } from './session';

// What a real org gives @salesforce/i18n and the base components' own labels for the user's
// locale, here for the preview's two languages. The demo org's currency is EUR whatever the
// language; Finnish users type and read dates as 31.12.2026.

const EURO_ORG: Record<string, unknown> = { currency: 'EUR', 'number.currencySymbol': '€' };

// Formats follow the user's locale (LocaleSidKey), words their language (LanguageLocaleKey).
const FINNISH_FORMATS: Record<string, unknown> = {
  ...EURO_ORG,
  locale: 'fi-FI',
  firstDayOfWeek: 2,
  'dateTime.shortDateFormat': 'd.M.yyyy',
  'dateTime.mediumDateFormat': 'd.M.yyyy',
  'dateTime.longDateFormat': 'd. MMMM yyyy',
  'dateTime.shortDateTimeFormat': 'd.M.yyyy H.mm',
  'dateTime.mediumDateTimeFormat': 'd.M.yyyy H.mm.ss',
  'dateTime.longDateTimeFormat': 'd. MMMM yyyy H.mm.ss',
  'dateTime.shortTimeFormat': 'H.mm',
  'dateTime.mediumTimeFormat': 'H.mm.ss',
  'number.decimalSeparator': ',',
  'number.groupingSeparator': '\u00a0',
  'number.currencyFormat': '#,##0.00\u00a0¤',
  'number.percentFormat': '#,##0\u00a0%'
};

const FINNISH_WORDS: Record<string, unknown> = {
  lang: 'fi',
  // Salesforce's Finnish wording of the date input's messages.
  'LightningDateTimePicker.dateFormatExampleText': 'Muoto: {0}',
  'LightningDateTimePicker.invalidDate': 'Syöte ei vastaa sallittua muotoa {0}.',
  'LightningDateTimePicker.valueMissingWithDateFormat': 'Täytä tämä kenttä muodossa {0}.',
  'LightningDateTimePicker.customErrorWithDateFormat': '{0} (Käytä muotoa {1})',
  'LightningDateTimePicker.selectDateFor': 'Valitse päivämäärä: {0}'
};

const FORMATS: Record<string, Record<string, unknown>> = { en: EURO_ORG, fi: FINNISH_FORMATS };
const WORDS: Record<string, Record<string, unknown>> = { en: {}, fi: FINNISH_WORDS };

const isWords = (key: string) => key === 'lang' || key.startsWith('LightningDateTimePicker.');

/** The session's value for an i18n key or base label, else the package's English one. */
export function localeValue<T>(key: string, english: T): T {
  const { language, locale = language } = session();
  const values = (isWords(key) ? WORDS[language] : FORMATS[locale]) ?? EURO_ORG;
  return (key in values ? values[key] : english) as T;
}

/** The Intl locale of the session's locale (fi-FI, en-US), for dates written by the shell. */
export const intlLocale = (): string => localeValue('locale', 'en-US');

/** An amount in the org's currency, in whole units, as the session's locale writes it (2 308 €, €2,308). */
export function formatMoney(value: number): string {
  return new Intl.NumberFormat(localeValue('locale', 'en-US'), {
    style: 'currency',
    currency: localeValue('currency', 'EUR'),
    maximumFractionDigits: 0
  }).format(value);
}
