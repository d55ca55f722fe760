import { LightningElement, api } from 'lwc';
import { LABELS, downloadCsv, formatNumber, formatPercent } from 'c/portfolioLabels';

const STATE_LABELS = {
  awaiting: LABELS.stateAwaiting,
  overdue: LABELS.stateOverdue,
  returned: LABELS.stateReturned
};

/** Handovers waiting on someone, oldest first, and how each account manager answers. */
export default class PortfolioQueue extends LightningElement {
  @api queue;
  @api answerRates;
  labels = LABELS;

  get entries() {
    return (this.queue ?? []).map((entry) => ({
      key: entry.id,
      accountName: entry.accountName,
      accountManager: entry.accountManager ?? '–',
      seller: entry.seller ?? '–',
      state: STATE_LABELS[entry.state] ?? entry.state,
      stateClass: entry.state === 'overdue' ? 'slds-badge slds-theme_error' : 'slds-badge',
      ageDays: entry.ageDays
    }));
  }

  get hasEntries() {
    return this.entries.length > 0;
  }

  get rates() {
    return (this.answerRates ?? []).map((rate) => ({
      key: rate.accountManager,
      accountManager: rate.accountManager,
      rate: formatPercent(rate.acceptanceRate),
      median: rate.medianDaysToAccept === null ? '–' : formatNumber(rate.medianDaysToAccept, 1)
    }));
  }

  get hasRates() {
    return this.rates.length > 0;
  }

  handleExport() {
    downloadCsv(this.template.querySelector('.export'), 'baton-handover-queue.csv', [
      [
        LABELS.columnAccount,
        LABELS.columnState,
        LABELS.columnAccountManager,
        LABELS.columnSeller,
        LABELS.columnAge
      ],
      ...this.entries.map((entry) => [
        entry.accountName,
        entry.state,
        entry.accountManager,
        entry.seller,
        entry.ageDays
      ])
    ]);
  }
}
