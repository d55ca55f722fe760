import {
  acceptKindOf,
  isHandoverOverdue,
  parseModelRecords,
  requiredHandoverFields,
  responseDeadline,
  suggestTier,
  validateHandover
} from 'c/batonCore';
import { LABELS } from './labels';
import { missingFieldErrors } from './fieldErrors';
import { tierReason } from './tierReason';

// The rules the form shows before anything reaches the server (suggested tier, the tier's
// onboarding model and required fields, when the AM's answer is due) are the core's, from
// c/batonCore, over the org's custom metadata records that getContext sends as modelRecords.
// So the form marks and checks exactly what the server enforces, and an admin's change to a
// record reaches both. There is no built-in fallback: without valid records the panel shows
// the core's message naming the record and field instead of guessing.

const TIER_LABELS = { High: LABELS.tierHigh, Low: LABELS.tierLow, Tech: LABELS.tierTech };

/** @returns the core's BatonModel from the context's records; throws naming a bad record */
export function modelOf(context) {
  return parseModelRecords(context.modelRecords || {});
}

/**
 * @param arr the handover's ARR (the deal's, as the seller edits it); without one, MRR × 12
 * @returns { tier, label, reason } suggested for the Account by the Touch_Tier_Rule__mdt records
 */
export function suggestTierFor(account, model, arr) {
  const handoverArr = arr === null || arr === undefined || arr === '' ? NaN : Number(arr);
  // No MRR yet counts as 0, as the server's tier assignment does.
  const suggestion = suggestTier(
    {
      mrr: Math.max(0, account.MRR__c || 0),
      arr: Number.isFinite(handoverArr) && handoverArr >= 0 ? handoverArr : null,
      growthPotential: account.Growth_Potential__c,
      strategic: account.Strategic_Account__c === true
    },
    model
  );
  const tier = suggestion.suggested;
  const rule = model.tierRules.find((candidate) => candidate.name === suggestion.rule);
  const reason = rule
    ? tierReason(rule, suggestion.arr, account.Growth_Potential__c ?? 0)
    : suggestion.reason;
  return { tier, label: TIER_LABELS[tier] || tier, reason };
}

const ACCEPTED_NOTICES = {
  'new-customer': LABELS.acceptedMessage,
  'existing-customer': LABELS.acceptedExisting,
  'new-account-manager': LABELS.acceptedNewAm
};

/**
 * What the account manager is told after accepting, decided as the server decides what the
 * accept does (the core's acceptKindOf over the Account as the panel read it): onboarding
 * starts only for a new customer.
 */
export function acceptedNotice(account, handover) {
  return ACCEPTED_NOTICES[acceptKindOf(account || {}, handover)] || LABELS.acceptedMessage;
}

/**
 * What the seller is told after submitting: that it is complete when they are its account
 * manager too (the server accepted it on submit), otherwise that it went to the account manager.
 */
export function submittedNotice(context) {
  return context && context.handover && context.handover.Completed_On_Submit__c
    ? LABELS.completedOwnMessage
    : LABELS.submittedMessage;
}

/** The tier's Tier_Cadence__mdt onboarding model; in Finnish for a Finnish `language`. */
export function onboardingModelFor(tier, model, language = 'en') {
  const cadence = model.cadence[tier];
  return String(language).startsWith('fi') ? cadence.onboardingModelFi : cadence.onboardingModel;
}

/** Handover__c fields the tier's Handover_Requirement__mdt records require (a trial's fewer), in order. */
export function requiredFields(tier, model, trial = false) {
  return requiredHandoverFields(tier, model, trial);
}

/** @returns [{ field, label, message }] the tier requires and the draft lacks, in form order */
export function missingFields(draft, tier, model) {
  return missingFieldErrors(validateHandover(draft, tier, model));
}

/** The tier's answer deadline (Tier_Cadence__mdt); @returns { due, overdue } for a Submitted handover */
export function answerState(handover, now, tier, model) {
  if (!handover || handover.Status__c !== 'Submitted' || !handover.Submitted_At__c) {
    return { due: undefined, overdue: false };
  }
  return {
    due: responseDeadline(handover.Submitted_At__c, tier, model),
    overdue: isHandoverOverdue(
      { status: handover.Status__c, submittedAt: handover.Submitted_At__c },
      now,
      tier,
      model
    )
  };
}
