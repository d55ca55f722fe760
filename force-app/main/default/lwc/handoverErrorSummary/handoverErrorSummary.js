import { LightningElement, api } from 'lwc';

/**
 * The list of fields to fix, above the handover form: each item links to its field, in form
 * order, and says what to do. It takes focus when shown, so a keyboard or screen reader user
 * lands on it after a failed submit; choosing an item asks the form to focus that field.
 */
export default class HandoverErrorSummary extends LightningElement {
  /** Heading: what the list is for ("Fix these before you submit:"). */
  @api title;
  /** [{ field, label, message }] in form order. */
  @api errors = [];

  @api
  focus() {
    const box = this.template.querySelector('.error-summary');
    if (box) {
      box.focus();
    }
  }

  handleLink(event) {
    event.preventDefault();
    const field = event.currentTarget.dataset.field;
    this.dispatchEvent(new CustomEvent('fieldfocus', { detail: { field } }));
  }
}
