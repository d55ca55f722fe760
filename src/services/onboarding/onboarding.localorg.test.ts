import type { Connection } from 'jsforce';
import { startTestOrg } from '../../localorg/testing';
import { addDays } from '../touchpoints/days';
import { alertMissedFirstValue } from './missedFirstValue';

// The missed-first-value alert end to end: jsforce → local org → Chatter (FeedItem).

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
    expect(first.alerts.find((alert) => alert.accountId === late)).toMatchObject({
      accountManagerId: amId,
      days: 45
    });

    const second = await alertMissedFirstValue(conn, { asOf: addDays(AS_OF, 1), targetDays: 30 });
    expect(second.alerts.map((alert) => alert.accountId)).not.toContain(late);
    expect(await posts(late)).toBe(1);
    expect(await posts(reached)).toBe(0);
  });
});
