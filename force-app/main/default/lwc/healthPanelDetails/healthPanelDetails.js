import { LightningElement, api } from 'lwc';

/**
 * The reasons behind the score, for accountHealthPanel: top drivers in plain words, the
 * per-measure table when expanded, the quadrant, the touch tier, the next touchpoint and the
 * latest survey answers. Receives the panel's view and labels; renders only.
 */
export default class HealthPanelDetails extends LightningElement {
  @api view;
  @api labels;
  @api expanded = false;

  get hasDrivers() {
    return this.view.drivers.length > 0;
  }

  get hasMeasures() {
    return this.view.measures.length > 0;
  }

  get touchpointClass() {
    return this.view.touchpoint.overdue ? 'touchpoint slds-text-color_error' : 'touchpoint';
  }
}
