/* eslint-disable jest/no-export -- the cases both locales' test files run, not a test file */
import { createElement } from 'lwc';
import HandoverPanel from 'c/handoverPanel';
import getContext from '@salesforce/apex/HandoverController.getContext';
import saveDraft from '@salesforce/apex/HandoverController.saveDraft';

// The date cases both users' test files run, each with its own @salesforce/i18n/locale mock
// (the LWC transform reads that import once per file). The files mock the Apex methods and
// Baton_Handover_Error_Bad_Date with its placeholders.

const { withModel } = require('./projectModelRecords');

const CONTEXT_DRAFT = withModel(require('./contextDraft.json'));
const STORED = CONTEXT_DRAFT.handover.Contract_Start__c;

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

export async function render() {
  getContext.mockResolvedValue(CONTEXT_DRAFT);
  const element = createElement('c-handover-panel', { is: HandoverPanel });
  element.recordId = CONTEXT_DRAFT.account.Id;
  document.body.appendChild(element);
  await flush();
  return element;
}

function dateInput(element) {
  return [...element.shadowRoot.querySelectorAll('c-handover-section')]
    .map((section) => section.shadowRoot.querySelector('[data-field="Contract_Start__c"]'))
    .find(Boolean);
}

/** Key by key, as lightning-input sends a change for each keystroke of a text input. */
export async function typeDate(element, text) {
  for (let end = 1; end <= text.length; end++) {
    dateInput(element).dispatchEvent(
      new CustomEvent('change', { detail: { value: text.slice(0, end) } })
    );
    // eslint-disable-next-line no-await-in-loop
    await flush();
  }
}

export async function saveDraftClicked(element) {
  element.shadowRoot.querySelector('.save-draft').click();
  await flush();
}

/** @param user { locale, stored, forms, foreign, example } */
export function describeTypedDates(user) {
  describe(`c-handover-panel dates typed by a ${user.locale} user`, () => {
    beforeEach(() => {
      saveDraft.mockResolvedValue(CONTEXT_DRAFT);
    });

    afterEach(() => {
      while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
      }
      jest.clearAllMocks();
    });

    it('labels the ARR with the org currency and asks phones for a decimal keyboard', async () => {
      const element = await render();
      const arr = [...element.shadowRoot.querySelectorAll('c-handover-section')]
        .map((section) => section.shadowRoot.querySelector('[data-field="ARR__c"]'))
        .find(Boolean);
      expect(arr.label).toBe('c.Baton_Handover_Field_ARR (€)');
      expect(arr.inputmode).toBe('decimal');
    });

    it('shows the stored date in the format the user types, with it as the hint', async () => {
      const element = await render();
      expect(dateInput(element).value).toBe(user.stored);
      expect(dateInput(element).placeholder).toBe(user.example);
    });

    it.each(user.forms)('saves %s typed key by key as 7 December 2026', async (typed) => {
      const element = await render();
      await typeDate(element, typed);
      await saveDraftClicked(element);
      expect(saveDraft.mock.calls[0][0].handover.Contract_Start__c).toBe('2026-12-07');
      expect(dateInput(element).value).toBe(typed);
    });

    it('refuses a date in the other format by name, showing what was typed, and writes nothing', async () => {
      const element = await render();
      await typeDate(element, user.foreign);
      await saveDraftClicked(element);
      expect(saveDraft).not.toHaveBeenCalled();
      expect(element.shadowRoot.querySelector('c-handover-error-summary').errors).toEqual([
        {
          field: 'Contract_Start__c',
          label: 'c.Baton_Handover_Field_Contract_Start',
          message: `${user.foreign} is not a date Baton can read. Type it like ${user.example}.`
        }
      ]);
      // Still unreadable after leaving the field: the stored date is kept, not saved as empty.
      dateInput(element).dispatchEvent(new CustomEvent('blur'));
      await saveDraftClicked(element);
      expect(saveDraft).not.toHaveBeenCalled();
      await expect(element).toBeAccessible();
    });

    it('never sends an empty date over the stored one while a typed date is unreadable', async () => {
      const element = await render();
      // Pasted in one go, then a few keys of another.
      dateInput(element).dispatchEvent(
        new CustomEvent('change', { detail: { value: 'tomorrow' } })
      );
      await typeDate(element, '1');
      await saveDraftClicked(element);
      expect(saveDraft).not.toHaveBeenCalled();
      // Emptied on purpose, the date is cleared.
      dateInput(element).dispatchEvent(new CustomEvent('change', { detail: { value: '' } }));
      await saveDraftClicked(element);
      expect(saveDraft.mock.calls[0][0].handover.Contract_Start__c).toBeNull();
      expect(STORED).toBe('2026-01-05');
    });
  });
}
