import { createElement } from 'lwc';
import AccountHealthPanel from 'c/accountHealthPanel';
import { getRecord } from 'lightning/uiRecordApi';
import getHealth from '@salesforce/apex/HealthController.getHealth';
import { visibleText } from './visibleText';

import ACCOUNT_SCORED from './data/accountScored.json';
import ACCOUNT_NEVER from './data/accountNeverScored.json';
import HEALTH_SCORED from './data/healthScored.json';
import HEALTH_NEVER from './data/healthNeverScored.json';
import HEALTH_V2 from './data/healthScoredV2.json';

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
// The deployed Finnish translations, as a Finnish-speaking account manager sees the panel.
jest.mock('../labels', () => ({
  LABELS: require('./deployedLabels').inLanguage(jest.requireActual('../labels').LABELS, 'fi')
}));

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

describe('c-account-health-panel in Finnish', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows the scored panel in Finnish words, Finnish drivers and Finnish dates', async () => {
    const element = await render(ACCOUNT_SCORED, {
      ...HEALTH_SCORED,
      modelRecords: projectModelRecords()
    });

    const seen = visibleText(element);
    expect(seen).toEqual(
      expect.arrayContaining([
        'Asiakkuuden terveys',
        '64',
        'Keltainen',
        'Laskenut 8 pistettä 31 päivässä',
        'Pisteet 20.9.2026 alkaen',
        'Perustuu 6/9 mittariin',
        'Lisenssien käyttöaste -17: 20/40 lisenssiä käytössä',
        'Tyytyväinen mutta ei onnistu (hiljaisen poistuman riski)',
        'Ei tyytyväinen',
        'Hiljaisen poistuman riski',
        'Ehdotus: Tiivis palvelu',
        'Myöhässä 2.11.2026 alkaen',
        'Suositteluhalukkuus (NPS)',
        '6/10, vastattu 1.10.2026',
        'Tyytyväisyys (CSAT)',
        'Ei tietoa'
      ])
    );
    expect(seen.join(' | ')).not.toMatch(/undefined|null|__c|c\.Baton_|\{\d\}|Licence|seats/);
    await expect(element).toBeAccessible();
  });

  it('says a version 2 breakdown in Finnish: drivers by the core, the CSM sentiment as a word', async () => {
    const element = await render(ACCOUNT_SCORED, {
      ...HEALTH_V2,
      modelRecords: projectModelRecords()
    });
    const details = element.shadowRoot.querySelector('c-health-panel-details');
    details.shadowRoot.querySelector('lightning-button.toggle').click();
    await flush();

    const seen = visibleText(element);
    expect(seen).toEqual(
      expect.arrayContaining([
        'Lisenssien käyttöaste −18: 9/40 lisenssistä käytössä (23 %)',
        'Aktiivisuuden suunta −14: 300 kirjautumista 30 päivässä, edellisellä jaksolla 700 (43 %)',
        'Aika ensimmäiseen hyötyyn −9: ei vielä hyötyä 111 päivän jälkeen',
        'Asiakkuuspäällikön arvio',
        'Kielteinen'
      ])
    );
    expect(seen.join(' | ')).not.toMatch(/undefined|null|Negative|Licence|seats/);
  });

  it('tells the admin in Finnish how to schedule the recompute', async () => {
    const element = await render(ACCOUNT_NEVER, HEALTH_NEVER);

    expect(visibleText(element)).toEqual([
      'Asiakkuuden terveys',
      'Ei vielä arvioitu',
      'Terveyttä ei ole vielä laskettu tälle asiakkaalle. Pyydä Salesforce-pääkäyttäjää ajastamaan päivittäinen laskenta (baton health recompute --target-org ORG): ohjeet Baton-projektin tiedostossa docs/scheduling.md.'
    ]);
    await expect(element).toBeAccessible();
  });
});
