import { createElement } from 'lwc';
import TierCadenceCard from 'c/tierCadenceCard';
import { getRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import getCadence from '@salesforce/apex/TierCadenceController.getCadence';
import setTierOverride from '@salesforce/apex/TierCadenceController.setTierOverride';
import clearTierOverride from '@salesforce/apex/TierCadenceController.clearTierOverride';

import ACCOUNT from './data/account.json';
import ACCOUNT_OVERRIDE from './data/accountOverride.json';
import CADENCE from './data/cadence.json';
import CADENCE_EMPTY from './data/cadenceEmpty.json';
import { firstValueView } from '../cadenceView';

// jest.mock must be called directly (not through a helper) for babel-jest to hoist it above the imports.
jest.mock('@salesforce/apex/TierCadenceController.getCadence', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock(
  '@salesforce/apex/TierCadenceController.setTierOverride',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/TierCadenceController.clearTierOverride',
  () => ({ default: jest.fn() }),
  { virtual: true }
);

// The time-to-first-value labels with their English text, so the test reads the days and
// the target the card fills in (other labels render as their names).
jest.mock(
  '@salesforce/label/c.Baton_Tier_Card_Time_To_Value',
  () => ({ default: '{0}, {1} days after onboarding started' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Baton_Tier_Card_No_First_Value',
  () => ({ default: 'Not yet, {0} days into onboarding' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Baton_Tier_Card_First_Value_Target',
  () => ({ default: 'target {0} days' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Baton_Tier_Card_First_Value_Late',
  () => ({ default: 'past the {0}-day target' }),
  { virtual: true }
);

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function render(account, cadence) {
  getCadence.mockResolvedValue(cadence);
  const element = createElement('c-tier-cadence-card', { is: TierCadenceCard });
  element.recordId = account.id;
  document.body.appendChild(element);
  getRecord.emit(account);
  await flush();
  return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];
const text = (node) => (node ? node.textContent.trim() : null);

describe('c-tier-cadence-card', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows the tier, the suggestion with its reason, the tier default model and the touchpoints', async () => {
    const element = await render(ACCOUNT, CADENCE);

    expect(getCadence).toHaveBeenCalledWith({ accountId: ACCOUNT.id });
    expect($(element, '.tier').label).toBe('c.Baton_Tier_Low');
    expect(text($(element, '.suggested-tier'))).toBe('c.Baton_Tier_High');
    // Labels render as their names in Jest; the strategic flag adds its own part.
    expect(text($(element, '.reason'))).toBe(
      'c.Baton_Tier_Card_Reason · c.Baton_Tier_Card_Strategic'
    );
    expect(text($(element, '.model'))).toBe('Personal online training');
    // Onboarding started 2026-10-01, no first value by 2026-11-21: 51 days, past the target.
    expect(text($(element, '.first-value'))).toBe(
      'Not yet, 51 days into onboarding · past the 30-day target'
    );
    expect($(element, '.first-value').className).toContain('slds-text-color_error');
    expect($(element, '.overdue').label).toBe('c.Baton_Tier_Card_Overdue');
    const rows = $$(element, '.touchpoint');
    expect(rows.map((row) => text(row.querySelector('.subject')))).toEqual([
      'First contact',
      'Automated CSAT survey'
    ]);
    expect(rows[0].className).toContain('slds-text-color_error');
    expect(rows[1].className).not.toContain('slds-text-color_error');
    expect(rows[0].querySelector('.due').value).toBe('2026-11-01');
    expect(text(rows[0].querySelector('.owner'))).toContain('Aino Asiakas');
    expect(rows[1].querySelector('lightning-badge').label).toBe('c.Baton_Tier_Card_Automated');
    expect($(element, '.override-text')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows an override with its reason, and clearing it goes back to the suggestion', async () => {
    clearTierOverride.mockResolvedValue(CADENCE);
    const element = await render(ACCOUNT_OVERRIDE, CADENCE);

    expect($(element, '.tier').label).toBe('c.Baton_Tier_High');
    expect(text($(element, '.override-text'))).toBe('c.Baton_Tier_Card_Overridden');
    // Onboarding started 2026-01-10, first value 2026-02-01: 22 days, within the target.
    expect(text($(element, '.first-value'))).toBe(
      'Feb 1, 2026, 22 days after onboarding started · target 30 days'
    );
    expect($(element, '.first-value').className).not.toContain('slds-text-color_error');
    $(element, '.clear-override').click();
    await flush();

    expect(clearTierOverride).toHaveBeenCalledWith({ accountId: ACCOUNT.id });
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: ACCOUNT.id }]);
  });

  it('refuses an override without a reason, then saves tier and reason', async () => {
    setTierOverride.mockResolvedValue(CADENCE);
    const element = await render(ACCOUNT, CADENCE);
    $(element, '.start-override').click();
    await flush();

    $(element, 'lightning-radio-group').dispatchEvent(
      new CustomEvent('change', { detail: { value: 'High' } })
    );
    $(element, '.save').click();
    await flush();
    expect(setTierOverride).not.toHaveBeenCalled();
    expect($(element, 'c-error-panel').errors).toBe('c.Baton_Tier_Card_Reason_Required');

    $(element, '.reason-input').dispatchEvent(
      new CustomEvent('change', { detail: { value: 'Reference customer' } })
    );
    $(element, '.save').click();
    await flush();
    expect(setTierOverride).toHaveBeenCalledWith({
      accountId: ACCOUNT.id,
      tier: 'High',
      reason: 'Reference customer'
    });
    expect($(element, '.override-form')).toBeNull();
  });

  it('keeps the form open and shows why when saving fails', async () => {
    setTierOverride.mockRejectedValue({
      body: { message: 'Reason can be at most 255 characters.' }
    });
    const element = await render(ACCOUNT, CADENCE);
    $(element, '.start-override').click();
    await flush();
    $(element, '.reason-input').dispatchEvent(
      new CustomEvent('change', { detail: { value: 'x' } })
    );
    $(element, '.save').click();
    await flush();

    expect($(element, '.override-form')).not.toBeNull();
    expect($(element, 'c-error-panel').friendlyMessage).toBe('c.Baton_Tier_Card_Save_Error');
    await expect(element).toBeAccessible();
  });

  it('shows the agreed onboarding model and an empty plan, without override for read-only users', async () => {
    const element = await render(ACCOUNT, CADENCE_EMPTY);

    expect(text($(element, '.model'))).toContain('On-site kickoff and two training days');
    expect(text($(element, '.no-touchpoints'))).toBe('c.Baton_Tier_Card_None');
    expect($(element, '.overdue')).toBeNull();
    expect($(element, '.start-override')).toBeNull();
    // No target from the server (an older Apex class): the days alone, not flagged.
    expect(text($(element, '.first-value'))).toBe('Not yet, 51 days into onboarding');
    expect($(element, '.first-value').className).not.toContain('slds-text-color_error');
    await expect(element).toBeAccessible();
  });

  it('asks for the Account fields as optional and shows the rest when one cannot be read', async () => {
    const unreadable = JSON.parse(JSON.stringify(ACCOUNT));
    delete unreadable.fields.MRR__c;
    const element = await render(unreadable, CADENCE);

    expect(getRecord.getLastConfig().fields).toBeUndefined();
    expect(getRecord.getLastConfig().optionalFields.map((f) => f.fieldApiName)).toContain('MRR__c');
    expect($(element, 'c-error-panel')).toBeNull();
    expect($(element, '.tier').label).toBe('c.Baton_Tier_Low');
    expect(text($(element, '.suggested-tier'))).toBe('c.Baton_Tier_High');
    expect($$(element, '.touchpoint')).toHaveLength(2);
    await expect(element).toBeAccessible();
  });

  it('reloads the cadence and the Account on a page refresh, and stops once removed', async () => {
    const element = await render(ACCOUNT, CADENCE);
    const handler = registerRefreshHandler.mock.calls[0][1];
    getCadence.mockResolvedValue(CADENCE_EMPTY);

    await expect(handler()).resolves.toBe(true);
    await flush();

    expect(getCadence).toHaveBeenCalledTimes(2);
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: ACCOUNT.id }]);
    expect(text($(element, '.no-touchpoints'))).toBe('c.Baton_Tier_Card_None');
    document.body.removeChild(element);
    expect(unregisterRefreshHandler).toHaveBeenCalledWith(
      registerRefreshHandler.mock.results[0].value
    );
  });

  it('shows the error panel when the cadence cannot be loaded', async () => {
    getCadence.mockRejectedValue({
      body: { message: 'Account does not exist or you cannot see it.' }
    });
    const element = createElement('c-tier-cadence-card', { is: TierCadenceCard });
    element.recordId = ACCOUNT.id;
    document.body.appendChild(element);
    getRecord.emit(ACCOUNT);
    await flush();

    const panel = $(element, 'c-error-panel');
    expect(panel.friendlyMessage).toBe('c.Baton_Tier_Card_Load_Error');
    expect(panel.errors.body.message).toContain('does not exist');
    await expect(element).toBeAccessible();
  });

  describe('time to first value', () => {
    const cadence = { serverDate: '2026-12-07', firstValueTargetDays: 30 };

    it('takes a first value dated after today for none yet, never a future date', () => {
      const view = firstValueView(
        { onboardingStarted: '2026-10-29', firstValueAt: '2027-01-04' },
        cadence
      );
      expect(view.firstValue).toBe('Not yet, 39 days into onboarding · past the 30-day target');
      expect(view.firstValueLate).toBe(true);
    });

    it('shows a first value reached before this onboarding started as its date, not as 0 days', () => {
      const view = firstValueView(
        { onboardingStarted: '2026-11-20', firstValueAt: '2025-01-07' },
        cadence
      );
      expect(view).toEqual({
        firstValue: 'Jan 7, 2025',
        firstValueLate: false,
        firstValueClass: 'first-value'
      });
    });
  });
});
