import { LightningElement, api } from 'lwc';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { RefreshEvent } from 'lightning/refresh';
import getContext from '@salesforce/apex/HandoverController.getContext';
import saveDraft from '@salesforce/apex/HandoverController.saveDraft';
import submit from '@salesforce/apex/HandoverController.submit';
import accept from '@salesforce/apex/HandoverController.accept';
import returnToSeller from '@salesforce/apex/HandoverController.returnToSeller';
import { LABELS } from './labels';
import { SECTIONS, fieldLabel } from './sections';
import { canAnswer, choicesFrom, draftFrom, factsOf, isEditable, payloadOf } from './draft';
import {
  answerState,
  missingFields,
  modelOf,
  onboardingModelFor,
  requiredFields,
  suggestTierFor
} from './rules';

/**
 * The seller's handover form on the Account (or closed-won Opportunity) page, and the
 * account manager's accept/return view once submitted. Rules come from the bundled core
 * (c/batonCore) over the org's custom metadata records in the context, so the form marks and
 * checks the same fields the server enforces.
 */
export default class HandoverPanel extends LightningElement {
  @api recordId;

  labels = LABELS;
  sections = SECTIONS;
  context;
  /** The core's model, parsed from context.modelRecords each time a context arrives. */
  model;
  draft = {};
  loading = true;
  busy = false;
  error;
  errorTitle;
  notice;
  missing = [];
  emptyTexts = { accountManagers: LABELS.noAccountManagers, contacts: LABELS.noContacts };

  connectedCallback() {
    this.run(() => getContext({ recordId: this.recordId }), undefined, LABELS.loadFailed);
  }

  get ready() {
    return !this.loading && !!this.context;
  }

  get suggestion() {
    return suggestTierFor(this.context.account, this.model);
  }

  get tier() {
    return this.draft.Proposed_Touch_Tier__c || this.suggestion.tier;
  }

  get onboardingModel() {
    return onboardingModelFor(this.tier, this.model);
  }

  get required() {
    return requiredFields(this.tier, this.model);
  }

  get handover() {
    return this.context.handover;
  }

  get editing() {
    return isEditable(this.handover);
  }

  get isReturned() {
    return !!this.handover && this.handover.Status__c === 'Returned';
  }

  get prefilled() {
    return !this.handover && !!this.context.opportunity;
  }

  get choices() {
    return choicesFrom(this.context);
  }

  get facts() {
    return factsOf(this.handover, this.choices);
  }

  get answer() {
    return answerState(this.handover, this.context.now, this.tier, this.model);
  }

  get canAnswer() {
    return canAnswer(this.context);
  }

  get hasMissing() {
    return this.missing.length > 0;
  }

  handleFieldChange(event) {
    const { name, value } = event.detail;
    this.draft = { ...this.draft, [name]: value };
    this.notice = undefined;
  }

  handleSave() {
    this.missing = [];
    this.run(() => saveDraft({ handover: this.payload() }), LABELS.draftSaved);
  }

  handleSubmit() {
    this.missing = missingFields(this.draft, this.tier, this.model, fieldLabel);
    const byField = Object.fromEntries(this.missing.map((item) => [item.field, item.text]));
    this.template
      .querySelectorAll('c-handover-section')
      .forEach((section) => section.showErrors(byField));
    if (this.hasMissing) {
      return;
    }
    this.run(async () => {
      const saved = await saveDraft({ handover: this.payload() });
      return submit({ handoverId: saved.handover.Id });
    }, LABELS.submittedMessage);
  }

  handleAccept() {
    this.run(() => accept({ handoverId: this.handover.Id }), LABELS.acceptedMessage);
  }

  handleReturn(event) {
    this.run(
      () => returnToSeller({ handoverId: this.handover.Id, reason: event.detail.reason }),
      LABELS.returnedMessage
    );
  }

  payload() {
    return payloadOf(this.draft, this.onboardingModel);
  }

  /** Runs one server call; its context replaces ours, or its error is shown with a title. */
  async run(call, notice, errorTitle = LABELS.saveFailed) {
    this.busy = true;
    this.error = undefined;
    this.notice = undefined;
    try {
      const context = await call();
      const model = modelOf(context);
      this.model = model;
      this.context = context;
      this.draft = draftFrom(context, suggestTierFor(context.account, model).tier);
      this.notice = notice;
      if (notice) {
        // The rest of the page (the Account's stage and AM, the feed with our post) reloads.
        Promise.resolve(notifyRecordUpdateAvailable([{ recordId: context.account.Id }])).catch(
          () => {}
        );
        this.dispatchEvent(new RefreshEvent());
      }
    } catch (error) {
      this.error = error;
      this.errorTitle = errorTitle;
    } finally {
      this.busy = false;
      this.loading = false;
    }
  }
}
