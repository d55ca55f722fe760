import { createElement } from 'lwc';
import AccountHealthPanel from 'c/accountHealthPanel';
import { getRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import getHealth from '@salesforce/apex/HealthController.getHealth';
import { visibleText } from './visibleText';

import ACCOUNT_SCORED from './data/accountScored.json';
import HEALTH_SCORED from './data/healthScored.json';

jest.mock('@salesforce/apex/HealthController.getHealth', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/HealthController.setOverride', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/HealthController.clearOverride', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('../labels', () => ({
  LABELS: require('./deployedLabels').inLanguage(jest.requireActual('../labels').LABELS, 'en')
}));

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const $ = (element, selector) => element.shadowRoot.querySelector(selector);

async function render(account, health) {
  getHealth.mockResolvedValue(health);
  const element = createElement('c-account-health-panel', { is: AccountHealthPanel });
  element.recordId = account.id;
  document.body.appendChild(element);
  getRecord.emit(account);
  await flush();
  return element;
}

/** The Account as Lightning Data Service returns it to a user who cannot read these fields. */
function withoutFields(account, ...names) {
  const copy = JSON.parse(JSON.stringify(account));
  names.forEach((name) => delete copy.fields[name]);
  return copy;
}

describe('c-account-health-panel record data', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('asks for every Account field as optional, so one unreadable field never errors the panel', async () => {
    await render(ACCOUNT_SCORED, HEALTH_SCORED);

    const config = getRecord.getLastConfig();
    expect(config.fields).toBeUndefined();
    expect(config.optionalFields.map((field) => field.fieldApiName)).toEqual(
      expect.arrayContaining(['Health_Score__c', 'Health_Trend__c', 'Next_Touchpoint_Due__c'])
    );
  });

  it('shows the rest of the panel when a field the user cannot read is missing from the record', async () => {
    const element = await render(
      withoutFields(ACCOUNT_SCORED, 'Next_Touchpoint_Due__c'),
      HEALTH_SCORED
    );

    const seen = visibleText(element);
    expect(seen.slice(0, 3)).toEqual(['Customer Health', '64', 'Yellow']);
    expect($(element, 'c-error-panel')).toBeNull();
    const details = $(element, 'c-health-panel-details');
    expect(details.shadowRoot.querySelector('.touchpoint').textContent.trim()).toBe('None planned');
    expect(seen.join(' | ')).not.toMatch(/undefined|null|NaN/);
    await expect(element).toBeAccessible();
  });

  it('reloads its health and the Account when the page refreshes (a handover accepted elsewhere)', async () => {
    const element = await render(ACCOUNT_SCORED, HEALTH_SCORED);
    expect(registerRefreshHandler).toHaveBeenCalledWith(expect.anything(), expect.any(Function));
    const handler = registerRefreshHandler.mock.calls[0][1];
    getHealth.mockResolvedValue({ ...HEALTH_SCORED, canOverride: false });

    await expect(handler()).resolves.toBe(true);
    await flush();

    expect(getHealth).toHaveBeenCalledTimes(2);
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: ACCOUNT_SCORED.id }]);
    expect($(element, 'lightning-button.set-override')).toBeNull();
  });

  it('stops listening for page refreshes once removed', async () => {
    const element = await render(ACCOUNT_SCORED, HEALTH_SCORED);
    const id = registerRefreshHandler.mock.results[0].value;

    document.body.removeChild(element);

    expect(unregisterRefreshHandler).toHaveBeenCalledWith(id);
  });
});
