import { startTestOrg } from '../testkit/testOrg';

// Upsert by a text external id: matched case-insensitively (as an org does, and as the
// NOCASE unique index already enforces), through an index search rather than a table scan.

type TestOrg = Awaited<ReturnType<typeof startTestOrg>>;
let testOrg: TestOrg;

beforeAll(async () => {
  testOrg = await startTestOrg({ twins: false });
}, 60_000);

afterAll(async () => {
  await testOrg?.close();
});

describe('upsert by external id in the local org', () => {
  it('updates the record whose key differs only in case, looking it up through the index', async () => {
    const store = testOrg.org.core.store;
    const sql: string[] = [];
    const stmt = store.stmt.bind(store);
    const spy = jest.spyOn(store, 'stmt').mockImplementation((text: string) => {
      sql.push(text);
      return stmt(text);
    });
    const tasks = testOrg.conn.sobject('Task');
    const first = await tasks.upsert(
      { Touchpoint_Key__c: 'ACME:Kickoff', Subject: 'Kickoff' },
      'Touchpoint_Key__c'
    );
    const second = await tasks.upsert(
      { Touchpoint_Key__c: 'acme:kickoff', Subject: 'Kickoff (moved)' },
      'Touchpoint_Key__c'
    );
    spy.mockRestore();

    expect(first).toMatchObject({ success: true, created: true });
    expect(second).toMatchObject({ success: true, created: false });
    const rows = await testOrg.conn.query<{ Subject: string }>(
      "SELECT Subject FROM Task WHERE Touchpoint_Key__c = 'ACME:Kickoff'"
    );
    expect(rows.records.map((row) => row.Subject)).toEqual(['Kickoff (moved)']);

    const lookup = sql.find((text) => text.includes('"Touchpoint_Key__c" = ?'));
    expect(lookup).toBeDefined();
    const plan = store.db
      .prepare(`EXPLAIN QUERY PLAN ${lookup}`)
      .all('x')
      .map((row) => (row as { detail: string }).detail)
      .join('\n');
    expect(plan).toMatch(/SEARCH .*USING INDEX ix2_Task_Touchpoint_Key__c/);
  });
});
