import { LightningElement, api } from 'lwc';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { RefreshEvent } from 'lightning/refresh';
import getContext from '@salesforce/apex/HandoverController.getContext';
import saveDraft from '@salesforce/apex/HandoverController.saveDraft';
import submit from '@salesforce/apex/HandoverController.submit';
import accept from '@salesforce/apex/HandoverController.accept';
import LANGUAGE from '@salesforce/i18n/lang';
import returnToSeller from '@salesforce/apex/HandoverController.returnToSeller';
import { LABELS } from './labels';
import { SECTIONS } from './sections';
import { choicesFrom, draftFrom, factsOf, payloadOf } from './draft';
import { focusField, saveErrors, showOnFields, submitErrors } from './formChecks';
import { prefillNotes } from './prefillSources';
import { ANSWER, FORM, canStartNext, panelView } from './view';
import {
  acceptedNotice,
  answerState,
  modelOf,
  onboardingModelFor,
  requiredFields,
  submittedNotice,
  suggestTierFor
} from './rules';

/**
 * The seller's handover form on the Account (or closed-won Opportunity) page, the receiving
 * account manager's read-only accept/return view, and everyone else's summary (view.js
 * decides which). Rules come from the bundled core (c/batonCore) over the org's custom
 * metadata records in the context, so the form checks the same fields the server enforces.
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
  /** [{ field, label, message }] shown above the form and on each field, in form order. */
  fieldErrors = [];
  fieldErrorsTitle;
  startingNext = false;
  /** A selector to focus once rendered: the error summary or the success message. */
  focusTarget;
  emptyTexts = { accountManagers: LABELS.noAccountManagers, contacts: LABELS.noContacts };

  connectedCallback() {
    this.run(() => getContext({ recordId: this.recordId }), undefined, LABELS.loadFailed);
  }

  renderedCallback() {
    const target = this.focusTarget && this.template.querySelector(this.focusTarget);
    if (target) {
      this.focusTarget = undefined;
      target.focus();
    }
  }

  get ready() {
    return !this.loading && !!this.context;
  }

  get view() {
    return panelView(this.context, this.startingNext);
  }

  get editing() {
    return this.view === FORM;
  }

  get answering() {
    return this.view === ANSWER;
  }

  get canStartNext() {
    return canStartNext(this.context);
  }

  get suggestion() {
    return suggestTierFor(this.context.account, this.model, this.draft.ARR__c);
  }

  get tier() {
    return this.draft.Proposed_Touch_Tier__c || this.suggestion.tier;
  }

  get onboardingModel() {
    return onboardingModelFor(this.tier, this.model);
  }

  /** The model as the user reads it; the handover stores the admin's text (onboardingModel). */
  get onboardingModelText() {
    return onboardingModelFor(this.tier, this.model, LANGUAGE);
  }

  get required() {
    return requiredFields(this.tier, this.model, this.isTrial);
  }

  /** A trial's handover (drafted from a won trial deal) requires only the trial fields. */
  get isTrial() {
    return this.handover?.Trial__c === true;
  }

  get handover() {
    return this.context.handover;
  }

  get isReturned() {
    return !!this.handover && this.handover.Status__c === 'Returned';
  }

  get prefilled() {
    return !this.handover && !!this.context.opportunity;
  }

  /** Where the won deal's draft got each field, shown under it; the saved record's, not our edits'. */
  get prefillNotes() {
    return prefillNotes(this.startingNext ? null : this.handover);
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

  handleFieldChange(event) {
    const { name, value } = event.detail;
    this.draft = { ...this.draft, [name]: value };
    this.notice = undefined;
  }

  handleStartNext() {
    this.startingNext = true;
    this.draft = draftFrom({ ...this.context, handover: null }, this.suggestion.tier);
    this.notice = undefined;
  }

  handleSave() {
    if (!this.showFieldErrors(saveErrors(this.template), LABELS.fixBeforeSave)) {
      this.run(() => saveDraft(this.saveParams()), LABELS.draftSaved);
    }
  }

  handleSubmit() {
    const errors = submitErrors(
      this.template,
      { ...this.draft, Trial__c: this.isTrial },
      this.tier,
      this.model
    );
    if (!this.showFieldErrors(errors, LABELS.fixBeforeSubmit)) {
      this.run(async () => {
        const saved = await saveDraft(this.saveParams());
        const { Id, LastModifiedDate } = saved.handover;
        return submit({ handoverId: Id, lastModified: LastModifiedDate || null });
      }, submittedNotice);
    }
  }

  handleAccept() {
    // Decided before the call: the answer carries the Account as accepting left it.
    const notice = acceptedNotice(this.context.account, this.handover);
    this.run(() => accept({ handoverId: this.handover.Id }), notice);
  }

  handleReturn(event) {
    this.run(
      () => returnToSeller({ handoverId: this.handover.Id, reason: event.detail.reason }),
      LABELS.returnedMessage
    );
  }

  handleFieldFocus(event) {
    focusField(this.template, event.detail.field);
  }

  /** Errors on their fields and, focused, above the form; @returns whether there were any */
  showFieldErrors(errors, title) {
    this.fieldErrors = showOnFields(this.template, errors);
    this.fieldErrorsTitle = title;
    if (errors.length) {
      // A stale "Draft saved" must not sit above a list of what is still wrong.
      this.notice = undefined;
      this.focusTarget = 'c-handover-error-summary';
    }
    return errors.length > 0;
  }

  /** The draft and the LastModifiedDate we read, so a stale tab cannot overwrite a newer save. */
  saveParams() {
    const current = this.startingNext ? null : this.handover;
    return {
      handover: payloadOf(this.draft, this.onboardingModel),
      lastModified: (current && current.LastModifiedDate) || null
    };
  }

  /**
   * Runs one server call; its context replaces ours, or its error is shown with a title.
   * `notice`: the text, or a function of the returned context that gives it.
   */
  async run(call, notice, errorTitle = LABELS.saveFailed) {
    this.busy = true;
    this.error = undefined;
    this.notice = undefined;
    try {
      const context = await call();
      const model = modelOf(context);
      this.model = model;
      this.context = context;
      this.startingNext = false;
      this.fieldErrors = [];
      const deal = context.opportunity;
      const arr = context.handover ? context.handover.ARR__c : deal && deal.Amount;
      this.draft = draftFrom(context, suggestTierFor(context.account, model, arr).tier);
      this.notice = typeof notice === 'function' ? notice(context) : notice;
      if (this.notice) {
        this.focusTarget = '.notice';
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
