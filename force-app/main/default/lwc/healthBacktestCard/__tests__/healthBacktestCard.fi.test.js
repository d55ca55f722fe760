// The admins' "Does the score predict?" card for a Finnish admin.
import { createElement } from 'lwc';
import HealthBacktestCard from 'c/healthBacktestCard';
import getLatest from '@salesforce/apex/HealthBacktestController.getLatest';
import LATEST from './data/latest.json';

jest.mock(
  '@salesforce/apex/HealthBacktestController.getLatest',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);

// A Finnish user: the deployed Finnish label texts and Finnish numbers.
jest.mock('@salesforce/i18n/locale', () => ({ __esModule: true, default: 'fi-FI' }), {
  virtual: true
});
jest.mock('../labels', () => {
  const { inLanguage } = require('../../accountHealthPanel/__tests__/deployedLabels');
  return { LABELS: inLanguage(jest.requireActual('../labels').LABELS, 'fi') };
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const nbsp = (text) => text.replace(/[\u00a0\u202f]/g, ' ');
const texts = (element, selector) =>
  [...element.shadowRoot.querySelectorAll(selector)].map((node) => nbsp(node.textContent.trim()));

async function render() {
  const element = createElement('c-health-backtest-card', { is: HealthBacktestCard });
  document.body.appendChild(element);
  await flush();
  return element;
}

describe('c-health-backtest-card in Finnish', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('it_should_say_the_same_in_finnish_with_finnish_numbers', async () => {
    const element = await render();
    getLatest.emit(LATEST);
    await flush();
    expect(texts(element, 'h2')).toEqual(['Ennustaako pistemäärä?']);
    expect(texts(element, 'p.horizon')[0]).toBe(
      '90 päivää ennen pistemäärä oli poistuneella tai sopimustaan pienentäneellä asiakkaalla uusinutta alempi 83 % kerroista (AUC 0,83, 95 %:n luottamusväli 0,69–0,96). Pisteiltään alin kymmenys poistui tai pienensi sopimustaan 2,0 kertaa niin usein kuin kaikki mukana olleet (51 %). Mukana 41 lopputulosta: 21 poistumaa tai pienennystä, 20 uusintaa; 1 jätettiin pois, koska pistemäärä perustui silloin liian vähäiseen tietoon.'
    );
  });
});
