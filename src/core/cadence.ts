import type { BatonModel } from './config/model';
import type { Tier } from './config/records';
import { dayOf, isoOfDay } from './dates';
import { messageText, type MessageLanguage, type MessageTextName } from './messageTexts';

/** What the planner is asked for one account (the touchpoint service's PlannerInput). */
export interface PlannerInput {
  accountId: string;
  tier: Tier;
  contractStart: string;
  /** When the handover was accepted (onboarding start); the contract start if absent. */
  acceptedAt?: string | null;
  asOf: string;
  /** How far ahead recurring meetings are planned; default 365 (the next 12 months). */
  horizonDays?: number;
  /** The language of the Tasks' subjects: their owner's (messageLanguage); default English. */
  language?: MessageLanguage;
}

export const DEFAULT_HORIZON_DAYS = 365;

/**
 * One dated touchpoint. `key` is `<AccountId>:<kind>` (recurring meetings
 * `<AccountId>:recurring-meeting-<n>`), stored in Touchpoint_Key__c, so reruns never duplicate.
 * The tier is deliberately not in the key: after a tier change the re-plan updates the same
 * Tasks in place (new date, subject) instead of leaving the old tier's Tasks beside new ones.
 */
export interface PlannedTouchpoint {
  key: string;
  kind: string;
  subject: string;
  dueDate: string;
  automated: boolean;
}
export type Touchpoint = PlannedTouchpoint;

/** The Custom Label of each first-contact kind's Task subject (Apex mirrors it; apexMirror.test.ts). */
export const SUBJECTS: Record<string, MessageTextName> = {
  kickoff: 'Baton_Task_Kickoff',
  'first-contact': 'Baton_Task_First_Contact',
  welcome: 'Baton_Task_Welcome',
  'csat-survey': 'Baton_Task_Csat_Survey'
};

/**
 * The tier's dated touchpoints (Tier_Cadence__mdt): first contact (at the latest on the
 * success check's day), the success check, the goal review, the automated survey, and
 * recurring meetings from asOf to asOf + horizon.
 * Meeting n is due acceptance + n × interval with key `<AccountId>:recurring-meeting-<n>`,
 * so its key stays the same across reruns; a meeting on a checkpoint's day is left out.
 */
export function planTouchpoints(input: PlannerInput, model: BatonModel): PlannedTouchpoint[] {
  const cadence = model.cadence[input.tier];
  const accepted = dayOf(input.acceptedAt ?? input.contractStart);
  const contract = dayOf(input.contractStart);
  const planned: PlannedTouchpoint[] = [];
  const say = (name: MessageTextName, ...values: number[]) =>
    messageText(input.language ?? 'en', name, ...values.map(String));
  const add = (
    kind: string,
    day: number,
    automated: boolean,
    subject = SUBJECTS[kind] ? say(SUBJECTS[kind]) : kind
  ) =>
    planned.push({
      key: `${input.accountId}:${kind}`,
      kind,
      subject,
      dueDate: isoOfDay(day),
      automated
    });
  const firstFrom = cadence.firstContactFrom === 'ContractStart' ? contract : accepted;
  // The first contact opens the relationship, so it never comes after the success check.
  const successCheck =
    cadence.successCheckDays === null ? Infinity : accepted + cadence.successCheckDays;
  add(
    cadence.firstContactKind,
    Math.min(firstFrom + cadence.firstContactDays, successCheck),
    cadence.automated
  );
  if (cadence.successCheckDays !== null)
    add(
      'success-check',
      accepted + cadence.successCheckDays,
      cadence.automated,
      say('Baton_Task_Success_Check', cadence.successCheckDays)
    );
  if (cadence.goalReviewDays !== null)
    add(
      'goal-review',
      accepted + cadence.goalReviewDays,
      cadence.automated,
      say('Baton_Task_Goal_Review', cadence.goalReviewDays)
    );
  if (cadence.surveyDays !== null) add('csat-survey', accepted + cadence.surveyDays, true);
  const interval = cadence.meetingIntervalDays;
  if (interval) {
    const taken = new Set(planned.map((touchpoint) => touchpoint.dueDate));
    const asOf = dayOf(input.asOf);
    const end = asOf + (input.horizonDays ?? DEFAULT_HORIZON_DAYS);
    for (
      let n = Math.max(1, Math.ceil((asOf - accepted) / interval));
      accepted + n * interval <= end;
      n++
    ) {
      const day = accepted + n * interval;
      if (taken.has(isoOfDay(day))) continue;
      add(`recurring-meeting-${n}`, day, false, say('Baton_Task_Recurring_Meeting', interval));
    }
  }
  return planned.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

/** The earliest open touchpoint's date (overdue ones included), or null. */
export function nextTouchpointDue(
  touchpoints: readonly { dueDate: string | null; done?: boolean }[]
): string | null {
  let next: string | null = null;
  for (const touchpoint of touchpoints)
    if (!touchpoint.done && touchpoint.dueDate && (next === null || touchpoint.dueDate < next))
      next = touchpoint.dueDate;
  return next;
}

/** Overdue: an open touchpoint whose date has passed (due today is not yet overdue). */
export const isTouchpointOverdue = (nextDue: string | null, asOf: string) =>
  nextDue !== null && nextDue < asOf;
