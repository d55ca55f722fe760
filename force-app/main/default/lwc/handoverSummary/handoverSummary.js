import { LightningElement, api } from 'lwc';

/**
 * Read-only view of a submitted or answered handover: status, timestamps, overdue warning,
 * the key facts, a link to the Chatter post, and (for the receiving account manager) Accept
 * and Return. Returning asks for a reason before anything is sent.
 */
export default class HandoverSummary extends LightningElement {
  /** The Handover__c record. */
  @api handover;
  /** Facts to show: [{ name, label, value }]. */
  @api facts = [];
  /** Labels from the panel, so this component imports none of its own. */
  @api labels = {};
  /** Link to the Chatter post, when there is one. */
  @api postUrl;
  /** Whether the current user may accept or return. */
  @api canAnswer = false;
  /** Whether the answer is overdue. */
  @api overdue = false;
  /** Formatted answer deadline. */
  @api answerDue;
  /** Disables the buttons while a call is running. */
  @api busy = false;

  returning = false;
  reason = '';

  get statusLabel() {
    const byStatus = {
      Draft: this.labels.statusDraft,
      Submitted: this.labels.statusSubmitted,
      Accepted: this.labels.statusAccepted,
      Returned: this.labels.statusReturned
    };
    return byStatus[this.handover.Status__c] || this.handover.Status__c;
  }

  get isSubmitted() {
    return this.handover.Status__c === 'Submitted';
  }

  /** The addressee is the one awaited: they read only when their answer is due. */
  get waitingText() {
    return this.canAnswer ? '' : this.labels.waitingForAm;
  }

  get badgeClass() {
    return this.handover.Status__c === 'Accepted' ? 'slds-theme_success' : 'slds-theme_info';
  }

  get timestamps() {
    return [
      ['Submitted_At__c', this.labels.submittedAt],
      ['Accepted_At__c', this.labels.acceptedAt],
      ['Returned_At__c', this.labels.returnedAt]
    ]
      .filter(([name]) => this.handover[name])
      .map(([name, label]) => ({ name, label, value: this.handover[name] }));
  }

  get confirmDisabled() {
    return this.busy || !this.reason.trim();
  }

  handleAccept() {
    this.dispatchEvent(new CustomEvent('accept'));
  }

  startReturn() {
    this.returning = true;
  }

  cancelReturn() {
    this.returning = false;
    this.reason = '';
  }

  handleReason(event) {
    this.reason = event.detail.value || '';
  }

  confirmReturn() {
    this.dispatchEvent(new CustomEvent('return', { detail: { reason: this.reason.trim() } }));
  }
}
