import type { Connection } from 'jsforce';
import { isHandoverTouchpointKey, messageLanguage, TIERS, type PlannerInput } from '../../core';
import { isAlertKey } from '../onboarding/missedFirstValue';
import {
  handoversByAccount,
  planAccountSchema,
  tasksByAccount,
  type PlanInputs
} from './planInputs';
import { saveMany, type Row, type WriteFailure } from './records';
import {
  diffTaskPlan,
  type PlannedTouchpoint,
  type TaskWrite,
  type TouchpointTask
} from './taskDiff';
import { addDays } from '../../core/dates';

export type TouchpointPlanner = (input: PlannerInput) => PlannedTouchpoint[];

export interface PlanOptions {
  asOf: string;
  horizonDays: number;
  dryRun?: boolean;
}

export interface PlanSummary {
  asOf: string;
  horizonDays: number;
  dryRun: boolean;
  accounts: number;
  planned: number;
  skipped: { accountId: string; reason: string }[];
  created: number;
  updated: number;
  cancelled: number;
  nextDueChanged: number;
  failures: { accountId: string; object: string; errorCode: string; message: string }[];
}

/**
 * Plans every given account and writes the difference: Task upserts by Touchpoint_Key__c
 * (creates and changes), deletes of cancelled open future Tasks, and Next_Touchpoint_Due__c
 * where it moved. Writes only what changed, so a rerun sends no writes at all.
 */
export async function planAndWrite(
  conn: Connection,
  inputs: PlanInputs,
  planner: TouchpointPlanner,
  options: PlanOptions
): Promise<PlanSummary> {
  const { asOf, horizonDays } = options;
  const horizonEnd = addDays(asOf, horizonDays);
  const handovers = handoversByAccount(inputs.handovers);
  const tasks = tasksByAccount(inputs.tasks);
  const languages = new Map(
    (inputs.owners ?? []).map((owner) => [
      String(owner.Id),
      messageLanguage(owner.LanguageLocaleKey as string | null)
    ])
  );
  const summary: PlanSummary = {
    asOf,
    horizonDays,
    dryRun: Boolean(options.dryRun),
    accounts: inputs.accounts.length,
    planned: 0,
    skipped: [],
    created: 0,
    updated: 0,
    cancelled: 0,
    nextDueChanged: 0,
    failures: []
  };
  const upserts: TaskWrite[] = [];
  const deletes: TouchpointTask[] = [];
  const accountUpdates: Row[] = [];
  for (const row of inputs.accounts) {
    const account = planAccountSchema.parse(row);
    const handover = handovers.get(account.Id);
    const tier = account.Touch_Tier__c ?? account.Suggested_Touch_Tier__c;
    // The onboarding start anchors the plan: a later handover (an upsell, a renewal) keeps it.
    const acceptedAt = account.Onboarding_Started__c ?? handover?.Accepted_At__c ?? undefined;
    const contractStart = account.Contract_Start__c ?? handover?.Contract_Start__c ?? acceptedAt;
    const ownerId = account.Account_Manager__c ?? account.OwnerId;
    const reason =
      !tier || !(TIERS as readonly string[]).includes(tier)
        ? 'no touch tier (run baton tier assign)'
        : !contractStart
          ? 'no contract start or accepted handover'
          : !ownerId
            ? 'no account manager or owner'
            : null;
    if (reason || !tier || !contractStart || !ownerId) {
      summary.skipped.push({ accountId: account.Id, reason: reason ?? 'incomplete' });
      continue;
    }
    const planned = planner({
      accountId: account.Id,
      tier: tier as PlannerInput['tier'],
      contractStart,
      acceptedAt,
      asOf,
      horizonDays,
      language: languages.get(ownerId)
    });
    const diff = diffTaskPlan({
      accountId: account.Id,
      ownerId,
      planned,
      existing: tasks.get(account.Id) ?? [],
      asOf,
      horizonEnd,
      isForeignKey: (key) => isAlertKey(key) || isHandoverTouchpointKey(key)
    });
    summary.planned++;
    summary.created += diff.creates.length;
    summary.updated += diff.updates.length;
    summary.cancelled += diff.cancels.length;
    upserts.push(...diff.creates, ...diff.updates);
    deletes.push(...diff.cancels);
    if (diff.nextDue !== account.Next_Touchpoint_Due__c) {
      summary.nextDueChanged++;
      accountUpdates.push({ Id: account.Id, Next_Touchpoint_Due__c: diff.nextDue });
    }
  }
  if (options.dryRun) return summary;
  const report =
    (object: string, accountOf: (row: Row) => string) => (failures: WriteFailure[]) => {
      for (const failure of failures)
        summary.failures.push({
          accountId: accountOf(failure.row),
          object,
          errorCode: failure.errorCode,
          message: failure.message
        });
    };
  report('Task', (row) => String(row.WhatId))(
    await saveMany(
      conn,
      'Task',
      { kind: 'upsert', externalIdField: 'Touchpoint_Key__c' },
      upserts as unknown as Row[]
    )
  );
  report('Task', (row) => String(row.WhatId))(
    await saveMany(conn, 'Task', { kind: 'delete' }, deletes)
  );
  report('Account', (row) => String(row.Id))(
    await saveMany(conn, 'Account', { kind: 'update' }, accountUpdates)
  );
  return summary;
}
