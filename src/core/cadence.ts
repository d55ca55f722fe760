import type { BatonModel } from './config/model';
import type { Tier } from './config/records';
import { dayOf, isoOfDay } from './dates';

/** What the planner is asked for one account (the touchpoint service's PlannerInput). */
export interface PlannerInput {
  accountId: string;
  tier: Tier;
  contractStart: string;
  /** When the handover was accepted (onboarding start); the contract start if absent. */
  acceptedAt?: string | null;
  asOf: string;
  /** How far ahead recurring meetings are planned; default 365 (issue 3: the next 12 months). */
  horizonDays?: number;
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

const SUBJECTS: Record<string, string> = {
  kickoff: 'Kickoff meeting',
  'first-contact': 'First contact',
  welcome: 'Automated welcome',
  'success-check': 'Success check',
  'goal-review': 'Goal review',
  'csat-survey': 'Automated CSAT survey'
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
  const add = (kind: string, day: number, automated: boolean, subject = SUBJECTS[kind] ?? kind) =>
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
      `Success check (${cadence.successCheckDays} days)`
    );
  if (cadence.goalReviewDays !== null)
    add(
      'goal-review',
      accepted + cadence.goalReviewDays,
      cadence.automated,
      `Goal review (${cadence.goalReviewDays} days)`
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
      add(`recurring-meeting-${n}`, day, false, `Recurring meeting (every ${interval} days)`);
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
