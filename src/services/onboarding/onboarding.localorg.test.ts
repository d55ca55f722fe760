import type { Connection } from 'jsforce';
import { startTestOrg } from '../../testkit/testOrg';
import { recordFirstValue } from './firstValue';
import { alertMissedFirstValue } from './missedFirstValue';
import { addDays } from '../../core/dates';

// Onboarding end to end: first value from usage snapshots, and the missed-first-value alert
// through jsforce → local org → Chatter (FeedItem with a mention).

type TestOrg = Awaited<ReturnType<typeof startTestOrg>>;
let testOrg: TestOrg;
let conn: Connection;
let amId: string;
const AS_OF = '2026-03-01';

beforeAll(async () => {
  testOrg = await startTestOrg();
  conn = testOrg.conn;
  amId = (await conn.query<{ Id: string }>('SELECT Id FROM User LIMIT 1')).records[0].Id;
}, 60_000);

afterAll(async () => {
  await testOrg?.close();
});

async function account(started: string, firstValue: string | null = null): Promise<string> {
  const result = await conn.sobject('Account').create({
    Name: `Onboarding ${Math.random()}`,
    Account_Manager__c: amId,
    Customer_Stage__c: 'Onboarding',
    Onboarding_Started__c: started,
    First_Value_At__c: firstValue
  });
  return result.id as string;
}

const posts = async (accountId: string) =>
  (await conn.query(`SELECT Id FROM FeedItem WHERE ParentId = '${accountId}'`)).totalSize;

describe('alertMissedFirstValue through the local org', () => {
  it('alerts the account manager once when onboarding passes its target without first value', async () => {
    const late = await account(addDays(AS_OF, -45));
    const reached = await account(addDays(AS_OF, -45), addDays(AS_OF, -20));
    const early = await account(addDays(AS_OF, -10));

    const first = await alertMissedFirstValue(conn, { asOf: AS_OF, targetDays: 30 });
    const alerted = first.alerts.map((alert) => alert.accountId);
    expect(alerted).toContain(late);
    expect(alerted).not.toContain(reached);
    expect(alerted).not.toContain(early);
    expect(first.failures).toEqual([]);
    expect(await posts(late)).toBe(1);
    const feed = await conn.request<{
      elements: { body: { messageSegments: { type: string; record?: { id: string } }[] } }[];
    }>(`/services/data/v62.0/chatter/feeds/record/${late}/feed-elements`);
    expect(feed.elements[0].body.messageSegments[0]).toMatchObject({
      type: 'Mention',
      record: { id: amId }
    });
    expect(first.alerts.find((alert) => alert.accountId === late)).toMatchObject({
      accountManagerId: amId,
      days: 45
    });

    const second = await alertMissedFirstValue(conn, { asOf: addDays(AS_OF, 1), targetDays: 30 });
    expect(second.alerts.map((alert) => alert.accountId)).not.toContain(late);
    expect(await posts(late)).toBe(1);
    expect(await posts(reached)).toBe(0);
  });

  it('does not alert in a dry run, nor for a churned account', async () => {
    const late = await account(addDays(AS_OF, -60));
    const churned = await account(addDays(AS_OF, -60));
    // Churning needs its date and reason, as the Account trigger demands.
    await conn.sobject('Account').update({
      Id: churned,
      Customer_Stage__c: 'Churned',
      Churn_Date__c: AS_OF,
      Churn_Reason__c: 'Price'
    });
    const dry = await alertMissedFirstValue(conn, {
      asOf: AS_OF,
      targetDays: 30,
      accountIds: [late, churned],
      dryRun: true
    });
    expect(dry.alerts.map((alert) => alert.accountId)).toEqual([late]);
    expect(dry.posted).toBe(0);
    expect(await posts(late)).toBe(0);
  });
});

describe('recordFirstValue through the local org', () => {
  const snapshots = (accountId: string, rows: [string, number][]) =>
    conn.sobject('Usage_Snapshot__c').create(
      rows.map(([periodEnd, activeUsers]) => ({
        Account__c: accountId,
        Period_End__c: periodEnd,
        Active_Users__c: activeUsers
      }))
    );
  const firstValueOf = async (id: string) =>
    (
      await conn.query<{ First_Value_At__c: string | null }>(
        `SELECT First_Value_At__c FROM Account WHERE Id = '${id}'`
      )
    ).records[0].First_Value_At__c;

  it('takes the first period with active users, ignores later periods, and keeps a date set by hand', async () => {
    const fromUsage = await account('2026-01-01');
    const notYet = await account('2026-01-01');
    const byHand = await account('2026-01-01', '2026-01-20');
    await snapshots(fromUsage, [
      ['2026-01-31', 0],
      ['2026-03-31', 9],
      ['2026-02-28', 3]
    ]);
    await snapshots(notYet, [
      ['2026-01-31', 0],
      ['2026-04-30', 5]
    ]);
    await snapshots(byHand, [['2026-02-28', 4]]);

    const dry = await recordFirstValue(conn, {
      asOf: AS_OF,
      accountIds: [fromUsage, notYet, byHand],
      dryRun: true
    });
    expect(dry.recorded).toEqual([{ accountId: fromUsage, firstValueAt: '2026-02-28' }]);
    expect(await firstValueOf(fromUsage)).toBeNull();

    const result = await recordFirstValue(conn, {
      asOf: AS_OF,
      accountIds: [fromUsage, notYet, byHand]
    });
    expect(result.recorded).toEqual([{ accountId: fromUsage, firstValueAt: '2026-02-28' }]);
    expect(await firstValueOf(fromUsage)).toBe('2026-02-28');
    // The April period is after asOf (2026-03-01): not yet first value.
    expect(await firstValueOf(notYet)).toBeNull();
    expect(await firstValueOf(byHand)).toBe('2026-01-20');

    const rerun = await recordFirstValue(conn, { asOf: AS_OF, accountIds: [fromUsage, byHand] });
    expect(rerun.recorded).toEqual([]);
  });
});
