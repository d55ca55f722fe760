import { describeTypedUntil } from './data/typedUntil';

jest.mock('@salesforce/i18n/locale', () => ({ default: 'en-US' }), { virtual: true });

describeTypedUntil({
  language: 'en',
  locale: 'en-US',
  forms: ['12/7/2026', '12/07/2026', 'Dec 7, 2026', '2026-12-07'],
  foreign: '7.12.2026',
  shownDefault: 'Jan 6, 2027',
  example: 'Dec 31, 2026',
  refusal: 'Until: 7.12.2026 is not a date Baton can read. Type it like Dec 31, 2026.'
});
