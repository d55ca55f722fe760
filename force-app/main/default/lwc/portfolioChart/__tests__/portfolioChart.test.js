import { createElement } from 'lwc';
import PortfolioChart from 'c/portfolioChart';
import { navigatedTo } from 'lightning/navigation';
import { HEIGHT, MARGIN, WIDTH, bubbles } from '../chartLayout';

// The platform's mixin, recording where the component asked to go.
jest.mock('lightning/navigation', () => {
  const Navigate = Symbol('Navigate');
  const mockNavigatedTo = jest.fn();
  const NavigationMixin = (Base) =>
    class extends Base {
      [Navigate](pageReference) {
        mockNavigatedTo(pageReference);
      }
    };
  NavigationMixin.Navigate = Navigate;
  return { NavigationMixin, navigatedTo: mockNavigatedTo };
});
jest.mock(
  '@salesforce/label/c.Baton_Portfolio_Chart_Point',
  () => ({ default: '{0}: value {1}, potential {2}, ARR {3}, health {4}' }),
  { virtual: true }
);

// A book like the demo's: every corner of the grid, large accounts at the edges, one small
// account under a large one at the same point.
const STATUSES = ['Green', 'Yellow', 'Red'];
const BOOK = [];
for (let potential = 1; potential <= 5; potential++) {
  for (let value = 1; value <= 5; value += 2) {
    BOOK.push({
      id: `001000000000${potential}${value}0AAA`,
      name: `Account ${potential}-${value}`,
      value,
      potential,
      arr: potential === 5 || value === 5 ? 400000 : 20000 * potential,
      status: STATUSES[(potential + value) % 3]
    });
  }
}
BOOK.push({ ...BOOK[14], id: '001000000000999AAA', name: 'Small at 5-5', arr: 1000 });

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function render(accounts = BOOK) {
  const element = createElement('c-portfolio-chart', { is: PortfolioChart });
  element.accounts = accounts;
  document.body.appendChild(element);
  await flush();
  return element;
}

const links = (element) => [...element.shadowRoot.querySelectorAll('a.bubble')];
const active = (element) => element.shadowRoot.activeElement;
const press = async (target, key) => {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  await flush();
  return event;
};
const potentialOf = (link) => BOOK.find((account) => account.id === link.dataset.id).potential;
const position = (link) => {
  const circle = link.querySelector('circle');
  return { cx: Number(circle.getAttribute('cx')), cy: Number(circle.getAttribute('cy')) };
};

describe('c-portfolio-chart', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('it_should_be_one_tab_stop_at_the_top_of_the_lowest_potential', async () => {
    const element = await render();
    const stops = links(element).filter((link) => link.getAttribute('tabindex') === '0');
    expect(stops).toHaveLength(1);
    expect(links(element).filter((link) => link.getAttribute('tabindex') === '-1')).toHaveLength(
      BOOK.length - 1
    );
    expect(potentialOf(stops[0])).toBe(1);
    const column = links(element).filter((link) => potentialOf(link) === 1);
    expect(position(stops[0]).cy).toBe(Math.min(...column.map((link) => position(link).cy)));
    await expect(element).toBeAccessible();
  });

  it('it_should_move_focus_and_the_tab_stop_with_the_arrow_keys_home_and_end', async () => {
    const element = await render();
    const [start] = links(element).filter((link) => link.getAttribute('tabindex') === '0');
    start.focus();
    await flush();

    // Down and up stay in the potential's column, by value.
    const down = await press(start, 'ArrowDown');
    expect(down.defaultPrevented).toBe(true);
    const below = active(element);
    expect(potentialOf(below)).toBe(1);
    expect(position(below).cy).toBeGreaterThan(position(start).cy);
    expect(below.getAttribute('tabindex')).toBe('0');
    expect(start.getAttribute('tabindex')).toBe('-1');
    await press(below, 'ArrowUp');
    expect(active(element)).toBe(start);
    // At the top, up goes nowhere.
    expect((await press(start, 'ArrowUp')).defaultPrevented).toBe(true);
    expect(active(element)).toBe(start);

    // Right goes to the next potential, to the bubble nearest in value; left comes back.
    await press(start, 'ArrowRight');
    expect(potentialOf(active(element))).toBe(2);
    await press(active(element), 'ArrowLeft');
    expect(active(element)).toBe(start);

    await press(start, 'End');
    expect(potentialOf(active(element))).toBe(5);
    await press(active(element), 'Home');
    expect(active(element)).toBe(start);
    // Tab is left to the browser, so it leaves the chart.
    expect((await press(start, 'Tab')).defaultPrevented).toBe(false);
    expect(links(element).filter((link) => link.getAttribute('tabindex') === '0')).toEqual([start]);
  });

  it('it_should_reach_every_bubble_with_the_arrow_keys', async () => {
    const element = await render();
    const byId = new Map(links(element).map((link) => [link.dataset.id, link]));
    const start = links(element).find((link) => link.getAttribute('tabindex') === '0');
    const seen = new Set([start.dataset.id]);
    const queue = [start];
    while (queue.length) {
      const link = queue.shift();
      for (const key of ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']) {
        link.focus();
        // eslint-disable-next-line no-await-in-loop
        await press(link, key);
        const reached = active(element).dataset.id;
        if (!seen.has(reached)) {
          seen.add(reached);
          queue.push(byId.get(reached));
        }
      }
    }
    expect(seen.size).toBe(BOOK.length);
  });

  it('it_should_open_the_focused_account_on_enter', async () => {
    const element = await render();
    const link = links(element)[3];
    link.focus();
    const enter = await press(link, 'Enter');
    expect(enter.defaultPrevented).toBe(true);
    expect(navigatedTo).toHaveBeenCalledTimes(1);
    expect(navigatedTo).toHaveBeenCalledWith({
      type: 'standard__recordPage',
      attributes: { recordId: link.dataset.id, objectApiName: 'Account', actionName: 'view' }
    });
  });

  it('it_should_draw_the_focused_bubble_last_with_a_ring_and_name_it', async () => {
    const element = await render();
    // The small account shares its grid point with a larger one drawn over it.
    const small = links(element).find((link) => link.dataset.id === '001000000000999AAA');
    small.focus();
    await flush();
    const svg = element.shadowRoot.querySelector('svg');
    const last = svg.lastElementChild;
    expect(last.classList.contains('front')).toBe(true);
    expect(last.dataset.id).toBe('001000000000999AAA');
    expect(last.querySelector('.ring').getAttribute('r')).toBe(
      small.querySelector('circle').getAttribute('r')
    );
    expect(element.shadowRoot.querySelector('.focused').textContent).toMatch(/^Small at 5-5: /);
    await expect(element).toBeAccessible();

    small.dispatchEvent(new CustomEvent('blur'));
    await flush();
    expect(element.shadowRoot.querySelector('.front')).toBeNull();
  });

  it('it_should_keep_every_bubble_inside_the_plot', () => {
    const inside = bubbles(BOOK).filter(
      ({ cx, cy, r }) =>
        cx - r >= MARGIN.left &&
        cx + r <= WIDTH - MARGIN.right &&
        cy - r >= MARGIN.top &&
        cy + r <= HEIGHT - MARGIN.bottom
    );
    expect(inside).toHaveLength(BOOK.length);
  });
});
