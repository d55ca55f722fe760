import { createElement } from 'lwc';
import HealthSparkline from 'c/healthSparkline';

function render(props) {
  const element = createElement('c-health-sparkline', { is: HealthSparkline });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

const line = (element) => element.shadowRoot.querySelector('path.line').getAttribute('d');

describe('c-health-sparkline', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('places each score at its date and holds it until the next one, the last until today', () => {
    // 160 px for 40 days: 4 px a day. A month-old thinned snapshot, then two close ones.
    const element = render({
      points: [
        { day: '2026-01-01', score: 50 },
        { day: '2026-01-31', score: 100 },
        { day: '2026-02-05', score: 0 }
      ],
      from: '2026-01-01',
      to: '2026-02-10',
      assistiveText: 'Score history'
    });
    expect(line(element)).toBe('M0,14 L120,14 L120,2 L140,2 L140,26 L160,26');
    expect(element.shadowRoot.querySelector('[role="img"]').getAttribute('aria-label')).toBe(
      'Score history'
    );
    // One tick on the first of February, 31 days in.
    const ticks = [...element.shadowRoot.querySelectorAll('path.tick')];
    expect(ticks.map((tick) => tick.getAttribute('d'))).toEqual(['M124,28 L124,32']);
  });

  it('breaks the line where a snapshot had no score', () => {
    const element = render({
      points: [
        { day: '2026-01-01', score: 50 },
        { day: '2026-01-11', score: null },
        { day: '2026-01-21', score: 50 }
      ],
      from: '2026-01-01',
      to: '2026-01-31'
    });
    expect(line(element)).toBe('M0,14 L53.3,14 M106.7,14 L160,14');
  });

  it('draws nothing when no time has passed', () => {
    const element = render({
      points: [{ day: '2026-01-01', score: 50 }],
      from: '2026-01-01',
      to: '2026-01-01'
    });
    expect(element.shadowRoot.querySelector('svg')).toBeNull();
  });
});
