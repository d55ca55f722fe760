import {
  acceptCommentSegments,
  BatonError,
  handoverTransition,
  handoverStatusLabel,
  messageText,
  returnCommentSegments,
  sameSalesforceId,
  submitPostSegments,
  validateHandover,
  type AcceptKind,
  type BatonModel,
  type HandoverAction,
  type HandoverMessageInput,
  type HandoverStatus,
  type MessageLanguage,
  type MessageSegment,
  type PlannedTouchpoint,
  type Tier
} from '../../core';
import type { AccountRow } from './selector';
import type { HandoverRow } from './schemas';

/**
 * The core's handover rules (Handover_Requirement__mdt, transitions, Connect segments,
 * Tier_Cadence__mdt planner) applied to Handover__c rows. The Apex HandoverServiceRules and
 * HandoverServiceFeed mirror this file; the contract fixtures keep both the same.
 */

/** A rule error with every field at fault (the CLI and the panel name them all). */
export class HandoverRuleError extends BatonError {
  constructor(
    code: string,
    message: string,
    readonly fields: string[]
  ) {
    super(code, message, fields[0]);
    this.name = 'HandoverRuleError';
  }
}

export type { Tier };
export type Action = HandoverAction;

/** The seller's proposal, else the Account's tier, else High (a missing tier never lets a gap through). */
export function tierOf(
  handover: Pick<HandoverRow, 'Proposed_Touch_Tier__c'>,
  account?: Pick<AccountRow, 'Touch_Tier__c'> | null
): Tier {
  return (handover.Proposed_Touch_Tier__c ?? account?.Touch_Tier__c ?? 'High') as Tier;
}

/** The refusal of each action from a status it may not start from, as Apex words it. */
const CANNOT = {
  saveDraft: 'Baton_Handover_Error_Cannot_Save',
  save: 'Baton_Handover_Error_Cannot_Save',
  submit: 'Baton_Handover_Error_Cannot_Submit',
  accept: 'Baton_Handover_Error_Cannot_Accept',
  return: 'Baton_Handover_Error_Cannot_Return'
} as const;

/** `language`: the writer's, who reads the refusal. */
export function assertTransition(
  handover: HandoverRow,
  action: Action,
  language: MessageLanguage
): HandoverStatus {
  try {
    // The reason is checked by returnToSeller itself, with its own code, before this.
    return handoverTransition(handover.Status__c, action, { returnReason: 'checked' });
  } catch {
    throw new HandoverRuleError(
      'ILLEGAL_TRANSITION',
      messageText(
        language,
        CANNOT[action],
        handover.Name,
        handoverStatusLabel(language, handover.Status__c)
      ),
      ['Status__c']
    );
  }
}

/**
 * Only the receiving account manager answers: a seller never, another account manager neither.
 * `language`: the answerer's, who reads the refusal.
 */
export function assertCanAnswer(
  handover: HandoverRow,
  actor: { userId: string; managesHandovers?: boolean },
  language: MessageLanguage
): void {
  const addressee = sameSalesforceId(handover.Account_Manager__c, actor.userId);
  const message = messageText(language, 'Baton_Handover_Error_Not_Addressee', handover.Name);
  if (sameSalesforceId(handover.Seller__c, actor.userId) && !addressee) {
    throw new HandoverRuleError('SELLER_CANNOT_ANSWER', message, ['Account_Manager__c']);
  }
  if (!addressee && !actor.managesHandovers) {
    throw new HandoverRuleError('NOT_THE_ADDRESSEE', message, ['Account_Manager__c']);
  }
}

/**
 * `model`: the org's custom metadata (Handover_Requirement__mdt), as the Apex reads it.
 * `reader`: the submitter's language and the org's Handover__c field and tier labels (its describe),
 * so the message names the fields and the tier as the Apex's Schema labels do.
 */
export function assertComplete(
  handover: HandoverRow,
  account: AccountRow | undefined,
  model: BatonModel,
  reader: {
    language: MessageLanguage;
    fieldLabels: Record<string, string>;
    tierLabels?: Record<string, string>;
  }
): void {
  const tier = tierOf(handover, account);
  const problems = validateHandover(handover as unknown as Record<string, unknown>, tier, model);
  if (problems.length) {
    const say = (name: Parameters<typeof messageText>[1], ...values: string[]) =>
      messageText(reader.language, name, ...values);
    const missing = problems.map((problem) => {
      const label = reader.fieldLabels[problem.field] ?? problem.field;
      return problem.minEntries > 1
        ? say('Baton_Handover_Error_At_Least', label, String(problem.minEntries))
        : label;
    });
    throw new HandoverRuleError(
      'MISSING_REQUIRED_FIELDS',
      say(
        'Baton_Handover_Error_Missing_Fields',
        reader.tierLabels?.[tier] ?? tier,
        missing.join(', ')
      ),
      problems.map((problem) => problem.field)
    );
  }
}

function messageInput(handover: HandoverRow, baseUrl: string): HandoverMessageInput {
  return {
    name: handover.Name,
    accountName: handover.Account__r?.Name,
    accountManagerId: handover.Account_Manager__c ?? '',
    sellerId: handover.Seller__c ?? '',
    whatWasSold: handover.What_Was_Sold__c,
    successCriteria: handover.Success_Criteria__c,
    promises: handover.Promises__c,
    risks: handover.Risks__c,
    recordUrl: `${baseUrl}/lightning/r/Handover__c/${handover.Id}/view`,
    returnReason: handover.Return_Reason__c
  };
}

/** The submit post, in the account manager's language; accept and return comments in the seller's. */
export const submitPost = (
  handover: HandoverRow,
  baseUrl: string,
  language: MessageLanguage
): MessageSegment[] => submitPostSegments(messageInput(handover, baseUrl), language);
export const acceptComment = (
  handover: HandoverRow,
  language: MessageLanguage,
  kind: AcceptKind
): MessageSegment[] => acceptCommentSegments(messageInput(handover, ''), language, kind);
export const returnComment = (handover: HandoverRow, language: MessageLanguage): MessageSegment[] =>
  returnCommentSegments(messageInput(handover, ''), language);

/** Planned touchpoints (the core's acceptPlan) as Tasks owned by the handover's AM. */
export function touchpointTasks(handover: HandoverRow, planned: readonly PlannedTouchpoint[]) {
  return planned.map((touchpoint) => ({
    Subject: touchpoint.subject,
    ActivityDate: touchpoint.dueDate,
    OwnerId: handover.Account_Manager__c,
    WhatId: handover.Account__c,
    Status: 'Not Started',
    Type: touchpoint.automated ? null : 'Meeting',
    Automated_Step__c: touchpoint.automated,
    Touchpoint_Key__c: touchpoint.key
  }));
}
