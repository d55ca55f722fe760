import { describeTypedDates } from './data/typedDates';

jest.mock('@salesforce/i18n/locale', () => ({ default: 'en-US' }), { virtual: true });
jest.mock('@salesforce/i18n/currency', () => ({ default: 'EUR' }), { virtual: true });
jest.mock('@salesforce/apex/HandoverController.getContext', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/HandoverController.saveDraft', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Baton_Handover_Error_Bad_Date',
  () => ({ default: '{0} is not a date Baton can read. Type it like {1}.' }),
  { virtual: true }
);

describeTypedDates({
  locale: 'en-US',
  stored: 'Jan 5, 2026',
  forms: ['12/7/2026', 'Dec 7, 2026', '2026-12-07'],
  foreign: '7.12.2026',
  example: 'Dec 31, 2026'
});
