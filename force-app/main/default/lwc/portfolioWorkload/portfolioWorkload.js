import { LightningElement, api } from 'lwc';
import { LABELS, downloadCsv, fill, formatNumber } from 'c/portfolioLabels';
import { moveEffect } from './move';

/** Planned hours per account manager against capacity, and a what-if for moving one account. */
export default class PortfolioWorkload extends LightningElement {
  @api workload;
  @api accounts;
  labels = LABELS;
  moveAccountId = '';
  moveToId = '';

  get managers() {
    return (this.workload?.managers ?? []).map((manager) => ({
      key: manager.accountManagerId,
      name: manager.name ?? manager.accountManagerId,
      accounts: manager.accounts,
      hours: formatNumber(manager.hours, 1),
      capacity: formatNumber(manager.capacityHours),
      overdue: manager.overdueTouchpoints,
      over: manager.overBy > 0,
      state:
        manager.overBy > 0
          ? fill(LABELS.overCapacity, formatNumber(manager.overBy, 1))
          : LABELS.withinCapacity,
      stateClass:
        manager.overBy > 0 ? 'slds-badge slds-theme_error' : 'slds-badge slds-theme_success'
    }));
  }

  get hasManagers() {
    return this.managers.length > 0;
  }

  get accountOptions() {
    return [{ value: '', label: '–' }].concat(
      (this.accounts ?? [])
        .filter((a) => a.accountManagerId && a.hours > 0)
        .map((a) => ({ value: a.id, label: `${a.name} (${a.accountManager})` }))
    );
  }

  get managerOptions() {
    return [{ value: '', label: '–' }].concat(
      this.managers.map((m) => ({ value: m.key, label: m.name }))
    );
  }

  get moveResult() {
    const account = (this.accounts ?? []).find((a) => a.id === this.moveAccountId);
    if (!account || !this.moveToId || this.moveToId === account.accountManagerId) return '';
    const effect = moveEffect(
      account.hours,
      account.accountManagerId,
      this.moveToId,
      this.workload.managers,
      this.workload.capacityHours
    );
    const nameOf = (id) => this.managers.find((m) => m.key === id)?.name ?? id;
    return fill(
      LABELS.moveResult,
      nameOf(effect.from.accountManagerId),
      formatNumber(effect.from.hoursBefore, 1),
      formatNumber(effect.from.hoursAfter, 1),
      nameOf(effect.to.accountManagerId),
      formatNumber(effect.to.hoursBefore, 1),
      formatNumber(effect.to.hoursAfter, 1)
    );
  }

  handleMoveAccount(event) {
    this.moveAccountId = event.target.value;
  }

  handleMoveTo(event) {
    this.moveToId = event.target.value;
  }

  handleExport() {
    downloadCsv(this.template.querySelector('.export'), 'baton-workload.csv', [
      [
        LABELS.columnAccountManager,
        LABELS.columnAccounts,
        LABELS.columnHours,
        LABELS.columnCapacity,
        LABELS.columnOverdue
      ],
      ...(this.workload?.managers ?? []).map((m) => [
        m.name,
        m.accounts,
        m.hours,
        m.capacityHours,
        m.overdueTouchpoints
      ])
    ]);
  }
}
