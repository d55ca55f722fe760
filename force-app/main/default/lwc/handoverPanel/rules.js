import { LABELS } from './labels';

// The rules the form shows before anything reaches the server: suggested tier, the tier's
// onboarding model and required fields, and when the AM's answer is due. These are the
// default custom metadata records (DESIGN §3) written out; the server (Apex or its twin)
// checks again with the org's records. Moving to c/batonCore needs the five custom metadata
// types' records in getContext, because the core's model parser requires all of them.

const TIER_LABELS = { High: LABELS.tierHigh, Low: LABELS.tierLow, Tech: LABELS.tierTech };

const MODELS = {
  High: 'On-site, tailored onboarding in several sessions',
  Low: 'Personal online training',
  Tech: 'Weekly open webinar and automated messages'
};

const BASE = [
  'Account_Manager__c',
  'Contract_Start__c',
  'What_Was_Sold__c',
  'Primary_Contact__c',
  'Success_Criteria__c',
  'Fit__c'
];
const REQUIRED = {
  Tech: BASE.map((field) => ({ field, min: 1 })),
  Low: [...BASE, 'First_Year_Goal__c', 'Promises__c', 'Technical_Needs__c'].map((field) => ({
    field,
    min: 1
  })),
  High: [
    ...[...BASE, 'First_Year_Goal__c', 'Promises__c', 'Technical_Needs__c'].map((field) => ({
      field,
      min: 1
    })),
    { field: 'Secondary_Contacts__c', min: 2 },
    { field: 'Risks__c', min: 1 },
    { field: 'Decision_Makers__c', min: 1 }
  ]
};

/** @returns { tier, label, reason } suggested for the Account */
export function suggestTierFor(account) {
  const arrValue = (account.MRR__c || 0) * 12;
  // Thin spaces group the thousands the same way in every language.
  const arr = String(Math.round(arrValue)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  const growth = account.Growth_Potential__c || 0;
  let tier = 'Low';
  let reason = `ARR ${arr} is between 5 000 and 50 000`;
  if (account.Strategic_Account__c) {
    tier = 'High';
    reason = 'Strategic account';
  } else if (arrValue >= 50000) {
    tier = 'High';
    reason = `ARR ${arr} ≥ 50 000`;
  } else if (arrValue >= 20000 && growth >= 4) {
    tier = 'High';
    reason = `ARR ${arr} ≥ 20 000 and growth potential ${growth} ≥ 4`;
  } else if (arrValue < 5000) {
    tier = 'Tech';
    reason = `ARR ${arr} < 5 000`;
  }
  return { tier, label: TIER_LABELS[tier], reason };
}

export function onboardingModelFor(tier) {
  return MODELS[tier];
}

export function requiredFields(tier) {
  return (REQUIRED[tier] || REQUIRED.High).map((item) => item.field);
}

function lines(value) {
  if (value === null || value === undefined || value === '') {
    return 0;
  }
  return typeof value === 'string' ? value.split('\n').filter((line) => line.trim()).length : 1;
}

/**
 * @param labelOf field API name -> label, so each message names the field
 * @returns [{ field, min, text }] the tier requires and the draft lacks
 */
export function missingFields(draft, tier, labelOf = (field) => field) {
  return (REQUIRED[tier] || REQUIRED.High)
    .filter(({ field, min }) => lines(draft[field]) < min)
    .map(({ field, min }) => ({
      field,
      min,
      text: min > 1 ? `${labelOf(field)} (${min})` : labelOf(field)
    }));
}

/** Two business days after submit; @returns { due, overdue } for a Submitted handover */
export function answerState(handover, now) {
  if (!handover || handover.Status__c !== 'Submitted' || !handover.Submitted_At__c) {
    return { due: undefined, overdue: false };
  }
  const due = new Date(handover.Submitted_At__c);
  let added = 0;
  while (added < 2) {
    due.setUTCDate(due.getUTCDate() + 1);
    const day = due.getUTCDay();
    added += day === 0 || day === 6 ? 0 : 1;
  }
  return { due: due.toISOString().slice(0, 10), overdue: new Date(now) > due };
}
