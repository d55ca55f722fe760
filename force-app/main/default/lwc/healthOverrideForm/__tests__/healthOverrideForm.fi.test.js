import { describeTypedUntil } from './data/typedUntil';

jest.mock('@salesforce/i18n/locale', () => ({ default: 'fi-FI' }), { virtual: true });

describeTypedUntil({
  language: 'fi',
  locale: 'fi-FI',
  forms: ['7.12.2026', '07.12.2026', '7.12.', '2026-12-07'],
  foreign: '12/7/2026',
  shownDefault: '6.1.2027',
  example: '31.12.2026',
  refusal: 'Voimassa päivään: päivämäärää 12/7/2026 ei voi lukea. Kirjoita se muodossa 31.12.2026.'
});
