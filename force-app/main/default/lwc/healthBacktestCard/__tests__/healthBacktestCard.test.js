// The admins' "Does the score predict?" card in the deployed English words: the
// latest run per horizon, the empty state before any run, and the error state.
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

jest.mock('../labels', () => {
  const { inLanguage } = require('../../accountHealthPanel/__tests__/deployedLabels');
  return { LABELS: inLanguage(jest.requireActual('../labels').LABELS, 'en') };
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

describe('c-health-backtest-card', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('it_should_say_in_plain_english_how_well_the_score_ranked_at_each_horizon', async () => {
    const element = await render();
    getLatest.emit(LATEST);
    await flush();
    expect(texts(element, 'h2')).toEqual(['Does the score predict?']);
    expect(texts(element, 'p.horizon')).toEqual([
      'At 90 days, the score ranked a customer who churned or contracted below one who renewed 83% of the time (AUC 0.83, 95 % interval 0.69–0.96). The lowest-scored tenth churned or contracted 2.0 times as often as all counted customers (51% did). From 41 outcomes: 21 churn or contraction, 20 renewal; 1 left out because the score then rested on too little data.',
      'At 400 days: too few outcomes for a figure worth acting on (3 churn or contraction, 2 renewal).'
    ]);
    expect(element.shadowRoot.querySelector('.empty')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('it_should_tell_the_admin_how_to_make_the_first_run_when_none_is_saved', async () => {
    const element = await render();
    getLatest.emit(null);
    await flush();
    expect(texts(element, '.empty')).toEqual(['No backtest yet: run baton health backtest --save']);
    expect(element.shadowRoot.querySelector('p.horizon')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('it_should_show_the_error_when_the_run_cannot_be_read', async () => {
    const element = await render();
    getLatest.error({ message: 'No access to Health_Backtest__c' });
    await flush();
    const panel = element.shadowRoot.querySelector('c-error-panel');
    expect(panel).not.toBeNull();
    expect(panel.friendlyMessage).toBe('Could not load the latest backtest.');
    expect(element.shadowRoot.querySelector('.empty')).toBeNull();
    await expect(element).toBeAccessible();
  });
});
