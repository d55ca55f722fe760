// What the tier implies, read in the deployed English and Finnish words, and shown on the card.
import { createElement } from 'lwc';
import { getRecord } from 'lightning/uiRecordApi';
import getCadence from '@salesforce/apex/TierCadenceController.getCadence';

import ACCOUNT from './data/account.json';
import CADENCE from './data/cadence.json';

jest.mock('@salesforce/apex/TierCadenceController.getCadence', () => ({ default: jest.fn() }), {
  virtual: true
});

/** The card's labels in `language`, nested groups included. */
function labelsIn(language) {
  const { inLanguage } = require('../../accountHealthPanel/__tests__/deployedLabels');
  const { tiers, firstContactKinds, touchpointKinds, ...flat } =
    jest.requireActual('../labels').LABELS;
  return {
    ...inLanguage(flat, language),
    tiers: inLanguage(tiers, language),
    firstContactKinds: inLanguage(firstContactKinds, language),
    touchpointKinds: inLanguage(touchpointKinds, language)
  };
}

function rhythmTextIn(language) {
  let rhythmText;
  jest.isolateModules(() => {
    jest.doMock('../labels', () => ({ LABELS: labelsIn(language) }));
    rhythmText = require('../cadenceView').rhythmText;
  });
  return rhythmText;
}

// The shipped Tier_Cadence__mdt records, as getCadence's rhythm gives them.
const HIGH = {
  firstContactKind: 'kickoff',
  firstContactDays: 14,
  firstContactFrom: 'Acceptance',
  successCheckDays: 60,
  goalReviewDays: 365,
  surveyDays: null,
  meetingIntervalDays: 90,
  automated: false
};
const LOW = {
  ...HIGH,
  firstContactKind: 'first-contact',
  firstContactDays: 90,
  firstContactFrom: 'ContractStart',
  meetingIntervalDays: 365
};
const TECH = {
  firstContactKind: 'welcome',
  firstContactDays: 0,
  firstContactFrom: 'Acceptance',
  successCheckDays: null,
  goalReviewDays: null,
  surveyDays: 60,
  meetingIntervalDays: null,
  automated: true
};

describe('tier cadence line', () => {
  it('says in English what each tier plans', () => {
    const rhythmText = rhythmTextIn('en');
    expect(rhythmText(HIGH)).toBe(
      'Kickoff meeting within 14 days of the handover, success check after 60 days, goal review after 365 days, a meeting every 90 days'
    );
    expect(rhythmText(LOW)).toBe(
      'First contact within 90 days of the contract start, success check after 60 days, goal review after 365 days, a meeting every 365 days'
    );
    expect(rhythmText(TECH)).toBe(
      'Automated welcome on the handover day, satisfaction survey after 60 days, no recurring meetings'
    );
    expect(rhythmText(null)).toBeNull();
  });

  it('says it in Finnish', () => {
    const rhythmText = rhythmTextIn('fi');
    expect(rhythmText(HIGH)).toBe(
      'Aloituspalaveri 14 päivän kuluessa luovutuksesta, onnistumisen tarkistus 60 päivän jälkeen, tavoitteiden katselmointi 365 päivän jälkeen, tapaaminen 90 päivän välein'
    );
    expect(rhythmText(TECH)).toBe(
      'Automaattinen tervetuloviesti luovutuspäivänä, tyytyväisyyskysely 60 päivän jälkeen, ei säännöllisiä tapaamisia'
    );
  });

  it('names each touchpoint and the onboarding model in the Finnish reader words', () => {
    let buildView;
    jest.isolateModules(() => {
      jest.doMock('../labels', () => ({ LABELS: labelsIn('fi') }));
      buildView = require('../cadenceView').buildView;
    });
    // Tasks planned for an English owner carry English subjects; the reader is Finnish.
    const view = buildView(
      { tier: 'High' },
      {
        touchpoints: [
          { id: '1', kind: 'recurring-meeting', subject: 'Recurring meeting (every 90 days)' },
          { id: '2', kind: 'success-check', subject: 'Success check (60 days)' },
          { id: '3', kind: 'kickoff', subject: 'Kickoff meeting' },
          { id: '4', kind: 'follow-up', subject: 'Call back' }
        ],
        onboardingModel: 'On-site, tailored onboarding in several sessions',
        onboardingModelFi: 'Räätälöity käyttöönotto paikan päällä useassa osassa',
        tierOnboardingModel: 'On-site, tailored onboarding in several sessions',
        tierOnboardingModelFi: 'Räätälöity käyttöönotto paikan päällä useassa osassa',
        rhythm: null,
        overdue: false,
        canOverride: false
      }
    );
    expect(view.touchpoints.map((touchpoint) => touchpoint.subject)).toEqual([
      'Säännöllinen tapaaminen (90 päivän välein)',
      'Onnistumisen tarkistus (60 päivää)',
      'Aloituspalaveri',
      'Call back'
    ]);
    expect(view.model).toBe('Räätälöity käyttöönotto paikan päällä useassa osassa');
  });

  it('shows the line on the card under the tier, as an English reader reads it', async () => {
    jest.doMock('../labels', () => ({ LABELS: labelsIn('en') }));
    const TierCadenceCard = require('c/tierCadenceCard').default;
    getCadence.mockResolvedValue({ ...CADENCE, rhythm: LOW });
    const element = createElement('c-tier-cadence-card', { is: TierCadenceCard });
    element.recordId = ACCOUNT.id;
    document.body.appendChild(element);
    getRecord.emit(ACCOUNT);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const rhythm = element.shadowRoot.querySelector('.rhythm');
    expect(rhythm).not.toBeNull();
    expect(rhythm.previousElementSibling.textContent).toBe('Cadence');
    expect(rhythm.textContent).toBe(
      'First contact within 90 days of the contract start, success check after 60 days, goal review after 365 days, a meeting every 365 days'
    );
    await expect(element).toBeAccessible();
  });
});
