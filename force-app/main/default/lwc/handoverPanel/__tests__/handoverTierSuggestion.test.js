import { createElement } from 'lwc';
import HandoverPanel from 'c/handoverPanel';
import getContext from '@salesforce/apex/HandoverController.getContext';

const { withModel } = require('./data/projectModelRecords');

jest.mock('@salesforce/apex/HandoverController.getContext', () => ({ default: jest.fn() }), {
  virtual: true
});

// A won deal's draft: the Account's MRR (1 470 a month) is a Low-touch customer, the deal's
// 60 000 a year a High-touch one, and the suggestion must follow the deal.
function wonDealContext() {
  const context = withModel(require('./data/contextDraft.json'));
  return {
    ...context,
    account: { ...context.account, MRR__c: 1470 },
    handover: { ...context.handover, Proposed_Touch_Tier__c: null, ARR__c: 60000 }
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const root = (element) => element.shadowRoot;
function input(element, field) {
  for (const section of root(element).querySelectorAll('c-handover-section')) {
    const found = section.shadowRoot.querySelector(`[data-field="${field}"]`);
    if (found) return found;
  }
  return null;
}

describe('c-handover-panel tier suggestion', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it("suggests the tier from the handover's ARR and follows the seller's edit", async () => {
    getContext.mockResolvedValue(wonDealContext());
    const element = createElement('c-handover-panel', { is: HandoverPanel });
    element.recordId = '001000000000001AAA';
    document.body.appendChild(element);
    await flush();

    const suggestion = () => root(element).querySelector('.suggestion').textContent;
    expect(suggestion()).toContain('c.Baton_Tier_High');
    expect(suggestion()).not.toContain('17');

    input(element, 'ARR__c').dispatchEvent(
      new CustomEvent('change', { detail: { value: '3000' } })
    );
    await flush();
    expect(suggestion()).toContain('c.Baton_Tier_Tech');
  });
});
