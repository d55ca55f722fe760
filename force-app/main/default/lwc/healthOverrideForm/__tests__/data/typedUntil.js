/* eslint-disable jest/no-export -- the cases both locales' test files run, not a test file */
import { createElement } from 'lwc';
import HealthOverrideForm from 'c/healthOverrideForm';

// The expiry cases both users' test files run, each with its own @salesforce/i18n/locale mock
// (the LWC transform reads that import once per file) and the deployed labels in its language.

const { LABELS } = jest.requireActual('../../../accountHealthPanel/labels');
const { inLanguage } = require('../../../accountHealthPanel/__tests__/deployedLabels');

const TODAY = '2026-12-07';
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function render(language, defaultDays = 30) {
  const element = createElement('c-health-override-form', { is: HealthOverrideForm });
  element.labels = inLanguage(LABELS, language);
  // The panel passes the model's Status bands (healthView's overrideStatuses).
  element.statusOptions = ['Green', 'Yellow', 'Red'].map((status) => ({
    label: status,
    value: status
  }));
  element.today = TODAY;
  element.defaultDays = defaultDays;
  const saved = jest.fn();
  element.addEventListener('save', (event) => saved(event.detail));
  document.body.appendChild(element);
  return { element, saved, labels: element.labels };
}

const until = (element) => element.shadowRoot.querySelector('lightning-input');

async function giveReason(element) {
  element.shadowRoot
    .querySelector('lightning-textarea')
    .dispatchEvent(new CustomEvent('change', { detail: { value: 'Renewal signed' } }));
  await flush();
}

/** Key by key, as lightning-input sends a change for each keystroke of a text input. */
async function typeUntil(element, text) {
  for (let end = 0; end <= text.length; end++) {
    until(element).dispatchEvent(
      new CustomEvent('change', { detail: { value: text.slice(0, end) } })
    );
    // eslint-disable-next-line no-await-in-loop
    await flush();
  }
}

async function save(element) {
  element.shadowRoot.querySelector('lightning-button.save').click();
  await flush();
}

/** @param user { language, locale, forms, foreign, shownDefault, example } */
export function describeTypedUntil(user) {
  describe(`c-health-override-form expiry typed by a ${user.locale} user`, () => {
    afterEach(() => {
      while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
      }
    });

    it('shows the default expiry in the user format, with the example date as the hint', async () => {
      const { element, saved } = render(user.language);
      await flush();
      expect(until(element).type).toBe('text');
      expect(until(element).value).toBe(user.shownDefault);
      expect(until(element).placeholder).toBe(user.example);
      await expect(element).toBeAccessible();
      await giveReason(element);
      await save(element);
      expect(saved).toHaveBeenCalledWith(
        expect.objectContaining({ reason: 'Renewal signed', until: '2027-01-06' })
      );
    });

    it.each(user.forms)('saves %s typed key by key as 7 December 2026', async (typed) => {
      const { element, saved } = render(user.language);
      await giveReason(element);
      await typeUntil(element, typed);
      await save(element);
      expect(saved).toHaveBeenCalledTimes(1);
      expect(saved.mock.calls[0][0].until).toBe('2026-12-07');
    });

    it("refuses the other locale's form by name, showing what was typed, and saves nothing", async () => {
      const { element, saved, labels } = render(user.language);
      await giveReason(element);
      const input = until(element);
      const validity = jest.spyOn(input, 'setCustomValidity');
      await typeUntil(element, user.foreign);
      await save(element);
      expect(saved).not.toHaveBeenCalled();
      const message = validity.mock.calls[validity.mock.calls.length - 1][0];
      expect(message).toBe(user.refusal);
      expect(message).toContain(labels.overrideUntil);
      await expect(element).toBeAccessible();
      // Corrected, the message goes and the date is saved.
      await typeUntil(element, user.forms[0]);
      expect(validity).toHaveBeenLastCalledWith('');
      await save(element);
      expect(saved.mock.calls[0][0].until).toBe('2026-12-07');
    });

    it("keeps the Override band's default for a blank expiry: null, never an empty text", async () => {
      const { element, saved } = render(user.language);
      await giveReason(element);
      await typeUntil(element, '');
      await save(element);
      expect(saved).toHaveBeenCalledWith(
        expect.objectContaining({ reason: 'Renewal signed', until: null })
      );
    });

    it('leaves the expiry blank when the band is not known, for the server to set', async () => {
      const { element, saved } = render(user.language, null);
      await flush();
      expect(until(element).value).toBe('');
      await giveReason(element);
      await save(element);
      expect(saved.mock.calls[0][0].until).toBeNull();
    });
  });
}
