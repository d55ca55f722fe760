import type { Connection } from 'jsforce';
import { z } from 'zod';
import { idChunks } from '../../org/soql';
import { idList, readAll, readMany, type Row } from './records';
import { touchpointTaskSchema, type TouchpointTask } from './taskDiff';
import { assertIsoDay } from '../../core/dates';

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

/** Rows read for a planning run: eligible accounts, their accepted handovers and keyed Tasks. */
export interface PlanInputs {
  accounts: Row[];
  handovers: Row[];
  tasks: Row[];
  /** The Tasks' owners (Id, LanguageLocaleKey): subjects are written in their language. */
  owners?: Row[];
}

/** The languages of the accounts' Task owners (account manager, else Account owner). */
async function readOwners(conn: Connection, accounts: Row[]): Promise<Row[]> {
  const ids = [
    ...new Set(
      accounts
        .map((row) => planAccountSchema.parse(row))
        .map((account) => account.Account_Manager__c ?? account.OwnerId)
        .filter((id): id is string => Boolean(id))
    )
  ];
  const owners: Row[] = [];
  for (const chunk of idChunks(ids))
    owners.push(
      ...(await readAll(
        conn,
        `SELECT Id, LanguageLocaleKey FROM User WHERE Id IN ${idList(chunk)}`
      ))
    );
  return owners;
}

/** Latest accepted handover per account (Accepted_At__c as a date). */
export function handoversByAccount(rows: Row[]): Map<string, AcceptedHandover> {
  const byAccount = new Map<string, AcceptedHandover>();
  for (const row of rows) {
    const handover = handoverSchema.parse(row);
    const seen = byAccount.get(handover.Account__c);
    if (!seen || (handover.Accepted_At__c ?? '') > (seen.Accepted_At__c ?? ''))
      byAccount.set(handover.Account__c, handover);
  }
  return byAccount;
}

export function tasksByAccount(rows: Row[]): Map<string, TouchpointTask[]> {
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

const ELIGIBLE = '(Contract_Start__c != null OR Onboarding_Started__c != null)';
/**
 * The Tasks a plan can act on: open ones, and closed ones due today or later (done early:
 * not to be created again). Closed Tasks in the past cannot matter, since touchpoints due
 * before asOf are never created, so years of history are not read on every run.
 */
const relevantTasks = (asOf: string) =>
  `SELECT ${TASK_FIELDS} FROM Task WHERE Touchpoint_Key__c != null AND (IsClosed = false OR ActivityDate >= ${assertIsoDay(asOf)})`;
const ACCEPTED = `SELECT Account__c, Accepted_At__c, Contract_Start__c FROM Handover__c WHERE Status__c = 'Accepted'`;

/** Reads what planning needs for the given accounts: three queries per 300 accounts, one per 300 owners. */
export async function readPlanInputsFor(
  conn: Connection,
  accountIds: readonly string[],
  asOf: string
): Promise<PlanInputs> {
  const inputs: PlanInputs = { accounts: [], handovers: [], tasks: [] };
  for (const ids of idChunks([...new Set(accountIds)])) {
    const list = idList(ids);
    inputs.accounts.push(
      ...(await readAll(conn, `SELECT ${PLAN_ACCOUNT_FIELDS} FROM Account WHERE Id IN ${list}`))
    );
    inputs.handovers.push(...(await readAll(conn, `${ACCEPTED} AND Account__c IN ${list}`)));
    inputs.tasks.push(...(await readAll(conn, `${relevantTasks(asOf)} AND WhatId IN ${list}`)));
  }
  inputs.owners = await readOwners(conn, inputs.accounts);
  return inputs;
}

/** Reads what planning needs for every eligible account: three whole-object reads, then the owners. */
export async function readAllPlanInputs(conn: Connection, asOf: string): Promise<PlanInputs> {
  const handovers = await readMany(conn, ACCEPTED);
  const accounts = await readMany(
    conn,
    `SELECT ${PLAN_ACCOUNT_FIELDS} FROM Account WHERE ${ELIGIBLE}`
  );
  const seen = new Set(accounts.map((row) => String(row.Id)));
  const onlyByHandover = [...new Set(handovers.map((row) => String(row.Account__c)))].filter(
    (id) => !seen.has(id)
  );
  for (const ids of idChunks(onlyByHandover))
    accounts.push(
      ...(await readAll(
        conn,
        `SELECT ${PLAN_ACCOUNT_FIELDS} FROM Account WHERE Id IN ${idList(ids)}`
      ))
    );
  const tasks = await readMany(conn, relevantTasks(asOf));
  return { accounts, handovers, tasks, owners: await readOwners(conn, accounts) };
}
