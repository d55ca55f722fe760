import { createElement } from 'lwc';
import Portfolio from 'c/portfolio';
import getPortfolio from '@salesforce/apex/PortfolioController.getPortfolio';
import { toCsv } from 'c/portfolioLabels';
import VIEW from './data/portfolio.json';

jest.mock('@salesforce/apex/PortfolioController.getPortfolio', () => ({ default: jest.fn() }), {
  virtual: true
});
// Labels with placeholders carry their English text, so the test reads what they fill in.
jest.mock(
  '@salesforce/label/c.Baton_Portfolio_Chart_Point',
  () => ({ default: '{0}: value {1}, potential {2}, ARR {3}, health {4}' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Baton_Portfolio_Move_Result',
  () => ({ default: '{0}: {1} h → {2} h. {3}: {4} h → {5} h.' }),
  { virtual: true }
);
// The demo org's currency, as the preview's org answers @salesforce/i18n/currency.
jest.mock('@salesforce/i18n/currency', () => ({ default: 'EUR' }), { virtual: true });
jest.mock('@salesforce/label/c.Baton_Health_Status_Red', () => ({ default: 'Red' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Baton_Health_Status_Green', () => ({ default: 'Green' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Baton_Portfolio_Over_Capacity', () => ({ default: '{0} h over' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Baton_Portfolio_Trial_Conversion',
  () => ({ default: 'Trials converted, 12 months (goal {0})' }),
  { virtual: true }
);

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function render(result) {
  if (result instanceof Error) getPortfolio.mockRejectedValue(result);
  else getPortfolio.mockResolvedValue(result);
  const element = createElement('c-portfolio', { is: Portfolio });
  document.body.appendChild(element);
  await flush();
  return element;
}

const child = (element, name) => element.shadowRoot.querySelector(name);
const texts = (root, selector) =>
  [...root.shadowRoot.querySelectorAll(selector)].map((node) => node.textContent.trim());

describe('c-portfolio', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('it_should_show_the_books_figures_and_a_named_bubble_per_valued_account', async () => {
    const element = await render(VIEW);
    expect(texts(element, 'dd[data-figure]')).toEqual([
      '€120,000',
      '50%',
      '75%',
      '113%',
      '20%',
      '33'
    ]);
    const chart = child(element, 'c-portfolio-chart');
    const bubbles = [...chart.shadowRoot.querySelectorAll('a.bubble')];
    // Cedar has no value yet: two bubbles, largest ARR first, each a link to its account.
    expect(bubbles.map((bubble) => bubble.getAttribute('aria-label'))).toEqual([
      'Aalto Logistics Oy: value 5, potential 5, ARR €120,000, health Red',
      'Berg Retail Oy: value 2.75, potential 2, ARR €30,000, health Green'
    ]);
    expect(bubbles[0].getAttribute('href')).toBe('/lightning/r/Account/001000000000001AAA/view');
    bubbles[1].dispatchEvent(new CustomEvent('focus'));
    await flush();
    expect(chart.shadowRoot.querySelector('.focused').textContent).toContain('Berg Retail Oy');
    expect(texts(chart, 'table tbody th')).toEqual(['Aalto Logistics Oy', 'Berg Retail Oy']);
    // The override in force says until when and who set it.
    const [override] = texts(child(element, 'c-portfolio-health'), 'li');
    expect(override).toMatch(/^Berg Retail Oy: Green \(\S+ 2026-02-01,\s+\S+ Laura Lehtonen\)$/);
    await expect(element).toBeAccessible();
  });

  it('it_should_reload_with_the_chosen_filter', async () => {
    const element = await render(VIEW);
    const segment = element.shadowRoot.querySelector('select[name="segment"]');
    segment.value = 'A';
    segment.dispatchEvent(new CustomEvent('change'));
    await flush();
    expect(getPortfolio).toHaveBeenLastCalledWith({
      accountManagerId: null,
      tier: null,
      segment: 'A',
      stage: null
    });
  });

  it('it_should_sort_the_account_list_and_say_so', async () => {
    const element = await render(VIEW);
    const list = child(element, 'c-portfolio-accounts');
    expect(texts(list, 'tbody th')).toEqual([
      'Aalto Logistics Oy',
      'Berg Retail Oy',
      'Cedar Tech Oy'
    ]);
    list.shadowRoot.querySelector('button[data-field="name"]').click();
    await flush();
    expect(texts(list, 'tbody th')).toEqual([
      'Aalto Logistics Oy',
      'Berg Retail Oy',
      'Cedar Tech Oy'
    ]);
    list.shadowRoot.querySelector('button[data-field="name"]').click();
    await flush();
    expect(texts(list, 'tbody th')).toEqual([
      'Cedar Tech Oy',
      'Berg Retail Oy',
      'Aalto Logistics Oy'
    ]);
    expect(list.shadowRoot.querySelector('th[aria-sort="descending"] button').dataset.field).toBe(
      'name'
    );
  });

  it('it_should_show_the_queue_and_who_is_over_capacity_and_what_a_move_would_change', async () => {
    const element = await render(VIEW);
    const queue = child(element, 'c-portfolio-queue');
    expect(texts(queue, 'table.queue tbody td')[0]).toBe('c.Baton_Portfolio_State_Overdue');
    const workload = child(element, 'c-portfolio-workload');
    expect(texts(workload, 'table.workload tbody td .slds-badge')).toEqual([
      '4.5 h over',
      'c.Baton_Portfolio_Within_Capacity'
    ]);
    const [account, target] = workload.shadowRoot.querySelectorAll('.move select');
    account.value = '001000000000001AAA';
    account.dispatchEvent(new CustomEvent('change'));
    target.value = '005000000000002AAA';
    target.dispatchEvent(new CustomEvent('change'));
    await flush();
    expect(workload.shadowRoot.querySelector('.move-result').textContent).toBe(
      'Aino Mäkelä: 16.5 h → 6 h. Ben Virtanen: 2.5 h → 13 h.'
    );
    await expect(element).toBeAccessible();
  });

  it('it_should_show_the_trial_conversion_rate_against_its_goal', async () => {
    const element = await render(VIEW);
    const figure = element.shadowRoot.querySelector('dd[data-figure="trials"]');
    expect(figure.textContent).toBe('20%');
    expect(figure.previousElementSibling.textContent).toBe(
      'Trials converted, 12 months (goal 15%)'
    );
  });

  it('it_should_say_the_trial_rate_is_not_available_before_any_trial_ended', async () => {
    const element = await render({ ...VIEW, trials: { ...VIEW.trials, conversionRate: null } });
    const figure = element.shadowRoot.querySelector('dd[data-figure="trials"]');
    expect(figure.textContent).toBe('c.Baton_Portfolio_Not_Available');
  });

  it('it_should_quote_every_csv_value', () => {
    expect(
      toCsv([
        ['Name', 'ARR'],
        ['Say "hi", Oy', 1200],
        [null, 0]
      ])
    ).toBe('"Name","ARR"\r\n"Say ""hi"", Oy","1200"\r\n"","0"');
  });

  it('it_should_say_movers_are_not_available_when_the_controller_gives_none', async () => {
    const withoutMovers = { ...VIEW };
    delete withoutMovers.movers;
    const element = await render(withoutMovers);
    const health = child(element, 'c-portfolio-health');
    expect(health.shadowRoot.textContent).toContain('c.Baton_Portfolio_Not_Available');
    expect(health.shadowRoot.textContent).not.toContain('c.Baton_Portfolio_Movers_Empty');
  });

  it('it_should_show_an_accessible_error_when_the_book_cannot_load', async () => {
    const element = await render(new Error('INSUFFICIENT_ACCESS'));
    expect(child(element, 'c-error-panel')).not.toBeNull();
    expect(child(element, 'c-portfolio-chart')).toBeNull();
    await expect(element).toBeAccessible();
  });
});
