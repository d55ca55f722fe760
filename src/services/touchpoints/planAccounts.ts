import type { Connection } from 'jsforce';
import { z } from 'zod';
import { isAlertKey } from '../onboarding/missedFirstValue';
import { addDays } from './days';
import { chunks, idList, readMany, saveMany, type Row, type WriteFailure } from './records';
import {
  diffTaskPlan,
  touchpointTaskSchema,
  type PlannedTouchpoint,
  type TaskWrite,
  type TouchpointTask
} from './taskDiff';

const text = z.preprocess(
  (value) => (value === '' || value === undefined ? null : value),
  z.string().nullable()
);
const day = z.preprocess(
  (value) => (typeof value === 'string' && value ? value.slice(0, 10) : null),
  z.string().nullable()
);

export const planAccountSchema = z.object({
  Id: z.string(),
  OwnerId: text,
  Account_Manager__c: text,
  Touch_Tier__c: text,
  Suggested_Touch_Tier__c: text,
  Contract_Start__c: day,
  Onboarding_Started__c: day,
  Next_Touchpoint_Due__c: day
});
export type PlanAccount = z.infer<typeof planAccountSchema>;
export const PLAN_ACCOUNT_FIELDS = Object.keys(planAccountSchema.shape).join(', ');
export const TASK_FIELDS = Object.keys(touchpointTaskSchema.shape).join(', ');

const handoverSchema = z.object({
  Account__c: z.string(),
  Accepted_At__c: day,
  Contract_Start__c: day
});
export type AcceptedHandover = z.infer<typeof handoverSchema>;

/** What the core planner is asked for one account (src/core planTouchpoints). */
export interface PlannerInput {
  accountId: string;
  tier: 'High' | 'Low' | 'Tech';
  contractStart: string;
  acceptedAt?: string;
  asOf: string;
  horizonDays: number;
}
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

/** Rows read for a planning run: eligible accounts, their accepted handovers and keyed Tasks. */
export interface PlanInputs {
  accounts: Row[];
  handovers: Row[];
  tasks: Row[];
}

/** Latest accepted handover per account (Accepted_At__c as a date). */
function handoversByAccount(rows: Row[]): Map<string, AcceptedHandover> {
  const byAccount = new Map<string, AcceptedHandover>();
  for (const row of rows) {
    const handover = handoverSchema.parse(row);
    const seen = byAccount.get(handover.Account__c);
    if (!seen || (handover.Accepted_At__c ?? '') > (seen.Accepted_At__c ?? ''))
      byAccount.set(handover.Account__c, handover);
  }
  return byAccount;
}

function tasksByAccount(rows: Row[]): Map<string, TouchpointTask[]> {
  const byAccount = new Map<string, TouchpointTask[]>();
  for (const row of rows) {
    const task = touchpointTaskSchema.parse(row);
    if (!task.WhatId) continue;
    const list = byAccount.get(task.WhatId);
    if (list) list.push(task);
    else byAccount.set(task.WhatId, [task]);
  }
  return byAccount;
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
    const acceptedAt = handover?.Accepted_At__c ?? account.Onboarding_Started__c ?? undefined;
    const contractStart = account.Contract_Start__c ?? handover?.Contract_Start__c ?? acceptedAt;
    const ownerId = account.Account_Manager__c ?? account.OwnerId;
    const reason =
      !tier || !['High', 'Low', 'Tech'].includes(tier)
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
      horizonDays
    });
    const diff = diffTaskPlan({
      accountId: account.Id,
      ownerId,
      planned,
      existing: tasks.get(account.Id) ?? [],
      asOf,
      horizonEnd,
      isForeignKey: isAlertKey
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

const ELIGIBLE = '(Contract_Start__c != null OR Onboarding_Started__c != null)';
const ACCEPTED = `SELECT Account__c, Accepted_At__c, Contract_Start__c FROM Handover__c WHERE Status__c = 'Accepted'`;

/** Reads what planning needs for the given accounts: three queries per 300 accounts. */
export async function readPlanInputsFor(
  conn: Connection,
  accountIds: readonly string[]
): Promise<PlanInputs> {
  const inputs: PlanInputs = { accounts: [], handovers: [], tasks: [] };
  for (const ids of chunks([...new Set(accountIds)], 300)) {
    const list = idList(ids);
    inputs.accounts.push(
      ...(await readMany(
        conn,
        `SELECT ${PLAN_ACCOUNT_FIELDS} FROM Account WHERE Id IN ${list}`,
        'Account'
      ))
    );
    inputs.handovers.push(
      ...(await readMany(conn, `${ACCEPTED} AND Account__c IN ${list}`, 'Handover__c'))
    );
    inputs.tasks.push(
      ...(await readMany(
        conn,
        `SELECT ${TASK_FIELDS} FROM Task WHERE Touchpoint_Key__c != null AND WhatId IN ${list}`,
        'Task'
      ))
    );
  }
  return inputs;
}

/** Reads what planning needs for every eligible account: three whole-object reads. */
export async function readAllPlanInputs(conn: Connection): Promise<PlanInputs> {
  const handovers = await readMany(conn, ACCEPTED, 'Handover__c');
  const accounts = await readMany(
    conn,
    `SELECT ${PLAN_ACCOUNT_FIELDS} FROM Account WHERE ${ELIGIBLE}`,
    'Account'
  );
  const seen = new Set(accounts.map((row) => String(row.Id)));
  const onlyByHandover = [...new Set(handovers.map((row) => String(row.Account__c)))].filter(
    (id) => !seen.has(id)
  );
  for (const ids of chunks(onlyByHandover, 300))
    accounts.push(
      ...(await readMany(
        conn,
        `SELECT ${PLAN_ACCOUNT_FIELDS} FROM Account WHERE Id IN ${idList(ids)}`,
        'Account'
      ))
    );
  const tasks = await readMany(
    conn,
    `SELECT ${TASK_FIELDS} FROM Task WHERE Touchpoint_Key__c != null`,
    'Task'
  );
  return { accounts, handovers, tasks };
}
