import { LightningElement, api } from 'lwc';

/**
 * A 0–100 ring coloured by the health band. The band is also written out as text beside the
 * ring, and the ring carries a text alternative, so colour is never the only signal.
 */
export default class HealthGauge extends LightningElement {
  /** Score 0–100, or null when there is none. */
  @api score;
  /** Status word, already translated. */
  @api statusLabel;
  /** green, yellow, red or grey. */
  @api tone = 'grey';
  /** Text alternative for the ring, already translated. */
  @api assistiveText;

  get hasScore() {
    return this.score !== null && this.score !== undefined;
  }

  get scoreText() {
    return this.hasScore ? String(this.score) : '–';
  }

  get dash() {
    const filled = this.hasScore ? Math.max(0, Math.min(100, this.score)) : 0;
    return `${filled} ${100 - filled}`;
  }

  get arcClass() {
    return `arc arc_${this.tone}`;
  }

  get statusClass() {
    return `status slds-text-heading_small status_${this.tone}`;
  }
}
