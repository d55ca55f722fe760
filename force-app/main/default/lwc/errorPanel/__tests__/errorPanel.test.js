import { createElement } from 'lwc';
import ErrorPanel from 'c/errorPanel';

function render(props) {
  const element = createElement('c-error-panel', { is: ErrorPanel });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

function texts(element) {
  return [...element.shadowRoot.querySelectorAll('li')].map((item) => item.textContent);
}

describe('c-error-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows the message of an Apex AuraHandledException body', async () => {
    const element = render({ errors: { body: { message: 'Fit is required.' } } });
    expect(texts(element)).toEqual(['Fit is required.']);
    await expect(element).toBeAccessible();
  });

  it('flattens UI API page and field errors', () => {
    const element = render({
      errors: [
        {
          body: {
            output: {
              errors: [{ message: 'Record locked.' }],
              fieldErrors: { Fit__c: [{ message: 'Bad value for Fit.' }] }
            }
          }
        },
        new Error('Network down.')
      ]
    });
    expect(texts(element)).toEqual(['Record locked.', 'Bad value for Fit.', 'Network down.']);
  });

  it('uses the friendly message as the title and the generic title otherwise', () => {
    const custom = render({ errors: 'x', friendlyMessage: 'Could not save the handover.' });
    expect(custom.shadowRoot.querySelector('.title').textContent).toBe(
      'Could not save the handover.'
    );
    const generic = render({ errors: 'x' });
    expect(generic.shadowRoot.querySelector('.title').textContent).toBe('c.Baton_Error_Title');
  });

  it('announces itself as an alert for screen readers', () => {
    const element = render({ errors: 'x' });
    expect(element.shadowRoot.querySelector('[role="alert"]')).not.toBeNull();
  });
});
