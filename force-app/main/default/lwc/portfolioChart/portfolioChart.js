import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { LABELS, fill, formatMoney, formatNumber, statusText } from 'c/portfolioLabels';
import { HEIGHT, MARGIN, WIDTH, bubbles, keyMoves, ticks } from './chartLayout';

/**
 * The value × potential bubble chart as SVG: every bubble is a link named for screen readers,
 * its name shown on hover and focus. The chart is one tab stop (WAI-ARIA roving tabindex): the
 * arrow keys move between bubbles as they sit (chartLayout's keyMoves), Home and End go to the
 * first and last, Enter opens the account. The bubble in focus (or under the mouse) is drawn
 * again on top with a ring, since larger ones may cover it. The table beside it carries the
 * same data for anyone who cannot see the chart.
 */
export default class PortfolioChart extends NavigationMixin(LightningElement) {
  labels = LABELS;
  viewBox = `0 0 ${WIDTH} ${HEIGHT}`;
  points = [];
  rows = [];
  activeId;
  focusId;
  hoverId;
  _accounts;
  _keys = { moves: {} };

  /** Laid out once per new book, not on every render (a hover re-renders the chart). */
  @api
  get accounts() {
    return this._accounts;
  }
  set accounts(value) {
    this._accounts = value;
    this.points = this.layout(value);
    this._keys = keyMoves(this.points);
    if (!this._keys.moves[this.activeId]) this.activeId = this._keys.first;
    this.rows = this.points.map((point) => ({
      key: point.key,
      name: point.account.name,
      value: formatNumber(point.account.value, 2),
      potential: point.account.potential,
      arr: formatMoney(point.account.arr),
      status: statusText(point.account.status)
    }));
  }

  layout(accounts) {
    return bubbles(accounts).map((bubble) => {
      const { account } = bubble;
      const name = fill(
        LABELS.chartPoint,
        account.name,
        formatNumber(account.value, 2),
        account.potential,
        formatMoney(account.arr),
        statusText(account.status)
      );
      return {
        ...bubble,
        key: account.id,
        id: account.id,
        name,
        href: `/lightning/r/Account/${account.id}/view`
      };
    });
  }

  /** The bubbles with their tab stop: only the active one is reached by Tab. */
  get bubbles() {
    return this.points.map((point) => ({
      ...point,
      tabindex: point.id === this.activeId ? '0' : '-1'
    }));
  }

  /** The bubble drawn on top: the one under the mouse, else the one in focus. */
  get front() {
    const id = this.hoverId ?? this.focusId;
    return id ? this.points.find((point) => point.id === id) : undefined;
  }

  get focused() {
    return this.front?.name;
  }

  get axes() {
    return {
      ticks: ticks(),
      baseline: HEIGHT - MARGIN.bottom,
      left: MARGIN.left,
      right: WIDTH - MARGIN.right,
      top: MARGIN.top,
      xLabelX: WIDTH / 2,
      xLabelY: HEIGHT - 6,
      tickLabelY: HEIGHT - MARGIN.bottom + 16,
      tickLabelX: MARGIN.left - 10
    };
  }

  handleFocus(event) {
    this.focusId = event.currentTarget.dataset.id;
    this.activeId = this.focusId;
  }

  handleBlur() {
    this.focusId = undefined;
  }

  handleEnter(event) {
    this.hoverId = event.currentTarget.dataset.id;
  }

  handleLeave() {
    this.hoverId = undefined;
  }

  handleKeydown(event) {
    const id = event.currentTarget.dataset.id;
    if (event.key === 'Enter') {
      event.preventDefault();
      this.open(id);
      return;
    }
    const targets = { ...this._keys.moves[id], Home: this._keys.first, End: this._keys.last };
    if (!Object.hasOwn(targets, event.key)) return;
    // At an edge the key moves nowhere, and still does not scroll the page.
    event.preventDefault();
    const next = targets[event.key];
    if (!next) return;
    this.activeId = next;
    this.template.querySelector(`a.bubble[data-id="${next}"]`)?.focus();
  }

  handleOpen(event) {
    event.preventDefault();
    this.open(event.currentTarget.dataset.id);
  }

  open(recordId) {
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: { recordId, objectApiName: 'Account', actionName: 'view' }
    });
  }
}
