import { planTouchpoints, type PlannedTouchpoint } from './cadence';
import type { BatonModel } from './config/model';
import type { Tier } from './config/records';
import { sameSalesforceId } from './ids';
import type { MessageLanguage } from './messageTexts';

/**
 * What accepting a handover does depends on whom it hands over, read from the Account as it
 * is when the account manager accepts (no handover type to keep in sync):
 * - a new customer (no customer stage yet, or Churned and won back) starts onboarding: stage
 *   Onboarding, onboarding start today, the tier's first-year touchpoints;
 * - an existing customer (any other stage: an upsell or renewal) keeps its stage, onboarding
 *   dates and plan; only the handover's own touchpoints are added (its first contact and
 *   success check, keyed by the handover so they never replace the account's plan);
 * - an existing customer whose account manager changes is that too (new-account-manager).
 * A customer starting over gets a plan of its own: the Account's open touchpoint Tasks (the old
 * plan's) give way to it, a first value from the earlier onboarding is cleared, and the next
 * touchpoint due is the new plan's first.
 * Whenever the Account had another account manager, that one's open Baton touchpoint Tasks on
 * it move to the new one; when it had none, its open touchpoint Tasks (the planner's, owned by
 * whoever ran it) do; completed Tasks stay as history.
 * Every accept makes the handover's account manager the Account's and copies the handover's
 * contract start to the Account when it has one. The Apex HandoverServiceRules.acceptPlan
 * mirrors this; the contract fixtures pin both.
 */
export type AcceptKind = 'new-customer' | 'existing-customer' | 'new-account-manager';

export interface AcceptAccount {
  Customer_Stage__c?: string | null;
  Account_Manager__c?: string | null;
  First_Value_At__c?: string | null;
}

export interface AcceptHandover {
  Id: string;
  Account__c: string;
  Account_Manager__c?: string | null;
  Contract_Start__c?: string | null;
}

export interface AcceptPlan {
  kind: AcceptKind;
  /** The Account fields accept writes (Id not included); null clears one. */
  account: Record<string, string | null>;
  touchpoints: PlannedTouchpoint[];
  /** The account manager whose open touchpoint Tasks on the Account move to the new one. */
  previousAccountManager: string | null;
  /**
   * The Account's open touchpoint Tasks whose keys the plan does not hold are deleted: planned
   * meetings that never took place are no history, and two plans would double the cadence.
   */
  replacesOpenTouchpoints: boolean;
  /** The Account had no account manager: all its open touchpoint Tasks pass to the new one. */
  adoptsOpenTouchpoints: boolean;
}

/** Stages after which a customer starts over: winning it back is onboarding a new customer. */
export const STARTS_OVER = ['Churned'];

export function acceptKindOf(account: AcceptAccount, handover: AcceptHandover): AcceptKind {
  const stage = account.Customer_Stage__c;
  if (!stage || STARTS_OVER.includes(stage)) return 'new-customer';
  const changes =
    !!account.Account_Manager__c &&
    !sameSalesforceId(account.Account_Manager__c, handover.Account_Manager__c);
  return changes ? 'new-account-manager' : 'existing-customer';
}

/** The key of a touchpoint one handover adds to an existing customer's plan. */
export const handoverTouchpointKey = (accountId: string, handoverId: string, kind: string) =>
  `${accountId}:handover-${handoverId}:${kind}`;

/** Touchpoints a handover added: the daily plan neither changes nor cancels them. */
export const isHandoverTouchpointKey = (key: string) => key.includes(':handover-');

/**
 * @param acceptedOn the acceptance day (YYYY-MM-DD)
 * @param tier the handover's tier (the seller's proposal, else the Account's)
 * @param language the Tasks' subjects' language: the handover's account manager's, who owns them
 */
export function acceptPlan(
  account: AcceptAccount,
  handover: AcceptHandover,
  tier: Tier,
  acceptedOn: string,
  model: BatonModel,
  language: MessageLanguage = 'en'
): AcceptPlan {
  const kind = acceptKindOf(account, handover);
  const previousAccountManager =
    account.Account_Manager__c &&
    !sameSalesforceId(account.Account_Manager__c, handover.Account_Manager__c)
      ? account.Account_Manager__c
      : null;
  const adoptsOpenTouchpoints = !account.Account_Manager__c && !!handover.Account_Manager__c;
  const fields: Record<string, string | null> = {};
  if (handover.Account_Manager__c) fields.Account_Manager__c = handover.Account_Manager__c;
  if (handover.Contract_Start__c) fields.Contract_Start__c = handover.Contract_Start__c;
  const planned = planTouchpoints(
    {
      accountId: handover.Account__c,
      tier,
      contractStart: handover.Contract_Start__c ?? acceptedOn,
      acceptedAt: acceptedOn,
      asOf: acceptedOn,
      language
    },
    model
  );
  if (kind === 'new-customer') {
    fields.Customer_Stage__c = 'Onboarding';
    fields.Onboarding_Started__c = acceptedOn;
    if (account.First_Value_At__c) fields.First_Value_At__c = null;
    // planTouchpoints returns the plan by due date.
    if (planned.length) fields.Next_Touchpoint_Due__c = planned[0].dueDate;
    return {
      kind,
      account: fields,
      touchpoints: planned,
      previousAccountManager,
      replacesOpenTouchpoints: true,
      adoptsOpenTouchpoints
    };
  }
  const own = [model.cadence[tier].firstContactKind, 'success-check'];
  const touchpoints = planned
    .filter((touchpoint) => own.includes(touchpoint.kind))
    .map((touchpoint) => ({
      ...touchpoint,
      key: handoverTouchpointKey(handover.Account__c, handover.Id, touchpoint.kind)
    }));
  return {
    kind,
    account: fields,
    touchpoints,
    previousAccountManager,
    replacesOpenTouchpoints: false,
    adoptsOpenTouchpoints
  };
}
