import { bulkIngest, bulkQuery } from '../org/bulk';
import { startTestOrg, type TestOrg } from '../testkit/testOrg';

// Bulk export pages (SQLite-built CSV where it can be, JS where a value needs quoting or a
// number SQLite would write otherwise) against the REST API's values for the same records.
let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg({ twins: false });
  const tricky = [
    { Name: 'Export "quoted", Oy', MRR__c: 0.1 + 0.2 },
    { Name: 'Export two\nlines Oy', MRR__c: 1e-7 },
    { Name: 'Export Hyvä 😀 Oy', MRR__c: 1234.56, Strategic_Account__c: true }
  ];
  const plain = Array.from({ length: 297 }, (_, i) => ({
    Name: `Export ${i} Oy`,
    MRR__c: i % 3 === 0 ? null : i % 3 === 1 ? i * 10 : i + 0.25,
    Strategic_Account__c: i % 2 === 0,
    Contract_Start__c: i % 5 === 0 ? '2026-03-01' : null
  }));
  // The tricky rows land in the middle page: the pages around them take the SQLite path.
  const rows = [...plain.slice(0, 150), ...tricky, ...plain.slice(150)];
  const result = await bulkIngest(t.conn, 'Account', 'insert', rows);
  if (result.failed.length) throw new Error(`Seed rows failed: ${result.failed[0].error}`);
});
afterAll(() => t.close());

const SOQL =
  "SELECT Id, Name, MRR__c, Strategic_Account__c, Contract_Start__c FROM Account WHERE Name LIKE 'Export %'";

describe('Bulk API 2.0 export', () => {
  it('pages an unordered query in storage order: every row once, values as REST has them', async () => {
    const exported: Record<string, string>[] = [];
    const batches: number[] = [];
    for await (const batch of bulkQuery(t.conn, SOQL, { maxRecords: 70 })) {
      batches.push(batch.length);
      exported.push(...batch);
    }
    expect(batches).toEqual([70, 70, 70, 70, 20]);
    const rest = await t.conn.query<Record<string, unknown>>(SOQL).run({ autoFetch: true });
    const asCsv = (value: unknown) => (value === null || value === undefined ? '' : String(value));
    const expected = rest.records.map((r) => ({
      Id: asCsv(r.Id),
      Name: asCsv(r.Name),
      MRR__c: asCsv(r.MRR__c),
      Strategic_Account__c: asCsv(r.Strategic_Account__c),
      Contract_Start__c: asCsv(r.Contract_Start__c)
    }));
    const byId = (a: Record<string, string>, b: Record<string, string>) => a.Id.localeCompare(b.Id);
    expect(exported.sort(byId)).toEqual(expected.sort(byId));
    expect(exported.find((r) => r.Name.startsWith('Export "'))?.MRR__c).toBe('0.30000000000000004');
    expect(exported.find((r) => r.Name === 'Export 1 Oy')).toMatchObject({
      MRR__c: '10',
      Strategic_Account__c: 'false'
    });
  });

  it('reads a job that fits in one page whole, and stops cleanly when the caller leaves early', async () => {
    const whole: number[] = [];
    for await (const batch of bulkQuery(t.conn, SOQL)) whole.push(batch.length);
    expect(whole).toEqual([300]);
    for await (const batch of bulkQuery(t.conn, SOQL, { maxRecords: 100 })) {
      expect(batch).toHaveLength(100);
      break;
    }
    const count = await t.conn.query("SELECT COUNT() FROM Account WHERE Name LIKE 'Export %'");
    expect(count.totalSize).toBe(300);
  });

  it('pages an unordered query through a parent relationship in storage order too', async () => {
    const owners: string[] = [];
    const names = new Set<string>();
    for await (const batch of bulkQuery(
      t.conn,
      "SELECT Name, Owner.Name FROM Account WHERE Name LIKE 'Export %'",
      { maxRecords: 120 }
    ))
      for (const record of batch) {
        owners.push(record['Owner.Name']);
        names.add(record.Name);
      }
    expect(owners).toHaveLength(300);
    expect(names.size).toBe(300);
    expect(new Set(owners)).toEqual(new Set(['Baton Admin']));
  });

  it('quotes names with commas, quotes and line breaks in SQLite pages as REST has them', async () => {
    const soql = "SELECT Id, Name FROM Account WHERE Name LIKE 'Export %'";
    const exported: Record<string, string>[] = [];
    for await (const batch of bulkQuery(t.conn, soql, { maxRecords: 70 })) exported.push(...batch);
    const rest = await t.conn.query<{ Id: string; Name: string }>(soql).run({ autoFetch: true });
    const byId = (a: Record<string, string>, b: Record<string, string>) => a.Id.localeCompare(b.Id);
    expect(exported.sort(byId)).toEqual(
      rest.records.map((r) => ({ Id: r.Id, Name: r.Name })).sort(byId)
    );
    expect(exported.map((r) => r.Name)).toContain('Export two\nlines Oy');
  });
});
