import { LightningElement, api } from 'lwc';
import {
  LABELS,
  downloadCsv,
  fill,
  formatMoney,
  formatNumber,
  statusText,
  valueText
} from 'c/portfolioLabels';

const PAGE_ROWS = 200;
const COLUMNS = [
  { field: 'name', label: LABELS.columnAccount, numeric: false },
  { field: 'status', label: LABELS.columnStatus, numeric: false },
  { field: 'arr', label: LABELS.columnArr, numeric: true },
  { field: 'value', label: LABELS.columnValue, numeric: true },
  { field: 'potential', label: LABELS.columnPotential, numeric: true },
  { field: 'segment', label: LABELS.columnSegment, numeric: false },
  { field: 'strategy', label: LABELS.columnStrategy, numeric: false },
  { field: 'accountManager', label: LABELS.columnAccountManager, numeric: false },
  { field: 'hours', label: LABELS.columnHours, numeric: true }
];

function cellText(account, column) {
  const value = account[column.field];
  if (column.field === 'arr') return formatMoney(value);
  if (column.numeric) return formatNumber(value, column.field === 'value' ? 2 : 1);
  if (column.field === 'status') return statusText(value);
  if (column.field === 'strategy') return valueText('strategy', value);
  return value ?? '';
}

/** The book's accounts: search by name, sort by any column (click or Enter), export as CSV. */
export default class PortfolioAccounts extends LightningElement {
  labels = LABELS;
  search = '';
  sortField = 'arr';
  sortAscending = false;
  matching = [];
  _accounts;

  @api
  get accounts() {
    return this._accounts;
  }
  set accounts(value) {
    this._accounts = value;
    this.refresh();
  }

  /** Filters and sorts once per change of book, search or sort, not on every render. */
  refresh() {
    this.matching = this.sorted();
  }

  sorted() {
    const needle = this.search.trim().toLowerCase();
    const rows = (this._accounts ?? []).filter(
      (account) => !needle || (account.name ?? '').toLowerCase().includes(needle)
    );
    const direction = this.sortAscending ? 1 : -1;
    const field = this.sortField;
    return [...rows].sort((a, b) => {
      const [x, y] = [a[field], b[field]];
      if (x === y) return 0;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return (typeof x === 'number' ? x - y : String(x).localeCompare(String(y))) * direction;
    });
  }

  get columns() {
    return COLUMNS.map((column) => ({
      ...column,
      sortLabel: fill(LABELS.sortBy, column.label),
      ariaSort:
        column.field === this.sortField
          ? this.sortAscending
            ? 'ascending'
            : 'descending'
          : 'none',
      arrow: column.field === this.sortField ? (this.sortAscending ? '▲' : '▼') : ''
    }));
  }

  get rows() {
    return this.matching.slice(0, PAGE_ROWS).map((account) => ({
      key: account.id,
      href: `/lightning/r/Account/${account.id}/view`,
      cells: COLUMNS.slice(1).map((column) => ({
        key: column.field,
        text: cellText(account, column)
      })),
      name: account.name
    }));
  }

  get shownText() {
    return fill(
      LABELS.accountsShown,
      formatNumber(Math.min(PAGE_ROWS, this.matching.length)),
      formatNumber(this.matching.length)
    );
  }

  handleSearch(event) {
    this.search = event.target.value;
    this.refresh();
  }

  handleSort(event) {
    const field = event.currentTarget.dataset.field;
    this.sortAscending =
      field === this.sortField
        ? !this.sortAscending
        : !COLUMNS.find((c) => c.field === field).numeric;
    this.sortField = field;
    this.refresh();
  }

  handleExport() {
    downloadCsv(this.template.querySelector('.export'), 'baton-portfolio-accounts.csv', [
      COLUMNS.map((column) => column.label),
      ...this.matching.map((account) => COLUMNS.map((column) => account[column.field]))
    ]);
  }
}
