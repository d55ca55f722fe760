import { z } from 'zod';
import type { PlannedTouchpoint } from '../../core';

export type { PlannedTouchpoint };

// Bulk query results are CSV (every value a string, empty for null); REST results are typed.
const text = z.preprocess((value) => (value === '' ? null : value), z.string().nullable());
const flag = z.preprocess((value) => value === true || value === 'true', z.boolean());

/** A Task that carries a touchpoint key, as read from the org. */
export const touchpointTaskSchema = z.object({
  Id: z.string(),
  WhatId: text,
  OwnerId: text,
  Subject: text,
  ActivityDate: text,
  IsClosed: flag,
  Automated_Step__c: flag,
  Touchpoint_Key__c: z.string()
});
export type TouchpointTask = z.infer<typeof touchpointTaskSchema>;

/** The Task fields the planner owns; written by upsert on Touchpoint_Key__c. */
export interface TaskWrite {
  Touchpoint_Key__c: string;
  WhatId: string;
  OwnerId: string;
  Subject: string;
  ActivityDate: string;
  Automated_Step__c: boolean;
  Status?: string;
  Type?: string | null;
}

export interface TaskDiff {
  creates: TaskWrite[];
  updates: TaskWrite[];
  /** Open, future, planner-made Tasks the plan no longer has: deleted (see README). */
  cancels: TouchpointTask[];
  /** Earliest open touchpoint after the writes (overdue ones included), or null. */
  nextDue: string | null;
}

export interface DiffInput {
  accountId: string;
  ownerId: string;
  planned: readonly PlannedTouchpoint[];
  /** Every Task of the account that carries a touchpoint key, open or closed. */
  existing: readonly TouchpointTask[];
  asOf: string;
  /** Last day the plan covers: open Tasks after it are not the plan's to judge. */
  horizonEnd: string;
  /** Keys made by other features (the onboarding alert, a handover's touchpoints): never cancelled. */
  isForeignKey?: (key: string) => boolean;
}

function toWrite(accountId: string, ownerId: string, touchpoint: PlannedTouchpoint): TaskWrite {
  return {
    Touchpoint_Key__c: touchpoint.key,
    WhatId: accountId,
    OwnerId: ownerId,
    Subject: touchpoint.subject,
    ActivityDate: touchpoint.dueDate,
    Automated_Step__c: touchpoint.automated
  };
}

const differs = (task: TouchpointTask, write: TaskWrite) =>
  task.Subject !== write.Subject ||
  task.ActivityDate !== write.ActivityDate ||
  task.OwnerId !== write.OwnerId ||
  task.Automated_Step__c !== write.Automated_Step__c;

/**
 * What to write so an account's Tasks match its plan. Closed Tasks are history and never
 * change. Touchpoints already due before `asOf` that were never created are not backfilled:
 * the plan looks forward. Open Tasks past their date stay (the AM still owes them; they
 * make the account overdue). Open Tasks in [asOf, horizonEnd] that the plan no longer has
 * (a tier change) are cancelled. A rerun with the same inputs yields no writes.
 */
export function diffTaskPlan(input: DiffInput): TaskDiff {
  const { accountId, ownerId, asOf, horizonEnd } = input;
  const byKey = new Map(input.existing.map((task) => [task.Touchpoint_Key__c, task]));
  const plannedKeys = new Set(input.planned.map((touchpoint) => touchpoint.key));
  const creates: TaskWrite[] = [];
  const updates: TaskWrite[] = [];
  const openDates: string[] = [];
  for (const touchpoint of input.planned) {
    const task = byKey.get(touchpoint.key);
    const write = toWrite(accountId, ownerId, touchpoint);
    if (!task) {
      if (touchpoint.dueDate < asOf) continue;
      creates.push({
        ...write,
        Status: 'Not Started',
        Type: touchpoint.automated ? null : 'Meeting'
      });
      openDates.push(write.ActivityDate);
    } else if (!task.IsClosed) {
      if (differs(task, write)) updates.push(write);
      openDates.push(write.ActivityDate);
    }
  }
  const cancels: TouchpointTask[] = [];
  for (const task of input.existing) {
    if (task.IsClosed || plannedKeys.has(task.Touchpoint_Key__c)) continue;
    const date = task.ActivityDate;
    const foreign = input.isForeignKey?.(task.Touchpoint_Key__c) ?? false;
    if (!foreign && date !== null && date >= asOf && date <= horizonEnd) cancels.push(task);
    else if (date !== null) openDates.push(date);
  }
  openDates.sort();
  return { creates, updates, cancels, nextDue: openDates[0] ?? null };
}
