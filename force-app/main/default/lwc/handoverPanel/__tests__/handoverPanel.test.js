import { createElement } from 'lwc';
import HandoverPanel from 'c/handoverPanel';
import getContext from '@salesforce/apex/HandoverController.getContext';
import saveDraft from '@salesforce/apex/HandoverController.saveDraft';
import submit from '@salesforce/apex/HandoverController.submit';
import accept from '@salesforce/apex/HandoverController.accept';
import returnToSeller from '@salesforce/apex/HandoverController.returnToSeller';

const { projectModelRecords, withModel } = require('./data/projectModelRecords');

const CONTEXT_NEW = withModel(require('./data/contextNew.json'));
const CONTEXT_DRAFT = withModel(require('./data/contextDraft.json'));
const CONTEXT_SUBMITTED = withModel(require('./data/contextSubmitted.json'));
const CONTEXT_OVERDUE = withModel(require('./data/contextOverdue.json'));
const CONTEXT_RETURNED = withModel(require('./data/contextReturned.json'));
const CONTEXT_ACCEPTED = withModel(require('./data/contextAccepted.json'));
const CONTEXT_OPPORTUNITY = withModel(require('./data/contextOpportunity.json'));

/** The project's records with some changed, as an admin would change them in the org. */
function orgRecords(edit) {
  const records = projectModelRecords();
  edit(records);
  return records;
}
const recordOf = (records, type, name) =>
  records[type].find((record) => record.DeveloperName === name);

jest.mock('@salesforce/apex/HandoverController.getContext', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/HandoverController.saveDraft', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/HandoverController.submit', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/HandoverController.accept', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/HandoverController.returnToSeller', () => ({ default: jest.fn() }), {
  virtual: true
});

// The reason's wording with its placeholders, so the test sees the rule's numbers filled in.
jest.mock(
  '@salesforce/label/c.Baton_Handover_Reason_Max_Arr',
  () => ({ default: 'ARR {0} < {1}' }),
  { virtual: true }
);

jest.mock(
  '@salesforce/label/c.Baton_Handover_Error_Bad_Amount',
  () => ({ default: '{0} is not an amount in your format. Type it like {1}.' }),
  { virtual: true }
);

jest.mock(
  '@salesforce/label/c.Baton_Handover_Prefilled_Source',
  () => ({ default: 'Filled in from the won deal ({0}). Check it.' }),
  { virtual: true }
);

const APEX_ERROR = {
  body: { message: 'Return Reason is required to return a handover.' },
  ok: false,
  status: 400
};

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function render(context) {
  getContext.mockResolvedValue(context);
  const element = createElement('c-handover-panel', { is: HandoverPanel });
  element.recordId = context.account.Id;
  document.body.appendChild(element);
  await flush();
  return element;
}

const root = (element) => element.shadowRoot;
const sections = (element) => [...root(element).querySelectorAll('c-handover-section')];
const summary = (element) => root(element).querySelector('c-handover-summary');
function input(element, field) {
  for (const section of sections(element)) {
    const found = section.shadowRoot.querySelector(`[data-field="${field}"]`);
    if (found) {
      return found;
    }
  }
  return null;
}
function change(element, field, value) {
  input(element, field).dispatchEvent(new CustomEvent('change', { detail: { value } }));
}
const click = (host, selector) => host.shadowRoot.querySelector(selector).click();
const errorSummary = (element) => root(element).querySelector('c-handover-error-summary');
const errorItems = (element) => errorSummary(element).errors;

describe('c-handover-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('renders the six sections with their headings', async () => {
    const element = await render(CONTEXT_NEW);
    const titles = sections(element).map((section) =>
      section.shadowRoot.querySelector('h3').textContent.trim()
    );
    expect(titles).toEqual([
      'c.Baton_Handover_Section_Deal',
      'c.Baton_Handover_Section_People',
      'c.Baton_Handover_Section_Success',
      'c.Baton_Handover_Section_Commitments',
      'c.Baton_Handover_Section_Delivery',
      'c.Baton_Handover_Section_Fit'
    ]);
    expect(input(element, 'Account_Manager__c').options.map((option) => option.label)).toEqual([
      'Aino Asiakas',
      'Ville Vastaava'
    ]);
    expect(input(element, 'Primary_Contact__c').options[0].label).toBe('Mikko Maki (CFO)');
    await expect(element).toBeAccessible();
  });

  it('shows the suggested tier with its reason and onboarding model', async () => {
    const element = await render(CONTEXT_NEW);
    const suggestion = root(element).querySelector('.suggestion');
    expect(suggestion.textContent).toContain('c.Baton_Tier_Low');
    expect(root(element).querySelector('.suggestion-reason').textContent).toMatch(/\S/);
    expect(root(element).querySelector('.onboarding-model').textContent).toMatch(/online/i);
    expect(input(element, 'Proposed_Touch_Tier__c').value).toBe('Low');
  });

  it('marks the fields the tier requires and adds High-touch fields when the tier changes', async () => {
    const element = await render(CONTEXT_NEW);
    expect(input(element, 'Fit__c').required).toBe(true);
    expect(input(element, 'Promises__c').required).toBe(true);
    expect(input(element, 'Risks__c').required).toBe(false);
    change(element, 'Proposed_Touch_Tier__c', 'High');
    await flush();
    expect(input(element, 'Risks__c').required).toBe(true);
    expect(input(element, 'Decision_Makers__c').required).toBe(true);
    change(element, 'Proposed_Touch_Tier__c', 'Tech');
    await flush();
    expect(input(element, 'Promises__c').required).toBe(false);
  });

  it('marks only the trial fields of a trials lighter handover, whatever the tier', async () => {
    const trial = { ...CONTEXT_DRAFT.handover, Trial__c: true, Proposed_Touch_Tier__c: 'High' };
    const element = await render({ ...CONTEXT_DRAFT, handover: trial });
    expect(input(element, 'Success_Criteria__c').required).toBe(true);
    expect(input(element, 'What_Was_Sold__c').required).toBe(true);
    expect(input(element, 'Fit__c').required).toBe(false);
    expect(input(element, 'Risks__c').required).toBe(false);
    expect(input(element, 'Decision_Makers__c').required).toBe(false);
  });

  it('refuses an amount typed in the other locale format and says how to type it', async () => {
    saveDraft.mockResolvedValue(CONTEXT_DRAFT);
    const element = await render(CONTEXT_NEW);
    // An English user's "27696,5" is a decimal comma, which English reads as 276965.
    change(element, 'ARR__c', '27696,5');
    click(element, '.save-draft');
    await flush();
    expect(saveDraft).not.toHaveBeenCalled();
    expect(errorItems(element)).toEqual([
      {
        field: 'ARR__c',
        label: 'c.Baton_Handover_Field_ARR',
        message: '27696,5 is not an amount in your format. Type it like 27,696.50.'
      }
    ]);
    change(element, 'ARR__c', '27,696.50');
    click(element, '.save-draft');
    await flush();
    expect(saveDraft.mock.calls[0][0].handover.ARR__c).toBe(27696.5);
  });

  it('saves a draft with the edited fields', async () => {
    saveDraft.mockResolvedValue(CONTEXT_DRAFT);
    const element = await render(CONTEXT_NEW);
    change(element, 'What_Was_Sold__c', 'Baton Pro, 40 seats');
    change(element, 'Value_Type__c', ['Technical', 'Practical']);
    click(element, '.save-draft');
    await flush();
    const sent = saveDraft.mock.calls[0][0].handover;
    expect(sent).toMatchObject({
      Account__c: CONTEXT_NEW.account.Id,
      What_Was_Sold__c: 'Baton Pro, 40 seats',
      Value_Type__c: 'Technical;Practical',
      Proposed_Touch_Tier__c: 'Low'
    });
    expect(sent.Onboarding_Model__c).toMatch(/\S/);
    expect(root(element).querySelector('.notice').textContent).toBe('c.Baton_Handover_Draft_Saved');
  });

  it('lists what to fix in form order, with links, says it in words, and focuses the list', async () => {
    const element = await render(CONTEXT_NEW);
    change(element, 'What_Was_Sold__c', 'Baton Pro');
    click(element, '.submit');
    await flush();
    const list = errorSummary(element);
    expect(root(element).activeElement).toBe(list);
    const items = errorItems(element);
    // The Deal section's contract start comes before the People section's account manager.
    expect(items.map((item) => item.field)).toEqual([
      'Contract_Start__c',
      'Account_Manager__c',
      'Primary_Contact__c',
      'Success_Criteria__c',
      'First_Year_Goal__c',
      'Promises__c',
      'Technical_Needs__c',
      'Fit__c'
    ]);
    expect(items[0]).toEqual({
      field: 'Contract_Start__c',
      label: 'c.Baton_Handover_Field_Contract_Start',
      message: 'c.Baton_Handover_Error_Date'
    });
    expect(items[1].message).toBe('c.Baton_Handover_Error_Choose');
    expect(items[3].message).toBe('c.Baton_Handover_Error_Fill_In');
    expect(list.shadowRoot.textContent).not.toMatch(/\(\d\)/);
    expect(saveDraft).not.toHaveBeenCalled();
    expect(submit).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('asks for two secondary contacts one per line on a High-touch handover', async () => {
    const element = await render(CONTEXT_NEW);
    change(element, 'Proposed_Touch_Tier__c', 'High');
    change(element, 'Secondary_Contacts__c', 'Liisa Laine, COO');
    await flush();
    click(element, '.submit');
    await flush();
    const item = errorItems(element).find((one) => one.field === 'Secondary_Contacts__c');
    expect(item.message).toBe('c.Baton_Handover_Error_Secondary_Contacts');
  });

  it('focuses the field when its link in the list is chosen', async () => {
    const element = await render(CONTEXT_NEW);
    click(element, '.submit');
    await flush();
    const focusField = jest.fn();
    sections(element).forEach((section) => {
      section.focusField = focusField;
    });
    errorSummary(element).shadowRoot.querySelector('a[data-field="Fit__c"]').click();
    expect(focusField).toHaveBeenCalledWith('Fit__c');
  });

  it('saves then submits a complete handover and shows the summary with the post link', async () => {
    saveDraft.mockResolvedValue(CONTEXT_DRAFT);
    submit.mockResolvedValue(CONTEXT_SUBMITTED);
    const element = await render(CONTEXT_DRAFT);
    click(element, '.submit');
    await flush();
    expect(saveDraft.mock.calls[0][0].lastModified).toBe(CONTEXT_DRAFT.handover.LastModifiedDate);
    expect(submit).toHaveBeenCalledWith({
      handoverId: CONTEXT_DRAFT.handover.Id,
      lastModified: CONTEXT_DRAFT.handover.LastModifiedDate
    });
    // Focus lands on the success message, not the page body.
    expect(root(element).activeElement).toBe(root(element).querySelector('.notice'));
    const view = summary(element);
    expect(view.handover.Status__c).toBe('Submitted');
    expect(view.shadowRoot.querySelector('.post-link').getAttribute('href')).toBe(
      '/0D5000000000001AAA'
    );
    expect(root(element).querySelector('.notice').textContent).toBe(
      'c.Baton_Handover_Submitted_Message'
    );
  });

  it('tells a seller who is also the account manager that submitting completed it', async () => {
    saveDraft.mockResolvedValue(CONTEXT_DRAFT);
    submit.mockResolvedValue({
      ...CONTEXT_ACCEPTED,
      handover: { ...CONTEXT_ACCEPTED.handover, Completed_On_Submit__c: true }
    });
    const element = await render(CONTEXT_DRAFT);
    click(element, '.submit');
    await flush();
    expect(root(element).querySelector('.notice').textContent).toBe(
      'c.Baton_Handover_Completed_Own_Message'
    );
    expect(summary(element).handover.Status__c).toBe('Accepted');
    expect(summary(element).canAnswer).toBe(false);
    await expect(element).toBeAccessible();
  });

  it('lets the account manager accept', async () => {
    accept.mockResolvedValue(CONTEXT_ACCEPTED);
    const element = await render(CONTEXT_SUBMITTED);
    expect(summary(element).canAnswer).toBe(true);
    expect(summary(element).overdue).toBe(false);
    click(summary(element), '.accept');
    await flush();
    expect(accept).toHaveBeenCalledWith({ handoverId: CONTEXT_SUBMITTED.handover.Id });
    expect(summary(element).handover.Status__c).toBe('Accepted');
    expect(summary(element).canAnswer).toBe(false);
  });

  it.each([
    ['a new customer', {}, 'c.Baton_Handover_Accepted_Message'],
    [
      'an existing customer (upsell, renewal)',
      { Customer_Stage__c: 'Advocacy', Account_Manager__c: '005000000000002AAA' },
      'c.Baton_Handover_Accepted_Existing'
    ],
    [
      'an existing customer changing account manager',
      { Customer_Stage__c: 'Retention', Account_Manager__c: '005000000000009AAA' },
      'c.Baton_Handover_Accepted_New_AM'
    ]
  ])('tells the account manager what accepting did for %s', async (_kind, account, notice) => {
    accept.mockResolvedValue(CONTEXT_ACCEPTED);
    const element = await render({
      ...CONTEXT_SUBMITTED,
      account: { ...CONTEXT_SUBMITTED.account, ...account }
    });
    click(summary(element), '.accept');
    await flush();
    expect(root(element).querySelector('.notice').textContent).toBe(notice);
  });

  it('shows the receiving account manager a read-only handover to accept or return, not the form', async () => {
    const element = await render(CONTEXT_SUBMITTED);
    expect(sections(element)).toEqual([]);
    expect(root(element).querySelector('.answer-intro').textContent.trim()).toBe(
      'c.Baton_Handover_Answer_Intro'
    );
    const view = summary(element);
    expect(view.shadowRoot.querySelector('.accept')).not.toBeNull();
    expect(view.shadowRoot.querySelector('.start-return')).not.toBeNull();
    // Stored values read as people read them: the money and the day, not 24000 or 2026-01-05.
    const facts = Object.fromEntries(view.facts.map((fact) => [fact.name, fact.value]));
    expect(facts.Contract_Start__c).toBe('Jan 5, 2026');
    expect(facts.Fit__c).toBe('c.Baton_Fit_Good');
    expect(facts.Account_Manager__c).toBe('Aino Asiakas');
    await expect(element).toBeAccessible();
  });

  it('shows another account manager the summary with nothing to answer', async () => {
    const element = await render({ ...CONTEXT_SUBMITTED, userId: '005000000000003AAA' });
    expect(sections(element)).toEqual([]);
    expect(root(element).querySelector('.answer-intro')).toBeNull();
    expect(summary(element).shadowRoot.querySelector('.accept')).toBeNull();
  });

  it("shows an account manager the seller's draft read-only", async () => {
    const element = await render({ ...CONTEXT_DRAFT, userId: '005000000000002AAA' });
    expect(sections(element)).toEqual([]);
    expect(root(element).querySelector('.submit')).toBeNull();
    expect(summary(element).handover.Status__c).toBe('Draft');
  });

  it('lets the seller start the next handover after an accept, as a new record', async () => {
    saveDraft.mockResolvedValue(CONTEXT_DRAFT);
    const accepted = { ...CONTEXT_ACCEPTED, userId: '005000000000001AAA', canStartHandover: true };
    const element = await render(accepted);
    expect(sections(element)).toEqual([]);
    click(element, '.start-next-button');
    await flush();
    expect(sections(element)).toHaveLength(6);
    change(element, 'What_Was_Sold__c', 'Upsell: 20 more seats');
    click(element, '.save-draft');
    await flush();
    const sent = saveDraft.mock.calls[0][0];
    expect(sent.handover.Id).toBeUndefined();
    expect(sent.handover.Account__c).toBe(accepted.account.Id);
    expect(sent.lastModified).toBeNull();
  });

  it('offers no next handover to the account manager who holds the account', async () => {
    const element = await render({ ...CONTEXT_ACCEPTED, canStartHandover: true });
    expect(root(element).querySelector('.start-next-button')).toBeNull();
  });

  it('requires a reason before the account manager returns', async () => {
    returnToSeller.mockResolvedValue(CONTEXT_RETURNED);
    const element = await render(CONTEXT_SUBMITTED);
    const view = summary(element);
    click(view, '.start-return');
    await flush();
    expect(view.shadowRoot.querySelector('.confirm-return').disabled).toBe(true);
    view.shadowRoot
      .querySelector('.return-reason')
      .dispatchEvent(new CustomEvent('change', { detail: { value: ' Which SSO provider? ' } }));
    await flush();
    expect(view.shadowRoot.querySelector('.confirm-return').disabled).toBe(false);
    click(view, '.confirm-return');
    await flush();
    expect(returnToSeller).toHaveBeenCalledWith({
      handoverId: CONTEXT_SUBMITTED.handover.Id,
      reason: 'Which SSO provider?'
    });
  });

  it('shows the seller a returned handover as editable with the reason, ready to resubmit', async () => {
    const element = await render(CONTEXT_RETURNED);
    expect(root(element).querySelector('.return-reason').textContent).toBe('Which SSO provider?');
    expect(input(element, 'Technical_Needs__c').value).toBe('SSO with Azure AD');
    expect(root(element).querySelector('.submit')).not.toBeNull();
  });

  it('shows no accept or return to the seller, and shows overdue to both', async () => {
    const element = await render(CONTEXT_OVERDUE);
    expect(summary(element).canAnswer).toBe(false);
    expect(summary(element).shadowRoot.querySelector('.accept')).toBeNull();
    expect(summary(element).overdue).toBe(true);
    expect(summary(element).shadowRoot.querySelector('.overdue')).not.toBeNull();
  });

  it('prefills a new handover from a closed-won opportunity', async () => {
    const element = await render(CONTEXT_OPPORTUNITY);
    expect(input(element, 'What_Was_Sold__c').value).toBe('Kontrakti Pro deal: Baton Pro');
    expect(input(element, 'ARR__c').value).toBe('24,000.00');
    expect(input(element, 'Contract_Start__c').value).toBe('Jan 2, 2026');
    expect(root(element).querySelector('.prefilled')).not.toBeNull();
  });

  it('says under each field of a draft from the won deal where its value came from', async () => {
    const drafted = {
      ...CONTEXT_DRAFT,
      handover: {
        ...CONTEXT_DRAFT.handover,
        Prefill_Sources__c: JSON.stringify({
          ARR__c: 'Opportunity.Amount',
          Competitors__c: 'OpportunityCompetitor.CompetitorName'
        })
      }
    };
    const element = await render(drafted);
    const notes = sections(element).flatMap((section) =>
      [...section.shadowRoot.querySelectorAll('.prefill-note')].map((note) => note.textContent)
    );
    expect(notes).toEqual([
      'Filled in from the won deal (c.Baton_Handover_Source_Amount). Check it.',
      'Filled in from the won deal (c.Baton_Handover_Source_Competitors). Check it.'
    ]);
    await expect(element).toBeAccessible();
  });

  it('prefills from the deal alone for a seller who may not read its products', async () => {
    const deal = { ...CONTEXT_OPPORTUNITY.opportunity };
    delete deal.OpportunityLineItems;
    const element = await render({ ...CONTEXT_OPPORTUNITY, opportunity: deal });
    expect(input(element, 'What_Was_Sold__c').value).toBe('Kontrakti Pro deal');
    expect(input(element, 'ARR__c').value).toBe('24,000.00');
    expect(root(element).querySelector('c-error-panel')).toBeNull();
  });

  it("enforces a handover requirement the org's custom metadata adds, with its minimum", async () => {
    const records = orgRecords((all) => {
      all.Handover_Requirement__mdt.push({
        DeveloperName: 'Competitors',
        MasterLabel: 'Competitors',
        Field__c: 'Competitors__c',
        Tiers__c: 'Low',
        Min_Entries__c: 2,
        Order__c: 99
      });
    });
    const element = await render(withModel(CONTEXT_DRAFT, records));
    expect(input(element, 'Competitors__c').required).toBe(true);
    change(element, 'Competitors__c', 'Acme Ledger');
    click(element, '.submit');
    await flush();
    expect(errorItems(element)).toEqual([
      {
        field: 'Competitors__c',
        label: 'c.Baton_Handover_Field_Competitors',
        message: 'c.Baton_Handover_Error_Min_Entries'
      }
    ]);
    expect(saveDraft).not.toHaveBeenCalled();
  });

  it("suggests the tier and gives the answer deadline from the org's records", async () => {
    const records = orgRecords((all) => {
      // ARR 24 000 is Low by default; this org draws the Tech line at 30 000.
      recordOf(all, 'Touch_Tier_Rule__mdt', 'Small_ARR').Max_ARR__c = 30000;
      recordOf(all, 'Tier_Cadence__mdt', 'Low').Response_Business_Days__c = 5;
    });
    const fresh = await render(withModel(CONTEXT_NEW, records));
    expect(root(fresh).querySelector('.suggestion').textContent).toContain('c.Baton_Tier_Tech');
    expect(root(fresh).querySelector('.suggestion-reason').textContent).toContain(
      'ARR $24,000 < $30,000'
    );
    expect(input(fresh, 'Proposed_Touch_Tier__c').value).toBe('Tech');
    document.body.removeChild(fresh);
    // Submitted Monday 5 January: five business days run to Monday 12th, so not overdue on the 9th.
    const element = await render(withModel(CONTEXT_OVERDUE, records));
    expect(summary(element).answerDue).toBe('2026-01-12');
    expect(summary(element).overdue).toBe(false);
  });

  it('names the bad custom metadata record and field instead of guessing rules', async () => {
    const records = orgRecords((all) => {
      recordOf(all, 'Handover_Requirement__mdt', 'Fit').Tiers__c = 'Gold';
    });
    const element = await render(withModel(CONTEXT_NEW, records));
    const panel = root(element).querySelector('c-error-panel');
    expect(panel.errors.message).toContain('Handover_Requirement__mdt.Fit: Tiers__c');
    expect(panel.friendlyMessage).toBe('c.Baton_Handover_Load_Failed');
    expect(root(element).querySelector('c-handover-section')).toBeNull();
  });

  it('shows the Apex error when loading fails', async () => {
    getContext.mockRejectedValue({
      body: { message: 'Account 001 does not exist or you cannot see it.' }
    });
    const element = createElement('c-handover-panel', { is: HandoverPanel });
    element.recordId = '001000000000009AAA';
    document.body.appendChild(element);
    await flush();
    const panel = root(element).querySelector('c-error-panel');
    expect(panel.errors.body.message).toContain('does not exist');
    expect(panel.friendlyMessage).toBe('c.Baton_Handover_Load_Failed');
    await expect(element).toBeAccessible();
  });

  it('keeps the form and shows the Apex error when an action fails', async () => {
    returnToSeller.mockRejectedValue(APEX_ERROR);
    const element = await render(CONTEXT_SUBMITTED);
    const view = summary(element);
    click(view, '.start-return');
    await flush();
    view.shadowRoot
      .querySelector('.return-reason')
      .dispatchEvent(new CustomEvent('change', { detail: { value: 'x' } }));
    await flush();
    click(view, '.confirm-return');
    await flush();
    expect(root(element).querySelector('c-error-panel').errors).toEqual(APEX_ERROR);
    expect(summary(element).handover.Status__c).toBe('Submitted');
    await expect(element).toBeAccessible();
  });
});
