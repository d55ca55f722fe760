import { LightningElement, api } from 'lwc';
import { LABELS, formatMoney, formatNumber, statusText } from 'c/portfolioLabels';

/** Health across the book: accounts and ARR by band, movers, overrides, too little data. */
export default class PortfolioHealth extends LightningElement {
  @api view;
  labels = LABELS;

  get bands() {
    return (this.view?.bands ?? []).map((band) => ({
      key: band.status,
      status: statusText(band.status),
      accounts: formatNumber(band.accounts),
      arr: formatMoney(band.arr)
    }));
  }

  get movers() {
    const movers = this.view?.movers;
    if (!movers) return [];
    return [...movers.up, ...movers.down].map((mover) => ({
      key: mover.id,
      name: mover.name,
      change: `${mover.change > 0 ? '+' : ''}${formatNumber(mover.change, 1)}`,
      driver: (LABELS.language === 'fi' ? mover.driverFi : mover.driver) ?? '–'
    }));
  }

  get hasMovers() {
    return this.movers.length > 0;
  }

  /** An org whose controller does not compute movers says so, rather than "none moved". */
  get moversText() {
    return this.view?.movers ? LABELS.moversEmpty : LABELS.notAvailable;
  }

  get overrides() {
    return (this.view?.overrides ?? []).map((account) => ({
      key: account.id,
      name: account.name,
      status: statusText(account.status),
      until: account.overrideUntil ?? '–',
      setBy: account.overrideSetBy ?? '–'
    }));
  }

  get hasOverrides() {
    return this.overrides.length > 0;
  }

  get insufficient() {
    return (this.view?.insufficientData ?? []).map((account) => ({
      key: account.id,
      name: account.name
    }));
  }

  get hasInsufficient() {
    return this.insufficient.length > 0;
  }

  get nps() {
    return (this.view?.nps ?? []).map((month) => ({ key: month.month, ...month }));
  }
}
