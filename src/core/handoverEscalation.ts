import type { BatonModel } from './config/model';
import type { Tier } from './config/records';
import { link, mention, text, type MessageSegment } from './connect';
import { addBusinessDays, dayOf, isoOfDay } from './dates';
import { responseDeadline } from './handover';
import { messageText, type MessageLanguage } from './messageTexts';

/**
 * Escalation of overdue handovers to a lead (issue 21). The account manager is reminded daily
 * (handoverReminder.ts); when a handover is still unanswered the configured business days after
 * its first overdue day, whoever Portfolio_Setting__mdt.Escalation_Lead__c names is told once
 * (Handover__c.Escalated_On__c), on the handover's post and in their own language.
 */
export interface EscalationSetting {
  /** A username (one person) or a permission set API name (all holding it); null: off. */
  lead: string | null;
  /** Business days of reminders to the account manager before the lead is told. */
  afterBusinessDays: number;
}

export const DEFAULT_ESCALATE_AFTER_DAYS = 1;

/** From Portfolio_Setting__mdt rows: the one named Default, else the first. */
export function escalationSettingOf(
  records: readonly Record<string, unknown>[]
): EscalationSetting {
  const record = records.find((row) => row.DeveloperName === 'Default') ?? records[0];
  const lead =
    typeof record?.Escalation_Lead__c === 'string' ? record.Escalation_Lead__c.trim() : '';
  const days = Number(record?.Escalate_After_Days__c);
  return {
    lead: lead || null,
    afterBusinessDays:
      record?.Escalate_After_Days__c == null || !Number.isInteger(days) || days < 0
        ? DEFAULT_ESCALATE_AFTER_DAYS
        : days
  };
}

/** A lead named by username has an @; otherwise the name is a permission set's. */
export const leadIsUsername = (lead: string) => lead.includes('@');

export interface EscalatableHandover {
  name: string;
  status: string;
  submittedAt?: string | null;
  /** Escalated_On__c: set once the lead was told. */
  escalatedOn?: string | null;
}

/**
 * Submitted, not yet escalated, and still unanswered `afterBusinessDays` business days after
 * its first overdue day (the day after the answer deadline).
 */
export function escalationDue(
  handover: EscalatableHandover,
  asOf: string,
  setting: EscalationSetting,
  tier?: Tier,
  model?: BatonModel
): boolean {
  if (!setting.lead || handover.status !== 'Submitted' || !handover.submittedAt) return false;
  if (handover.escalatedOn) return false;
  const deadline = dayOf(responseDeadline(handover.submittedAt, tier, model));
  return asOf.slice(0, 10) > isoOfDay(addBusinessDays(deadline, setting.afterBusinessDays));
}

/** A day as the reader writes it: 9.12.2026 in Finnish, ISO otherwise. */
const dayFor = (language: MessageLanguage, isoDay: string) => {
  if (language !== 'fi') return isoDay;
  const [year, month, day] = isoDay.split('-');
  return `${Number(day)}.${Number(month)}.${year}`;
};

/** The escalation comment: @mention the leads, name the silent account manager and the due day. */
export function escalationCommentSegments(
  handover: EscalatableHandover & { accountManagerName: string | null },
  leadIds: readonly string[],
  recordUrl: string,
  language: MessageLanguage,
  tier?: Tier,
  model?: BatonModel
): MessageSegment[] {
  const deadline = responseDeadline(handover.submittedAt ?? '', tier, model);
  return [
    ...leadIds.flatMap((id, k) => (k === 0 ? [mention(id)] : [text(' '), mention(id)])),
    text(
      ` ${messageText(
        language,
        'Baton_Post_Escalation',
        handover.name,
        handover.accountManagerName ?? '–',
        dayFor(language, deadline)
      )} `
    ),
    link(recordUrl)
  ];
}
