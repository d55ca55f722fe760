import { createElement } from 'lwc';
import AccountHealthPanel from 'c/accountHealthPanel';
import { getRecord } from 'lightning/uiRecordApi';
import getHealth from '@salesforce/apex/HealthController.getHealth';

import ACCOUNT_SCORED from './data/accountScored.json';
import HEALTH_V2 from './data/healthScoredV2.json';

// The project's custom metadata records, as getHealth sends them (modelRecords).
const { projectModelRecords } = require('../../handoverPanel/__tests__/data/projectModelRecords');

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
const text = (node) => (node ? node.textContent.replace(/\s+/g, ' ').trim() : null);
const modelRecords = projectModelRecords();

/** The same scored account, its breakdown stored as version 2 (compact) or version 1. */
const healthWith = (breakdown) => ({ ...HEALTH_V2, breakdown, modelRecords });

async function render(health) {
  getHealth.mockResolvedValue(health);
  const element = createElement('c-account-health-panel', { is: AccountHealthPanel });
  element.recordId = ACCOUNT_SCORED.id;
  document.body.appendChild(element);
  getRecord.emit(ACCOUNT_SCORED);
  await flush();
  return element;
}

/** Coverage, drivers, quadrant and every breakdown cell, as the account manager reads them. */
async function whatIsShown(element) {
  const details = element.shadowRoot.querySelector('c-health-panel-details');
  const inDetails = (selector) => [...details.shadowRoot.querySelectorAll(selector)];
  details.shadowRoot.querySelector('lightning-button.toggle').click();
  await flush();
  return {
    coverage: text(element.shadowRoot.querySelector('.coverage')),
    drivers: inDetails('.drivers li').map(text),
    quadrant: inDetails('.cell_current').map(text),
    rows: inDetails('table.breakdown tbody tr').map((row) => [...row.children].map(text))
  };
}

describe('c-account-health-panel breakdown versions', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows the same coverage, drivers, quadrant and rows from a version 2 breakdown as from version 1', async () => {
    const fromV2 = await whatIsShown(await render(healthWith(HEALTH_V2.breakdown)));
    const fromV1 = await whatIsShown(await render(healthWith(HEALTH_V2.breakdownV1)));

    expect(fromV2).toEqual(fromV1);
    expect(fromV2.drivers).toEqual([
      'Licence utilisation −18: 9 of 40 seats active (23 %)',
      'Activity trend −14: 300 logins in 30 days vs 700 before (43 %)',
      'Time to first value −9: no first value yet after 111 days'
    ]);
    expect(fromV2.quadrant).toEqual(['At risk']);
    expect(fromV2.rows).toHaveLength(10);
  });

  it.each([
    ['version 2', HEALTH_V2.breakdown],
    ['version 1 (its score, read back as the model word)', HEALTH_V2.breakdownV1]
  ])('shows the CSM sentiment as the word given, not its score, from %s', async (_, breakdown) => {
    const { rows } = await whatIsShown(await render(healthWith(breakdown)));
    expect(rows.find(([measure]) => measure === 'CSM sentiment')).toEqual([
      'CSM sentiment',
      'Negative',
      '0',
      '10',
      '9.1'
    ]);
  });
});
