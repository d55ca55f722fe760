import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { LABELS, fill, formatMoney, formatNumber, statusText } from 'c/portfolioLabels';
import { HEIGHT, MARGIN, WIDTH, bubbles, ticks } from './chartLayout';

/**
 * The value × potential bubble chart as SVG: every bubble is a link (Tab reaches it, Enter
 * opens the account) named for screen readers, its name shown on hover and focus; the table
 * beside it carries the same data for anyone who cannot see the chart.
 */
export default class PortfolioChart extends NavigationMixin(LightningElement) {
  labels = LABELS;
  focused;
  viewBox = `0 0 ${WIDTH} ${HEIGHT}`;
  points = [];
  rows = [];
  _accounts;

  /** Laid out once per new book, not on every render (a hover re-renders the chart). */
  @api
  get accounts() {
    return this._accounts;
  }
  set accounts(value) {
    this._accounts = value;
    this.points = this.layout(value);
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

  handleShow(event) {
    this.focused = event.currentTarget.dataset.name;
  }

  handleHide() {
    this.focused = undefined;
  }

  handleOpen(event) {
    event.preventDefault();
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: {
        recordId: event.currentTarget.dataset.id,
        objectApiName: 'Account',
        actionName: 'view'
      }
    });
  }
}
