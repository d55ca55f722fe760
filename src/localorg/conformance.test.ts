import type { Connection } from 'jsforce';
import { startTestOrg, type TestOrg } from '../testkit/testOrg';

// The local org as jsforce sees it: every assertion goes through the public REST API.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- nested query records are read freely in assertions
type Row = Record<string, any>;
let t: TestOrg;
let conn: Connection;

beforeAll(async () => {
  t = await startTestOrg({ twins: false });
  conn = t.conn;
});
afterAll(() => t.close());

async function errorOf(promise: PromiseLike<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { name: string; message: string };
  }
  throw new Error('expected the call to fail');
}

describe('local org through jsforce', () => {
  it('creates, reads, updates and deletes with 18-character ids and system fields', async () => {
    const created = (await conn
      .sobject('Account')
      .create({ Name: 'Kivi Media Oy', MRR__c: 1200 })) as { id: string; success: boolean };
    expect(created.success).toBe(true);
    expect(created.id).toMatch(/^001[a-zA-Z0-9]{15}$/);
    await conn.sobject('Account').update({ Id: created.id, Touch_Tier__c: 'Low' });
    const record = (await conn.sobject('Account').retrieve(created.id)) as Record<string, unknown>;
    expect(record).toMatchObject({
      Name: 'Kivi Media Oy',
      MRR__c: 1200,
      Touch_Tier__c: 'Low',
      CreatedById: t.org.users.find((u) => u.persona === 'admin')!.id
    });
    expect(String(record.CreatedDate)).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/
    );
    await conn.sobject('Account').destroy(created.id);
    expect((await errorOf(conn.sobject('Account').retrieve(created.id))).name).toBe('NOT_FOUND');
  });

  it('honours allOrNone in collections both ways', async () => {
    const rows = [{ LastName: 'Laine' }, { FirstName: 'No last name' }];
    const all = (await conn.sobject('Contact').create(rows, { allOrNone: true })) as {
      success: boolean;
      errors: { statusCode: string }[];
    }[];
    expect(all.map((r) => r.success)).toEqual([false, false]);
    expect(all[0].errors[0].statusCode).toBe('ALL_OR_NONE_OPERATION_ROLLED_BACK');
    expect(all[1].errors[0].statusCode).toBe('REQUIRED_FIELD_MISSING');
    expect(
      (await conn.query("SELECT COUNT() FROM Contact WHERE LastName = 'Laine'")).totalSize
    ).toBe(0);
    const some = (await conn.sobject('Contact').create(rows, { allOrNone: false })) as {
      success: boolean;
    }[];
    expect(some.map((r) => r.success)).toEqual([true, false]);
    expect(
      (await conn.query("SELECT COUNT() FROM Contact WHERE LastName = 'Laine'")).totalSize
    ).toBe(1);
  });

  it('answers each validation error with the Salesforce error code', async () => {
    const account = conn.sobject('Account');
    expect((await errorOf(account.create({}))).name).toBe('REQUIRED_FIELD_MISSING');
    expect((await errorOf(account.create({ Name: 'x', Touch_Tier__c: 'Gold' }))).name).toBe(
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'
    );
    expect(
      (await errorOf(account.create({ Name: 'x', Touch_Tier_Override_Reason__c: 'y'.repeat(256) })))
        .name
    ).toBe('STRING_TOO_LONG');
    expect((await errorOf(account.create({ Name: 'x', No_Such_Field__c: 1 }))).name).toBe(
      'INVALID_FIELD'
    );
    expect(
      (await errorOf(account.create({ Name: 'x', Account_Manager__c: 'not-an-id' }))).name
    ).toBe('MALFORMED_ID');
    expect(
      (await errorOf(account.create({ Name: 'x', Account_Manager__c: '005000000000000AAA' }))).name
    ).toBe('INVALID_CROSS_REFERENCE_KEY');
    expect((await errorOf(conn.query('SELECT Id FROM Nothing__c'))).name).toBe('INVALID_TYPE');
    expect((await errorOf(conn.query('SELEC Id FROM Account'))).name).toBe('MALFORMED_QUERY');
    expect((await errorOf(conn.query('SELECT Id FROM Account FOR VIEW'))).message).toMatch(
      /not supported by the local org/
    );
    const stranger = t.connAs('admin');
    stranger.accessToken = 'wrong';
    expect((await errorOf(stranger.query('SELECT Id FROM Account'))).name).toBe(
      'INVALID_SESSION_ID'
    );
  });

  it('cascades master-detail deletes', async () => {
    const { id } = (await conn.sobject('Account').create({ Name: 'Cascade Oy' })) as { id: string };
    await conn.sobject('Handover__c').create({ Account__c: id });
    expect(
      (await conn.query(`SELECT COUNT() FROM Handover__c WHERE Account__c = '${id}'`)).totalSize
    ).toBe(1);
    await conn.sobject('Account').destroy(id);
    expect(
      (await conn.query(`SELECT COUNT() FROM Handover__c WHERE Account__c = '${id}'`)).totalSize
    ).toBe(0);
    expect(
      (
        await conn.query(`SELECT Id, IsDeleted FROM Handover__c WHERE Account__c = '${id}'`, {
          scanAll: true
        })
      ).records[0]
    ).toMatchObject({ IsDeleted: true });
  });

  it('runs the SOQL Baton uses: relationships, subqueries, filters, dates, order, paging, aggregates', async () => {
    const am = t.org.users.find((u) => u.persona === 'accountManager')!;
    const ids: string[] = [];
    for (const [name, mrr, tier] of [
      ['Aalto Oy', 100, 'Tech'],
      ['Bore Oy', 5000, 'High'],
      ['Cello Oy', 900, 'Low'],
      ['Delta Oy', null, 'Low']
    ] as const) {
      ids.push(
        (
          (await conn.sobject('Account').create({
            Name: name,
            MRR__c: mrr,
            Touch_Tier__c: tier,
            Account_Manager__c: am.id,
            Contract_Start__c: '2026-01-15'
          })) as { id: string }
        ).id
      );
    }
    await conn.sobject('Contact').create({ LastName: 'Virta', AccountId: ids[1] });
    const rich = await conn.query<Row>(
      "SELECT Name, Owner.Name, Account_Manager__r.Name, (SELECT LastName FROM Contacts) FROM Account WHERE (MRR__c >= 900 OR Touch_Tier__c = 'Tech') AND NOT Name LIKE 'c%' AND Id IN ('" +
        ids.join("','") +
        "') ORDER BY MRR__c DESC NULLS LAST"
    );
    expect(rich.records.map((r) => r.Name)).toEqual(['Bore Oy', 'Aalto Oy']);
    expect(rich.records[0].Account_Manager__r.Name).toBe(am.name);
    expect(rich.records[0].Contacts.records[0].LastName).toBe('Virta');
    expect(rich.records[1].Contacts).toBeNull();
    const notIn = await conn.query<{ Name: string }>(
      `SELECT Name FROM Account WHERE Touch_Tier__c NOT IN ('High', 'Tech') AND Id IN ('${ids.join("','")}') ORDER BY Name LIMIT 1 OFFSET 1`
    );
    expect(notIn.records.map((r) => r.Name)).toEqual(['Delta Oy']);
    expect(
      (
        await conn.query(
          `SELECT COUNT() FROM Account WHERE CreatedDate = TODAY AND Id IN ('${ids.join("','")}')`
        )
      ).totalSize
    ).toBe(4);
    expect(
      (
        await conn.query(
          `SELECT COUNT() FROM Account WHERE CreatedDate < LAST_N_DAYS:3 AND Id IN ('${ids.join("','")}')`
        )
      ).totalSize
    ).toBe(0);
    expect(
      (
        await conn.query(
          `SELECT COUNT() FROM Account WHERE Contract_Start__c > 2026-01-01 AND Contract_Start__c <= 2026-01-15 AND Id IN ('${ids.join("','")}')`
        )
      ).totalSize
    ).toBe(4);
    const grouped = await conn.query<Record<string, unknown>>(
      `SELECT Touch_Tier__c tier, COUNT(Id) n, SUM(MRR__c) total, MAX(MRR__c) FROM Account WHERE Id IN ('${ids.join("','")}') GROUP BY Touch_Tier__c ORDER BY Touch_Tier__c`
    );
    expect(grouped.records.map(({ attributes: _a, ...rest }) => rest)).toEqual([
      { tier: 'High', n: 1, total: 5000, expr0: 5000 },
      { tier: 'Low', n: 2, total: 900, expr0: 900 },
      { tier: 'Tech', n: 1, total: 100, expr0: 100 }
    ]);
  });

  it('pages query results through nextRecordsUrl, 2000 at a time', async () => {
    const rows = Array.from({ length: 2100 }, (_, i) => ({ LastName: `Page ${i}` }));
    await conn.sobject('Contact').create(rows, { allOrNone: true, allowRecursive: true } as never);
    const first = await conn.query("SELECT Id FROM Contact WHERE LastName LIKE 'Page %'", {
      autoFetch: false
    } as never);
    expect(first.records).toHaveLength(2000);
    expect(first.done).toBe(false);
    const rest = await conn.queryMore(first.nextRecordsUrl!);
    expect(rest.records).toHaveLength(100);
    expect(rest.done).toBe(true);
  });

  it('describes objects from force-app metadata and counts API requests in /limits', async () => {
    const describe = await conn.sobject('Handover__c').describe();
    const status = describe.fields.find((f) => f.name === 'Status__c')!;
    expect(status.picklistValues!.map((v) => v.value)).toEqual([
      'Draft',
      'Submitted',
      'Accepted',
      'Returned'
    ]);
    expect(describe.fields.find((f) => f.name === 'Account__c')).toMatchObject({
      type: 'reference',
      referenceTo: ['Account'],
      cascadeDelete: true
    });
    const before = (
      await conn.request<{ DailyApiRequests: { Remaining: number } }>('/services/data/v62.0/limits')
    ).DailyApiRequests.Remaining;
    await conn.query('SELECT Id FROM Account LIMIT 1');
    const after = (
      await conn.request<{ DailyApiRequests: { Remaining: number } }>('/services/data/v62.0/limits')
    ).DailyApiRequests.Remaining;
    expect(before - after).toBe(2);
  });

  it('posts to Chatter with a mention, readable from the feed, from SOQL and as a notification', async () => {
    const { id: accountId } = (await conn.sobject('Account').create({ Name: 'Chatter Oy' })) as {
      id: string;
    };
    const am = t.org.users.find((u) => u.persona === 'accountManager')!;
    const post = await conn.request<{ id: string }>({
      method: 'POST',
      url: '/services/data/v62.0/chatter/feed-elements',
      body: JSON.stringify({
        feedElementType: 'FeedItem',
        subjectId: accountId,
        body: {
          messageSegments: [
            { type: 'Text', text: '<b>Handover</b> for ' },
            { type: 'Mention', id: am.id }
          ]
        }
      }),
      headers: { 'Content-Type': 'application/json' }
    });
    const feed = await conn.request<{
      elements: {
        id: string;
        body: { messageSegments: { type: string; record?: { id: string } }[] };
      }[];
    }>(`/services/data/v62.0/chatter/feeds/record/${accountId}/feed-elements`);
    expect(feed.elements[0].id).toBe(post.id);
    expect(feed.elements[0].body.messageSegments[1]).toMatchObject({
      type: 'Mention',
      record: { id: am.id }
    });
    const items = await conn.query<{ Body: string }>(
      `SELECT Body FROM FeedItem WHERE ParentId = '${accountId}'`
    );
    expect(items.records[0].Body).toBe(`<b>Handover</b> for @${am.name}`);
    const notifications = await t
      .connAs('accountManager')
      .request<{ notifications: { target: string }[] }>(
        '/services/data/v62.0/connect/notifications'
      );
    expect(notifications.notifications[0].target).toBe(accountId);
  });

  it('serves UI API records for Lightning Data Service, with lookup display values', async () => {
    const am = t.org.users.find((u) => u.persona === 'accountManager')!;
    const { id } = (await conn
      .sobject('Account')
      .create({ Name: 'Ui Oy', Account_Manager__c: am.id })) as { id: string };
    const record = await conn.request<{
      fields: Record<string, { value: unknown; displayValue: unknown }>;
    }>(`/services/data/v62.0/ui-api/records/${id}?fields=Account.Name,Account.Account_Manager__c`);
    expect(record.fields.Name.value).toBe('Ui Oy');
    expect(record.fields.Account_Manager__c).toEqual({ value: am.id, displayValue: am.name });
    await conn.request({
      method: 'PATCH',
      url: `/services/data/v62.0/ui-api/records/${id}`,
      body: JSON.stringify({ fields: { Customer_Stage__c: 'Onboarding' } }),
      headers: { 'Content-Type': 'application/json' }
    });
    expect(
      ((await conn.sobject('Account').retrieve(id)) as Record<string, unknown>).Customer_Stage__c
    ).toBe('Onboarding');
  });

  it('gives each demo persona its Baton permission set', async () => {
    const assignments = await conn.query<Row>(
      "SELECT Assignee.Name FROM PermissionSetAssignment WHERE PermissionSet.Name = 'Baton_Account_Manager' ORDER BY Assignee.Name"
    );
    const managers = t.org.users
      .filter((u) => u.persona === 'accountManager')
      .map((u) => u.name)
      .sort();
    expect(assignments.records.map((r) => r.Assignee.Name)).toEqual(managers);
  });

  it('dispatches Apex calls to the registered TypeScript twin as the calling user', async () => {
    t.org.registerApexTwin('EchoController', 'whoAmI', async (ctx, params) => ({
      userId: ctx.userId,
      params
    }));
    const seller = t.org.users.find((u) => u.persona === 'seller')!;
    const result = await t.connAs('seller').request({
      method: 'POST',
      url: '/services/apexrest-local/EchoController/whoAmI',
      body: JSON.stringify({ a: 1 }),
      headers: { 'Content-Type': 'application/json' }
    });
    expect(result).toEqual({ userId: seller.id, params: { a: 1 } });
  });
});
