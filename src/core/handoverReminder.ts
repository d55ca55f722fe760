import type { BatonModel } from './config/model';
import type { Tier } from './config/records';
import { link, mention, text, type MessageSegment } from './connect';
import { isHandoverOverdue, responseDeadline } from './handover';
import { messageDate, messageText, type MessageLanguage } from './messageTexts';

/** A Submitted handover as the reminder reads it. */
export interface RemindableHandover {
  name: string;
  status: string;
  submittedAt?: string | null;
  accountManagerId?: string | null;
  /** Last_Reminded_On__c: the last day a reminder was posted (YYYY-MM-DD). */
  lastRemindedOn?: string | null;
}

/**
 * Once per overdue day: a Submitted handover past its answer deadline (the tier's business
 * days, 2 as shipped) whose account manager was not reminded today yet.
 */
export function reminderDue(
  handover: RemindableHandover,
  asOf: string,
  tier?: Tier,
  model?: BatonModel
): boolean {
  const day = asOf.slice(0, 10);
  return (
    !!handover.accountManagerId &&
    isHandoverOverdue(handover, day, tier, model) &&
    handover.lastRemindedOn !== day
  );
}

/**
 * The reminder comment on the handover's post: @mention the account manager, say what is owed,
 * in their language (Apex HandoverServiceFeed.reminderComment mirrors it).
 */
export function reminderCommentSegments(
  handover: RemindableHandover,
  recordUrl: string,
  tier?: Tier,
  model?: BatonModel,
  language: MessageLanguage = 'en'
): MessageSegment[] {
  const deadline = responseDeadline(handover.submittedAt ?? '', tier, model);
  return [
    mention(handover.accountManagerId ?? ''),
    text(
      ` ${messageText(language, 'Baton_Post_Reminder', handover.name, messageDate(language, deadline))} `
    ),
    link(recordUrl)
  ];
}
