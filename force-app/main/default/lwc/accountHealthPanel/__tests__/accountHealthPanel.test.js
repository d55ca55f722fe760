import { createElement } from 'lwc';
import AccountHealthPanel from 'c/accountHealthPanel';
import { getRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getHealth from '@salesforce/apex/HealthController.getHealth';
import setOverride from '@salesforce/apex/HealthController.setOverride';
import clearOverride from '@salesforce/apex/HealthController.clearOverride';

import ACCOUNT_SCORED from './data/accountScored.json';
import ACCOUNT_NEVER from './data/accountNeverScored.json';
import ACCOUNT_INSUFFICIENT from './data/accountInsufficient.json';
import ACCOUNT_OVERRIDE from './data/accountOverride.json';
import HEALTH_SCORED from './data/healthScored.json';
import HEALTH_NEVER from './data/healthNeverScored.json';
import HEALTH_INSUFFICIENT from './data/healthInsufficient.json';

// jest.mock must be called directly (not through a helper) for babel-jest to hoist it above the imports.
jest.mock('@salesforce/apex/HealthController.getHealth', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/HealthController.setOverride', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/HealthController.clearOverride', () => ({ default: jest.fn() }), {
  virtual: true
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function render(account, health) {
  getHealth.mockResolvedValue(health);
  const element = createElement('c-account-health-panel', { is: AccountHealthPanel });
  element.recordId = account.id;
  document.body.appendChild(element);
  getRecord.emit(account);
  await flush();
  return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const gauge = (element) => $(element, 'c-health-gauge');
const details = (element) => $(element, 'c-health-panel-details');
const inDetails = (element, selector) => details(element).shadowRoot.querySelector(selector);
const text = (node) => (node ? node.textContent.trim() : null);

describe('c-account-health-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows the score with its status in words, trend, history, coverage, drivers and context', async () => {
    const element = await render(ACCOUNT_SCORED, HEALTH_SCORED);

    expect(getHealth).toHaveBeenCalledWith({ accountId: ACCOUNT_SCORED.id });
    expect(gauge(element).score).toBe(64);
    expect(gauge(element).statusLabel).toBe('c.Baton_Health_Status_Yellow');
    expect(gauge(element).tone).toBe('yellow');
    expect(text(gauge(element).shadowRoot.querySelector('.status'))).toBe(
      'c.Baton_Health_Status_Yellow'
    );
    expect(
      gauge(element).shadowRoot.querySelector('[role="img"]').getAttribute('aria-label')
    ).toContain('64/100');
    expect($(element, '.trend lightning-icon').iconName).toBe('utility:arrowdown');
    // Sparkline: oldest first, so the line reads left to right in time.
    expect($(element, 'c-health-sparkline').scores).toEqual([72, 70, 64]);
    expect($(element, 'c-health-sparkline').assistiveText).toBe('c.Baton_Health_Sparkline');
    expect(text($(element, '.coverage'))).toBe('c.Baton_Health_Coverage_Text');
    const drivers = [...details(element).shadowRoot.querySelectorAll('.drivers li')].map(text);
    expect(drivers).toEqual([
      'Licence utilisation -17: 20 of 40 seats active',
      'NPS -13: 3 detractors of 5 responses'
    ]);
    expect(text(inDetails(element, '.quadrant'))).toBe('c.Baton_Health_Quadrant_Silent_Churn');
    expect(inDetails(element, '.tier').label).toBe('c.Baton_Tier_Low');
    expect(text(inDetails(element, '.suggested-tier'))).toBe('c.Baton_Health_Suggested_Tier');
    expect(inDetails(element, '.touchpoint').className).toContain('slds-text-color_error');
    const surveys = [...inDetails(element, '.surveys').querySelectorAll('dt')].map(text);
    expect(surveys).toEqual(['NPS', 'CSAT', 'CES']);
    expect(text($(element, '.scored-at'))).toBe('c.Baton_Health_Scored_At');
    expect($(element, 'c-error-panel')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the per-measure breakdown only when expanded', async () => {
    const element = await render(ACCOUNT_SCORED, HEALTH_SCORED);
    expect(inDetails(element, 'table.breakdown')).toBeNull();

    $(element, 'lightning-button.toggle').click();
    await flush();

    const rows = [...inDetails(element, 'table.breakdown').querySelectorAll('tbody tr')];
    expect(rows.map((row) => text(row.querySelector('th')))).toEqual([
      'c.Baton_Health_Measure_NPS',
      'c.Baton_Health_Measure_License_Utilisation',
      'c.Baton_Health_Measure_CSAT'
    ]);
    expect(text(rows[2].querySelector('td'))).toBe('c.Baton_Health_No_Data');
    expect($(element, 'lightning-button.toggle').label).toBe('c.Baton_Health_Breakdown_Hide');
    await expect(element).toBeAccessible();
  });

  it('tells the admin how to schedule the recompute when never scored', async () => {
    const element = await render(ACCOUNT_NEVER, HEALTH_NEVER);

    expect(text($(element, '.never-scored p'))).toBe('c.Baton_Health_Never_Scored_Help');
    expect(gauge(element)).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('explains insufficient data in grey and offers no override to a user who cannot edit', async () => {
    const element = await render(ACCOUNT_INSUFFICIENT, HEALTH_INSUFFICIENT);

    expect(gauge(element).tone).toBe('grey');
    expect(gauge(element).statusLabel).toBe('c.Baton_Health_Status_Insufficient_Data');
    expect(text($(element, '.insufficient'))).toBe('c.Baton_Health_Insufficient_Help');
    expect(text(inDetails(element, '.no-drivers'))).toBe('c.Baton_Health_Drivers_None');
    expect(inDetails(element, '.suggested-tier')).toBeNull();
    expect($(element, 'lightning-button.set-override')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows an active override as the status with the computed score beside it', async () => {
    const element = await render(ACCOUNT_OVERRIDE, HEALTH_SCORED);

    expect(gauge(element).statusLabel).toBe('c.Baton_Health_Status_Green');
    expect(gauge(element).score).toBe(64);
    expect(text($(element, '.computed'))).toBe('c.Baton_Health_Computed_Score');
    expect(text($(element, '.override-summary'))).toBe('c.Baton_Health_Override_Summary');
    expect($(element, 'lightning-button.clear-override')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('ignores an expired override', async () => {
    const expired = JSON.parse(JSON.stringify(ACCOUNT_OVERRIDE));
    expired.fields.Health_Override_Until__c.value = '2026-11-19';
    const element = await render(expired, HEALTH_SCORED);

    expect(gauge(element).statusLabel).toBe('c.Baton_Health_Status_Yellow');
    expect($(element, '.override-summary')).toBeNull();
  });

  it('sets an override with reason and a 30-day default expiry, then refreshes the record', async () => {
    setOverride.mockResolvedValue(HEALTH_SCORED);
    const element = await render(ACCOUNT_SCORED, HEALTH_SCORED);
    $(element, 'lightning-button.set-override').click();
    await flush();
    const form = $(element, 'c-health-override-form');
    form.shadowRoot
      .querySelector('lightning-textarea')
      .dispatchEvent(new CustomEvent('change', { detail: { value: ' Renewal signed ' } }));

    form.shadowRoot.querySelector('lightning-button.save').click();
    await flush();

    expect(setOverride).toHaveBeenCalledWith({
      accountId: ACCOUNT_SCORED.id,
      status: 'Yellow',
      reason: 'Renewal signed',
      until: '2026-12-20'
    });
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: ACCOUNT_SCORED.id }]);
    expect($(element, 'c-health-override-form')).toBeNull();
  });

  it('does not save an override without a reason', async () => {
    const element = await render(ACCOUNT_SCORED, HEALTH_SCORED);
    $(element, 'lightning-button.set-override').click();
    await flush();

    $(element, 'c-health-override-form').shadowRoot.querySelector('lightning-button.save').click();
    await flush();

    expect(setOverride).not.toHaveBeenCalled();
    expect($(element, 'c-health-override-form')).not.toBeNull();
  });

  it('clears an override and keeps a failed change visible beside the panel', async () => {
    clearOverride.mockRejectedValue({
      body: { message: 'insufficient access rights on object id' },
      ok: false,
      status: 400
    });
    const element = await render(ACCOUNT_OVERRIDE, HEALTH_SCORED);

    $(element, 'lightning-button.clear-override').click();
    await flush();

    expect(clearOverride).toHaveBeenCalledWith({ accountId: ACCOUNT_OVERRIDE.id });
    expect($(element, 'c-error-panel').errors.body.message).toBe(
      'insufficient access rights on object id'
    );
    expect(gauge(element)).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows a readable error when the health cannot be loaded', async () => {
    getHealth.mockRejectedValue({
      body: { message: 'List has no rows for assignment to SObject' },
      ok: false,
      status: 500
    });
    const element = createElement('c-account-health-panel', { is: AccountHealthPanel });
    element.recordId = ACCOUNT_SCORED.id;
    document.body.appendChild(element);
    getRecord.emit(ACCOUNT_SCORED);
    await flush();

    const errorPanel = $(element, 'c-error-panel');
    expect(errorPanel.friendlyMessage).toBe('c.Baton_Health_Load_Error');
    expect(text(errorPanel.shadowRoot.querySelector('li'))).toBe(
      'List has no rows for assignment to SObject'
    );
    expect(gauge(element)).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows a readable error when the Account cannot be read', async () => {
    const element = await render(ACCOUNT_SCORED, HEALTH_SCORED);
    getRecord.error({ message: 'Record not found' });
    await flush();

    expect($(element, 'c-error-panel')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});
