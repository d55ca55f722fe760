import { LightningElement, api } from 'lwc';

const DEFAULT_DAYS = 30;

function addDays(isoDate, days) {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The account manager's override: a status, a reason (required) and an expiry, 30 days from
 * today by default. Fires `save` with { status, reason, until } or `cancel`.
 * Radio buttons instead of a combobox: they work in synthetic shadow and show every choice.
 */
export default class HealthOverrideForm extends LightningElement {
  /** Today as YYYY-MM-DD, from the server so the default expiry matches its calendar. */
  @api today;
  @api busy = false;
  /** The panel's labels (accountHealthPanel/labels.js), so both speak the same words. */
  @api labels;

  /**
   * The Status bands of Health_Band__mdt as { label, value }, best first (the panel's view), so
   * a band an admin adds can be chosen.
   */
  @api statusOptions = [];
  /** The status chosen; none yet: the middle band, neither all clear nor the alarm. */
  chosenStatus;

  get status() {
    const options = this.statusOptions || [];
    const middle = options[Math.floor((options.length - 1) / 2)];
    return this.chosenStatus || (middle ? middle.value : null);
  }

  set status(value) {
    this.chosenStatus = value;
  }

  reason = '';
  until;

  connectedCallback() {
    this.until = addDays(this.today || new Date().toISOString().slice(0, 10), DEFAULT_DAYS);
  }

  handleStatus(event) {
    this.status = event.detail.value;
  }

  handleReason(event) {
    this.reason = event.detail.value;
  }

  handleUntil(event) {
    this.until = event.detail.value;
  }

  handleSave() {
    const reasonInput = this.template.querySelector('lightning-textarea');
    const trimmed = (this.reason || '').trim();
    reasonInput.setCustomValidity(trimmed ? '' : this.labels.overrideReasonRequired);
    reasonInput.reportValidity();
    if (!trimmed) {
      return;
    }
    // A cleared date input holds '', which Apex cannot read as a Date; null means the default expiry.
    this.dispatchEvent(
      new CustomEvent('save', {
        detail: { status: this.status, reason: trimmed, until: this.until || null }
      })
    );
  }

  handleCancel() {
    this.dispatchEvent(new CustomEvent('cancel'));
  }
}
