import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'jsforce';
import { startTestOrg } from '../../testkit/testOrg';
import { parseCsv } from './csv';
import { importSurveys, importUsage } from './commands';

// Imports end to end: CSV file → zod → jsforce → local org.

type TestOrg = Awaited<ReturnType<typeof startTestOrg>>;
let testOrg: TestOrg;
let conn: Connection;
let byId: string;
let byName: string;
const EXTERNAL_ID = `ACME-${Date.now()}`;

beforeAll(async () => {
  testOrg = await startTestOrg();
  conn = testOrg.conn;
  byId = (await conn.sobject('Account').create({ Name: 'Kauppa Oy' })).id as string;
  byName = (
    await conn.sobject('Account').create({
      Name: 'Pilvi Ab',
      Website: 'https://www.pilvi.fi/en',
      External_Id__c: EXTERNAL_ID
    })
  ).id as string;
}, 60_000);

afterAll(async () => {
  await testOrg?.close();
});

const dir = mkdtempSync(join(tmpdir(), 'baton-import-'));
function csv(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

const count = async (object: string, accountId: string) =>
  (await conn.query(`SELECT COUNT() FROM ${object} WHERE Account__c = '${accountId}'`)).totalSize;

describe('baton import surveys', () => {
  const lines = () => [
    'account_id,account_external_id,account_name,account_domain,type,score,responded_on,channel,comment',
    `${byId},,,,NPS,9,2026-01-05,Email,"Great, fast onboarding"`,
    `,${EXTERNAL_ID},,,CSAT,4,5.1.2026,in-app,`,
    `,,Pilvi Ab,pilvi.fi,CES,6,2026-01-07,,`,
    `${byId},,,,NPS,11,2026-01-05,Email,`,
    `,,,,NPS,5,2026-01-05,,`,
    `,NOPE-1,,,NPS,5,2026-01-32,,`,
    `${byId},,,,NPS,9,2026-01-05,Email,"Great, fast onboarding"`
  ];

  it('with --all-or-none writes nothing when a row fails, and numbers the errors by file row', async () => {
    const file = csv('surveys-strict.csv', lines());
    const summary = await importSurveys(conn, { file, allOrNone: true });

    expect(summary.written).toBe(false);
    expect(summary.errors.map((error) => error.row)).toEqual([5, 6, 7]);
    expect(summary.errors[0].message).toMatch(/score: NPS scores run 0–10, got 11/);
    expect(summary.errors[1].message).toMatch(/name the account/);
    expect(summary.errors[2].message).toMatch(/responded_on: not a date/);
    expect(await count('Survey_Response__c', byId)).toBe(0);
    expect(await count('Survey_Response__c', byName)).toBe(0);
  });

  it('writes the good rows and a CSV of the rejected ones; re-importing changes nothing', async () => {
    const file = csv('surveys.csv', lines());
    const summary = await importSurveys(conn, { file });

    expect(summary).toMatchObject({ rows: 7, inserted: 3, duplicates: 1, rejected: 3 });
    expect(await count('Survey_Response__c', byId)).toBe(1);
    expect(await count('Survey_Response__c', byName)).toBe(2);
    const rejected = parseCsv(readFileSync(summary.rejectedFile!, 'utf8')).map((r) => r.values);
    expect(rejected.map((row) => row[0])).toEqual(['row', '5', '6', '7']);
    expect(rejected[1].at(-1)).toMatch(/NPS scores run/);

    const again = await importSurveys(conn, { file });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, duplicates: 1 });
    expect(await count('Survey_Response__c', byId)).toBe(1);
  });

  it('reads another export through a mapping, with a constant survey type', async () => {
    const file = csv('export.csv', ['Customer Id,Rating,Answered', `${byId},3,2026-02-01`]);
    const mappingFile = join(dir, 'mapping.json');
    writeFileSync(
      mappingFile,
      JSON.stringify({
        columns: { account_id: 'Customer Id', score: 'Rating', responded_on: 'Answered' },
        values: { type: 'CSAT' }
      })
    );
    const summary = await importSurveys(conn, { file, mapping: mappingFile });
    expect(summary).toMatchObject({ inserted: 1, rejected: 0 });
    const saved = await conn.query<{ Type__c: string; Score__c: number }>(
      `SELECT Type__c, Score__c FROM Survey_Response__c WHERE Account__c = '${byId}' AND Type__c = 'CSAT'`
    );
    expect(saved.records).toEqual([expect.objectContaining({ Type__c: 'CSAT', Score__c: 3 })]);
  });
});

describe('account by name and domain', () => {
  it('matches a name with a quote (escaped in SOQL) and refuses an ambiguous one', async () => {
    const quoted = (
      await conn.sobject('Account').create({ Name: "O'Brien Oy", Website: 'obrien.fi' })
    ).id as string;
    for (const website of ['twin.fi', 'http://twin.fi/'])
      await conn.sobject('Account').create({ Name: 'Kaksoset Oy', Website: website });
    const file = csv('names.csv', [
      'account_name,account_domain,type,score,responded_on',
      `"O'Brien Oy",www.OBrien.fi,NPS,10,2026-03-01`,
      `Kaksoset Oy,twin.fi,NPS,8,2026-03-01`,
      `"x' OR Name != '",nowhere.fi,NPS,8,2026-03-01`
    ]);
    const summary = await importSurveys(conn, { file });

    expect(summary).toMatchObject({ inserted: 1, rejected: 2 });
    expect(await count('Survey_Response__c', quoted)).toBe(1);
    expect(summary.errors).toEqual([
      { row: 3, message: expect.stringMatching(/2 accounts named "Kaksoset Oy".*use account_id/) },
      { row: 4, message: expect.stringMatching(/account_name: no account named/) }
    ]);
  });
});

describe('baton import usage', () => {
  it('writes snapshots, records first value from the first period with active users, and dedupes', async () => {
    const file = csv('usage.csv', [
      'account_id,period_end,active_users,logins,cancel_page_visits',
      `${byId},2026-01-31,0,0,0`,
      `${byId},2026-02-28,12,140,1`,
      `${byId},2026-03-31,15,160,0`,
      `${byId},2026-04-31,15,160,0`
    ]);
    const summary = await importUsage(conn, { file }, '2026-05-01');

    expect(summary).toMatchObject({ inserted: 3, rejected: 1, firstValueRecorded: 1 });
    expect(summary.errors[0]).toEqual({ row: 5, message: expect.stringMatching(/period_end/) });
    const account = await conn.query<{ First_Value_At__c: string }>(
      `SELECT First_Value_At__c FROM Account WHERE Id = '${byId}'`
    );
    expect(account.records[0].First_Value_At__c).toBe('2026-02-28');

    const again = await importUsage(conn, { file }, '2026-05-01');
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, firstValueRecorded: 0 });
    expect(await count('Usage_Snapshot__c', byId)).toBe(3);
  });
});
