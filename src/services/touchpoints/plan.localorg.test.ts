import type { Connection } from 'jsforce';
import { startTestOrg } from '../../testkit/testOrg';
import { planAllTouchpoints, planTouchpointsForAccounts } from './plan';

// touchpoints plan end to end: jsforce → local org, with the core cadence planner and the
// project's Tier_Cadence__mdt records.

type TestOrg = Awaited<ReturnType<typeof startTestOrg>>;
let testOrg: TestOrg;
let conn: Connection;
let amId: string;

const AS_OF = '2026-01-10';

beforeAll(async () => {
  testOrg = await startTestOrg();
  conn = testOrg.conn;
  const users = await conn.query<{ Id: string }>('SELECT Id FROM User LIMIT 1');
  amId = users.records[0].Id;
}, 60_000);

afterAll(async () => {
  await testOrg?.close();
});

type TaskRow = {
  Id: string;
  Subject: string;
  ActivityDate: string;
  OwnerId: string;
  IsClosed: boolean;
  Automated_Step__c: boolean;
  Touchpoint_Key__c: string;
  LastModifiedDate: string;
};

async function tasksOf(accountId: string): Promise<TaskRow[]> {
  const result = await conn.query<TaskRow>(
    `SELECT Id, Subject, ActivityDate, OwnerId, IsClosed, Automated_Step__c, Touchpoint_Key__c, LastModifiedDate FROM Task WHERE WhatId = '${accountId}' ORDER BY ActivityDate`
  );
  return result.records;
}

async function account(fields: Record<string, unknown>): Promise<string> {
  const result = await conn.sobject('Account').create({
    Name: `Cadence ${Math.random()}`,
    Account_Manager__c: amId,
    Contract_Start__c: '2026-01-05',
    Onboarding_Started__c: AS_OF,
    ...fields
  });
  return result.id as string;
}

const nextDue = async (id: string) =>
  (
    await conn.query<{ Next_Touchpoint_Due__c: string | null }>(
      `SELECT Next_Touchpoint_Due__c FROM Account WHERE Id = '${id}'`
    )
  ).records[0].Next_Touchpoint_Due__c;

describe('planTouchpointsForAccounts through the local org', () => {
  it('creates the tier touchpoints owned by the account manager, and a rerun changes nothing', async () => {
    const id = await account({ Touch_Tier__c: 'High' });
    const first = await planTouchpointsForAccounts(conn, [id], { asOf: AS_OF });
    const tasks = await tasksOf(id);

    expect(first.created).toBe(tasks.length);
    expect(tasks.length).toBeGreaterThanOrEqual(4);
    expect(new Set(tasks.map((task) => task.Touchpoint_Key__c)).size).toBe(tasks.length);
    expect(tasks.every((task) => task.OwnerId === amId && !task.Automated_Step__c)).toBe(true);
    expect(tasks.every((task) => task.ActivityDate >= AS_OF)).toBe(true);
    expect(await nextDue(id)).toBe(tasks[0].ActivityDate);
    // High touch (Tier_Cadence__mdt): kickoff within 14 days of acceptance, the 60-day
    // success check, a meeting every 90 days and the 365-day goal review.
    const byKind = new Map(
      tasks.map((task) => [task.Touchpoint_Key__c.slice(id.length + 1), task.ActivityDate])
    );
    expect(byKind.get('kickoff')! <= '2026-01-24').toBe(true);
    expect(byKind.get('success-check')).toBe('2026-03-11');
    expect(byKind.get('recurring-meeting-1')).toBe('2026-04-10');
    expect(byKind.get('goal-review')).toBe('2027-01-10');

    const rerun = await planTouchpointsForAccounts(conn, [id], { asOf: AS_OF });
    expect(rerun).toMatchObject({ created: 0, updated: 0, cancelled: 0, nextDueChanged: 0 });
    expect(await tasksOf(id)).toEqual(tasks);
  });

  it('re-plans open future touchpoints when the tier changes, leaving completed ones alone', async () => {
    const id = await account({ Touch_Tier__c: 'High' });
    await planTouchpointsForAccounts(conn, [id], { asOf: AS_OF });
    const [done, ...open] = await tasksOf(id);
    await conn.sobject('Task').update({ Id: done.Id, Status: 'Completed' });
    await conn.sobject('Account').update({ Id: id, Touch_Tier__c: 'Tech' });

    const replan = await planTouchpointsForAccounts(conn, [id], { asOf: AS_OF });
    const after = await tasksOf(id);

    expect(replan.cancelled).toBeGreaterThan(0);
    expect(after.find((task) => task.Id === done.Id)).toMatchObject({ IsClosed: true });
    const stillOpen = after.filter((task) => !task.IsClosed);
    expect(stillOpen.length).toBeGreaterThan(0);
    // Tech touch: every open touchpoint is an automated step; no High meeting survives.
    expect(stillOpen.every((task) => task.Automated_Step__c)).toBe(true);
    expect(
      open.some((task) => stillOpen.some((kept) => kept.Id === task.Id && !kept.Automated_Step__c))
    ).toBe(false);
    expect(await nextDue(id)).toBe(stillOpen[0].ActivityDate);
    const again = await planTouchpointsForAccounts(conn, [id], { asOf: AS_OF });
    expect(again).toMatchObject({ created: 0, updated: 0, cancelled: 0 });
  });

  it('plans Tech touch as automated steps, flagged on the Task', async () => {
    const id = await account({ Touch_Tier__c: 'Tech' });
    await planTouchpointsForAccounts(conn, [id], { asOf: AS_OF });
    const tasks = await tasksOf(id);
    expect(tasks.map((task) => task.Subject)).toEqual([
      'Automated welcome',
      'Automated CSAT survey'
    ]);
    expect(tasks.every((task) => task.Automated_Step__c && task.OwnerId === amId)).toBe(true);
    expect(await nextDue(id)).toBe(tasks[0].ActivityDate);
  });

  it('plans an account known only by its accepted handover, in the all-accounts run', async () => {
    const id = await account({
      Touch_Tier__c: 'Low',
      Contract_Start__c: null,
      Onboarding_Started__c: null
    });
    await conn.sobject('Handover__c').create({
      Account__c: id,
      Status__c: 'Accepted',
      Accepted_At__c: `${AS_OF}T09:00:00.000Z`,
      Contract_Start__c: '2026-01-05'
    });
    const summary = await planAllTouchpoints(conn, { asOf: AS_OF });
    expect(summary.skipped.map((skip) => skip.accountId)).not.toContain(id);
    const due = Object.fromEntries(
      (await tasksOf(id)).map((task) => [
        task.Touchpoint_Key__c.slice(id.length + 1),
        task.ActivityDate
      ])
    );
    // Low touch: first contact 90 days after the handover's contract start (2026-04-05), but
    // never after the success check 60 days after acceptance.
    expect(due).toEqual({
      'first-contact': '2026-03-11',
      'success-check': '2026-03-11',
      'goal-review': '2027-01-10'
    });
  });

  it('plans the overridden tier, not the suggestion', async () => {
    const id = await account({
      Touch_Tier__c: 'High',
      Suggested_Touch_Tier__c: 'Tech',
      Touch_Tier_Override_Reason__c: 'Strategic reference'
    });
    await planTouchpointsForAccounts(conn, [id], { asOf: AS_OF });
    const tasks = await tasksOf(id);
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.some((task) => task.Automated_Step__c)).toBe(false);
  });

  it('moves open touchpoints to a new account manager', async () => {
    const id = await account({ Touch_Tier__c: 'Low' });
    await planTouchpointsForAccounts(conn, [id], { asOf: AS_OF });
    const users = await conn.query<{ Id: string }>(
      `SELECT Id FROM User WHERE Id != '${amId}' LIMIT 1`
    );
    const newAm = users.records[0].Id;
    await conn.sobject('Account').update({ Id: id, Account_Manager__c: newAm });

    const replan = await planTouchpointsForAccounts(conn, [id], { asOf: AS_OF });
    const tasks = await tasksOf(id);
    expect(replan.updated).toBe(tasks.length);
    expect(tasks.every((task) => task.OwnerId === newAm)).toBe(true);
  });

  it('skips an account without a tier and says why', async () => {
    const id = await account({});
    const summary = await planTouchpointsForAccounts(conn, [id], { asOf: AS_OF });
    expect(summary.skipped).toEqual([{ accountId: id, reason: expect.stringMatching(/tier/) }]);
    expect(await tasksOf(id)).toEqual([]);
  });
});
