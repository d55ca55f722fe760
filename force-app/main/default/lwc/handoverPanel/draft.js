import { formatCurrency, formatDate } from 'c/localeFormat';
import { SECTIONS } from './sections';

// Turning the server context into the editable draft and back. Pure functions, so the panel
// component only wires events to them.

const EDITABLE = SECTIONS.flatMap((section) => section.fields.map((field) => field.name));

/** Statuses in which the seller edits the form; the others show the summary. */
export function isEditable(handover) {
  return !handover || handover.Status__c === 'Draft' || handover.Status__c === 'Returned';
}

/**
 * The draft to edit: the saved handover, or a new one prefilled from the closed-won
 * Opportunity (deal, ARR, contract start) and the suggested tier.
 */
export function draftFrom(context, suggestedTier) {
  if (context.handover) {
    return { ...context.handover };
  }
  const draft = { Account__c: context.account.Id, Proposed_Touch_Tier__c: suggestedTier };
  const deal = context.opportunity;
  if (deal) {
    const products = (
      (deal.OpportunityLineItems && deal.OpportunityLineItems.records) ||
      deal.OpportunityLineItems ||
      []
    )
      .map((item) => item.Product2 && item.Product2.Name)
      .filter(Boolean);
    draft.Opportunity__c = deal.Id;
    draft.What_Was_Sold__c = products.length ? `${deal.Name}: ${products.join(', ')}` : deal.Name;
    draft.ARR__c = deal.Amount;
    draft.Contract_Start__c = deal.CloseDate;
  }
  return draft;
}

/** The record sent to saveDraft: the Id (or Account for a new one) and editable fields only. */
export function payloadOf(draft, onboardingModel) {
  const record = draft.Id ? { Id: draft.Id } : { Account__c: draft.Account__c };
  for (const name of EDITABLE) {
    if (draft[name] !== undefined) {
      record[name] = draft[name];
    }
  }
  if (draft.Opportunity__c) {
    record.Opportunity__c = draft.Opportunity__c;
  }
  if (onboardingModel) {
    record.Onboarding_Model__c = onboardingModel;
  }
  return record;
}

/** Options for the people radio groups. */
export function choicesFrom(context) {
  const people = (rows) =>
    (rows || []).map((row) => ({
      value: row.Id,
      label: row.Title ? `${row.Name} (${row.Title})` : row.Name
    }));
  return { accountManagers: people(context.accountManagers), contacts: people(context.contacts) };
}

/** The facts the summary shows, as label/value pairs, skipping empty ones. */
export function factsOf(handover, choices) {
  const names = new Map(
    [...choices.accountManagers, ...choices.contacts].map((option) => [option.value, option.label])
  );
  return SECTIONS.flatMap((section) => section.fields)
    .filter(
      (field) =>
        handover[field.name] !== undefined &&
        handover[field.name] !== null &&
        handover[field.name] !== ''
    )
    .map((field) => ({
      name: field.name,
      label: field.label,
      value: names.get(handover[field.name]) || shown(field, handover[field.name])
    }));
}

/** A stored value as the reader knows it: option labels, dates and money in their locale. */
function shown(field, value) {
  if (field.kind === 'date') {
    return formatDate(value);
  }
  if (field.kind === 'currency') {
    return formatCurrency(value);
  }
  const labelOf = (one) => {
    const option = (field.options || []).find((candidate) => candidate.value === one);
    return option ? option.label : one;
  };
  return field.kind === 'checkboxes'
    ? String(value).split(';').map(labelOf).join(', ')
    : String(labelOf(value));
}
