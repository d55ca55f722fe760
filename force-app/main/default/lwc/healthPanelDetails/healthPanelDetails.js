import { LightningElement, api } from 'lwc';

/**
 * The reasons behind the score, for accountHealthPanel: top drivers in plain words, the
 * per-measure table when expanded, the quadrant, the touch tier, the next touchpoint and the
 * latest survey answers. Receives the panel's view and labels; renders only.
 */
export default class HealthPanelDetails extends LightningElement {
  @api view;
  @api labels;
  /** Whether the per-measure table is open; the account manager's choice, kept across refreshes. */
  expanded = false;

  get hasDrivers() {
    return this.view.drivers.length > 0;
  }

  get hasMeasures() {
    return this.view.measures.length > 0;
  }

  get toggleLabel() {
    return this.expanded ? this.labels.breakdownHide : this.labels.breakdownShow;
  }

  get expandedText() {
    return String(this.expanded);
  }

  toggle() {
    this.expanded = !this.expanded;
  }

  get touchpointClass() {
    return this.view.touchpoint.overdue ? 'touchpoint slds-text-color_error' : 'touchpoint';
  }
}
