import { createElement } from 'lwc';
import HandoverErrorSummary from 'c/handoverErrorSummary';

const ERRORS = [
  { field: 'What_Was_Sold__c', label: 'What was sold', message: 'Fill this in before you submit.' },
  {
    field: 'Secondary_Contacts__c',
    label: 'Secondary contacts (one per line)',
    message: 'Add at least 2 secondary contacts, one per line.'
  }
];

function render(errors = ERRORS) {
  const element = createElement('c-handover-error-summary', { is: HandoverErrorSummary });
  element.title = 'Fill in these fields before you submit:';
  element.errors = errors;
  document.body.appendChild(element);
  return element;
}

describe('c-handover-error-summary', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('lists each field as a link with what to do, under its heading', async () => {
    const element = render();
    const items = [...element.shadowRoot.querySelectorAll('li')].map((item) =>
      item.textContent.replace(/\s+/g, ' ').trim()
    );
    expect(items).toEqual([
      'What was sold: Fill this in before you submit.',
      'Secondary contacts (one per line): Add at least 2 secondary contacts, one per line.'
    ]);
    expect(element.shadowRoot.querySelector('h3').textContent).toBe(
      'Fill in these fields before you submit:'
    );
    await expect(element).toBeAccessible();
  });

  it('takes focus and asks for the chosen field', () => {
    const element = render();
    element.focus();
    expect(element.shadowRoot.activeElement).toBe(
      element.shadowRoot.querySelector('.error-summary')
    );
    const asked = jest.fn();
    element.addEventListener('fieldfocus', asked);
    element.shadowRoot.querySelectorAll('a')[1].click();
    expect(asked.mock.calls[0][0].detail).toEqual({ field: 'Secondary_Contacts__c' });
  });

  it('stays accessible with one error', async () => {
    const element = render([ERRORS[0]]);
    await expect(element).toBeAccessible();
  });
});
