import saveDraft from '@salesforce/apex/HandoverController.saveDraft';
import { describeTypedDates, render, saveDraftClicked, typeDate } from './data/typedDates';

jest.mock('@salesforce/i18n/locale', () => ({ default: 'fi-FI' }), { virtual: true });
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
  locale: 'fi-FI',
  stored: '5.1.2026',
  forms: ['7.12.2026', '07.12.2026', '2026-12-07'],
  foreign: '12/7/2026',
  example: '31.12.2026'
});

describe('c-handover-panel dates typed by a Finnish user without the year', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('reads 7.12. as 7 December this year', async () => {
    saveDraft.mockResolvedValue({});
    const element = await render();
    await typeDate(element, '7.12.');
    await saveDraftClicked(element);
    expect(saveDraft.mock.calls[0][0].handover.Contract_Start__c).toBe(
      `${new Date().getFullYear()}-12-07`
    );
  });
});
