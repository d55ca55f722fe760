import { LightningElement, api } from 'lwc';
import { exampleDate, format, formatDate, parseDate } from 'c/localeFormat';

function addDays(isoDate, days) {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The account manager's override: a status, a reason (required) and an expiry. Fires `save`
 * with { status, reason, until } or `cancel`. Radio buttons instead of a combobox: they work in
 * synthetic shadow and show every choice. The expiry is text read by c/localeFormat's parseDate
 * in the user's locale, as the handover's dates are: lightning-input type="date" refused a
 * typed 7.12.2026 or 12/7/2026 and handed an unreadable date on as empty, which saved the
 * default expiry without a word.
 */
export default class HealthOverrideForm extends LightningElement {
  /** Today as YYYY-MM-DD, from the server so the default expiry matches its calendar. */
  @api today;
  /** The Override band's days (Health_Band__mdt), shown as the default expiry when known. */
  @api defaultDays;
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
  /** The expiry as shown or typed; blank means the Override band's days from the server. */
  untilText = '';
  flagged = false;

  get untilHint() {
    return exampleDate();
  }

  connectedCallback() {
    if (this.today && typeof this.defaultDays === 'number') {
      this.untilText = formatDate(addDays(this.today, this.defaultDays));
    }
  }

  handleStatus(event) {
    this.status = event.detail.value;
  }

  handleReason(event) {
    this.reason = event.detail.value;
  }

  handleUntil(event) {
    this.untilText = event.detail.value;
    if (this.flagged) {
      const input = this.untilInput();
      input.setCustomValidity('');
      input.reportValidity();
      this.flagged = false;
    }
  }

  untilInput() {
    return this.template.querySelector('lightning-input.until');
  }

  /** A date typed without a year is in the server's year, not the browser's. */
  readUntil() {
    const today = this.today ? new Date(`${this.today}T00:00:00`) : new Date();
    return parseDate(this.untilText, undefined, today);
  }

  handleSave() {
    const reasonInput = this.template.querySelector('lightning-textarea');
    const trimmed = (this.reason || '').trim();
    reasonInput.setCustomValidity(trimmed ? '' : this.labels.overrideReasonRequired);
    reasonInput.reportValidity();
    const until = this.readUntil();
    if (until.error) {
      // Refused by name with what was typed: saving would store no date or a wrong one.
      const input = this.untilInput();
      input.setCustomValidity(
        format(
          this.labels.overrideBadDate,
          this.labels.overrideUntil,
          this.untilText,
          exampleDate()
        )
      );
      input.reportValidity();
      this.flagged = true;
    }
    if (!trimmed || until.error) {
      return;
    }
    // Blank is null, which Apex reads as the Override band's days from today.
    this.dispatchEvent(
      new CustomEvent('save', {
        detail: { status: this.status, reason: trimmed, until: until.value }
      })
    );
  }

  handleCancel() {
    this.dispatchEvent(new CustomEvent('cancel'));
  }
}
