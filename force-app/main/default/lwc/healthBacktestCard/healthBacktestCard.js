import { LightningElement, wire } from 'lwc';
import getLatest from '@salesforce/apex/HealthBacktestController.getLatest';
import { LABELS } from './labels';
import { backtestView } from './backtestView';

/**
 * "Does the score predict?": the latest `baton health backtest --save` run for admins, in
 * plain words per horizon, so the score's own record stands beside it in the org.
 */
export default class HealthBacktestCard extends LightningElement {
  labels = LABELS;
  latest;
  error;
  loaded = false;

  @wire(getLatest)
  wiredLatest({ data, error }) {
    if (data === undefined && error === undefined) return;
    this.loaded = true;
    this.latest = data ?? null;
    this.error = error;
  }

  get view() {
    return this.latest ? backtestView(this.latest) : null;
  }

  get isEmpty() {
    return this.loaded && !this.error && !this.latest;
  }
}
