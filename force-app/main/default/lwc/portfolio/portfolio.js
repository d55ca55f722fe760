import { LightningElement } from 'lwc';
import getPortfolio from '@salesforce/apex/PortfolioController.getPortfolio';
import { LABELS, fill, formatMoney, formatNumber, formatPercent } from 'c/portfolioLabels';
import { filterOptions } from './filters';

/**
 * The CS lead's portfolio page: the whole book's health, value × potential chart, account
 * list, handover queue and account manager workload, from one PortfolioController call per
 * filter change. The children only render what this component hands them.
 */
export default class Portfolio extends LightningElement {
  labels = LABELS;
  view;
  error;
  loading = true;
  filters = { accountManagerId: null, tier: null, segment: null, stage: null };

  connectedCallback() {
    this.load();
  }

  async load() {
    this.loading = true;
    try {
      this.view = await getPortfolio({ ...this.filters });
      this.error = undefined;
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }

  handleFilter(event) {
    const { name, value } = event.target;
    this.filters = { ...this.filters, [name]: value || null };
    this.load();
  }

  get filterGroups() {
    return filterOptions(this.view, this.filters, LABELS);
  }

  get hasAccounts() {
    return !!this.view && this.view.totalAccounts > 0;
  }

  get shownText() {
    return this.view
      ? fill(
          LABELS.accountsShown,
          formatNumber(this.view.accounts.length),
          formatNumber(this.view.totalAccounts)
        )
      : '';
  }

  get summary() {
    const view = this.view ?? {};
    const months = view.nps ?? [];
    const latest = months.length ? months[months.length - 1].nps : null;
    return [
      { key: 'risk', label: LABELS.arrAtRisk, value: formatMoney(view.arrAtRisk) },
      { key: 'churn', label: LABELS.churnRate, value: formatPercent(view.retention?.churnRate) },
      {
        key: 'grr',
        label: LABELS.grossRetention,
        value: formatPercent(view.retention?.grossRevenueRetention)
      },
      {
        key: 'nrr',
        label: LABELS.netRetention,
        value: formatPercent(view.retention?.netRevenueRetention)
      },
      {
        // The goal (Handover_Setting__mdt) is in the label, so the lead reads the rate against it.
        key: 'trials',
        label: fill(LABELS.trialConversion, formatPercent(view.trials?.goal)),
        value: formatPercent(view.trials?.conversionRate)
      },
      {
        key: 'nps',
        label: LABELS.npsLatest,
        value: latest === null ? LABELS.notAvailable : String(latest)
      }
    ];
  }
}
