import { addDays } from '../dates';

/** Customer_Outcome_Policy__mdt's Default record. */
export interface OutcomePolicy {
  /** Null: no winback is planned (the org has no Default record). */
  winbackDays: number | null;
  /** An ARR fall of at least this share (0–1) is a contraction; null: none recorded. */
  contractionShare: number | null;
}

/** The Account fields an outcome reads, before and after a save. */
export interface OutcomeFields {
  Customer_Stage__c?: unknown;
  Churn_Date__c?: unknown;
  Churn_Reason__c?: unknown;
  MRR__c?: unknown;
  Contract_Start__c?: unknown;
}

export interface Outcome {
  type: 'Churn' | 'Contraction' | 'Renewal';
  date: string;
  arrBefore: number | null;
  arrAfter: number | null;
  reason: string | null;
}

export type OutcomeDecision =
  | { refusal: { message: string; fields: string[] } }
  | { outcome: Outcome | null; winbackDue: string | null };

export const CHURNED = 'Churned';
export const CHURN_NEEDS = 'A churned account needs its Churn Date and Churn Reason.';

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const arrOf = (mrr: unknown) =>
  mrr === null || mrr === undefined || mrr === '' ? null : Number(mrr) * 12;

/**
 * What an Account save records (the rule AccountOutcomeHandler.cls applies in Apex): moving
 * to Churned needs a churn date and reason and records the churn with the ARR it had, and
 * plans a winback touchpoint the policy's days after the churn date; otherwise an ARR fall of
 * at least the policy's share is a contraction, dated `today`, and a contract start moved
 * later on a customer who had one (a new term) is a renewal, dated the new start. A renewal
 * at a fall of the share is the contraction: the customer stayed, but the bad news is what
 * the backtest must see.
 */
export function accountOutcome(
  before: OutcomeFields,
  after: OutcomeFields,
  policy: OutcomePolicy,
  today: string
): OutcomeDecision {
  const churned = text(after.Customer_Stage__c) === CHURNED;
  if (churned && text(before.Customer_Stage__c) !== CHURNED) {
    const missing = [
      ...(text(after.Churn_Date__c) ? [] : ['Churn_Date__c']),
      ...(text(after.Churn_Reason__c) ? [] : ['Churn_Reason__c'])
    ];
    if (missing.length > 0) return { refusal: { message: CHURN_NEEDS, fields: missing } };
    const date = text(after.Churn_Date__c).slice(0, 10);
    return {
      outcome: {
        type: 'Churn',
        date,
        arrBefore: arrOf(before.MRR__c),
        arrAfter: 0,
        reason: text(after.Churn_Reason__c)
      },
      winbackDue: policy.winbackDays === null ? null : addDays(date, policy.winbackDays)
    };
  }
  const arrBefore = arrOf(before.MRR__c);
  const arrAfter = arrOf(after.MRR__c);
  const contracted =
    !churned &&
    policy.contractionShare !== null &&
    arrBefore !== null &&
    arrBefore > 0 &&
    arrAfter !== null &&
    arrBefore - arrAfter >= policy.contractionShare * arrBefore;
  const startBefore = text(before.Contract_Start__c).slice(0, 10);
  const startAfter = text(after.Contract_Start__c).slice(0, 10);
  const renewed = !churned && startBefore !== '' && startAfter !== '' && startAfter > startBefore;
  return {
    outcome: contracted
      ? { type: 'Contraction', date: today, arrBefore, arrAfter, reason: null }
      : renewed
        ? { type: 'Renewal', date: startAfter, arrBefore, arrAfter, reason: null }
        : null,
    winbackDue: null
  };
}
