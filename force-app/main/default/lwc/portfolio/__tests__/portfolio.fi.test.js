import { createElement } from 'lwc';
import Portfolio from 'c/portfolio';
import getPortfolio from '@salesforce/apex/PortfolioController.getPortfolio';
import VIEW from './data/portfolio.json';

jest.mock('@salesforce/apex/PortfolioController.getPortfolio', () => ({ default: jest.fn() }), {
  virtual: true
});
// A Finnish user of the demo org (currency EUR): the deployed Finnish label texts.
const finnish = (name) => ({
  default: require('../../accountHealthPanel/__tests__/deployedLabels').inLanguage(
    { text: `c.${name}` },
    'fi'
  ).text
});
jest.mock('@salesforce/i18n/currency', () => ({ default: 'EUR' }), { virtual: true });
jest.mock('@salesforce/label/c.Baton_Health_Language', () => finnish('Baton_Health_Language'), {
  virtual: true
});
jest.mock('@salesforce/label/c.Baton_Tier_High', () => finnish('Baton_Tier_High'), {
  virtual: true
});
jest.mock('@salesforce/label/c.Baton_Tier_Low', () => finnish('Baton_Tier_Low'), {
  virtual: true
});
jest.mock('@salesforce/label/c.Baton_Stage_Onboarding', () => finnish('Baton_Stage_Onboarding'), {
  virtual: true
});
jest.mock('@salesforce/label/c.Baton_Stage_Retention', () => finnish('Baton_Stage_Retention'), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Baton_Portfolio_Strategy_Protect_Grow',
  () => finnish('Baton_Portfolio_Strategy_Protect_Grow'),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Baton_Portfolio_Strategy_Grow',
  () => finnish('Baton_Portfolio_Strategy_Grow'),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Baton_Portfolio_Trial_Conversion',
  () => finnish('Baton_Portfolio_Trial_Conversion'),
  { virtual: true }
);

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const nbsp = (text) => text.replace(/[\u00a0\u202f]/g, ' ');
const texts = (root, selector) =>
  [...root.shadowRoot.querySelectorAll(selector)].map((node) => nbsp(node.textContent.trim()));

async function render() {
  getPortfolio.mockResolvedValue(VIEW);
  const element = createElement('c-portfolio', { is: Portfolio });
  document.body.appendChild(element);
  await flush();
  return element;
}

describe('c-portfolio in Finnish', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('it_should_write_money_with_the_euro_sign_after_the_amount', async () => {
    const element = await render();
    expect(texts(element, 'dd[data-figure]')[0]).toBe('120 000 €');
    const health = element.shadowRoot.querySelector('c-portfolio-health');
    expect(texts(health, 'tbody td').filter((text) => text.endsWith('€'))).not.toEqual([]);
    const list = element.shadowRoot.querySelector('c-portfolio-accounts');
    expect(texts(list, 'tbody td')).toContain('120 000 €');
  });

  it('it_should_show_the_trial_conversion_against_its_goal_in_finnish', async () => {
    const element = await render();
    const figure = element.shadowRoot.querySelector('dd[data-figure="trials"]');
    expect(nbsp(figure.textContent)).toBe('20 %');
    expect(nbsp(figure.previousElementSibling.textContent)).toBe(
      'Kokeiluista asiakkaiksi, 12 kk (tavoite 15 %)'
    );
  });

  it('it_should_name_tiers_stages_and_strategies_in_finnish', async () => {
    const element = await render();
    const option = (name, value) =>
      element.shadowRoot.querySelector(`select[name="${name}"] option[value="${value}"]`)
        .textContent;
    expect(option('tier', 'High')).toBe('Tiivis palvelu');
    expect(option('tier', 'Low')).toBe('Kevyt palvelu');
    expect(option('stage', 'Onboarding')).toBe('Käyttöönotto');
    const list = element.shadowRoot.querySelector('c-portfolio-accounts');
    expect(texts(list, 'tbody td')).toContain('Suojaa ja kasvata');
    expect(texts(list, 'tbody td')).not.toContain('Protect + Grow');
    await expect(element).toBeAccessible();
  });
});
