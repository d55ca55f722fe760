import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'jsforce';
import { register } from '../../cli/topics/health';
import { runCliJson } from '../../testkit/runCli';
import { startTestOrg, type TestOrg } from '../../testkit/testOrg';
import { DEMO_HISTORY_WEEKS, seedDemoBook } from './seed';

// A fresh demo book carries half a year of health history, so its first recompute shows
// trends instead of "No trend yet" everywhere.

jest.setTimeout(120_000);

let testOrg: TestOrg;
let conn: Connection;

beforeAll(async () => {
  testOrg = await startTestOrg();
  conn = testOrg.conn;
});

afterAll(async () => {
  await testOrg?.close();
});

it('the seeded book has weekly history, and the first recompute gives most accounts a trend', async () => {
  const seeded = await seedDemoBook(conn, { accounts: 10, seed: 5 });
  const history = await conn.query<{ Account__c: string; Computed_At__c: string }>(
    'SELECT Account__c, Computed_At__c FROM Health_Snapshot__c'
  );
  expect(seeded.counts.Health_Snapshot__c).toBe(history.totalSize);
  const perAccount = new Map<string, number>();
  for (const row of history.records)
    perAccount.set(row.Account__c, (perAccount.get(row.Account__c) ?? 0) + 1);
  expect(perAccount.size).toBe(10);
  expect(Math.max(...perAccount.values())).toBeLessThanOrEqual(DEMO_HISTORY_WEEKS);
  // The seeded usage, surveys and meetings reach back as far as the history: the oldest
  // week's scores rest on enough data for every account whose contract had started then.
  const oldest = history.records.reduce(
    (min, row) => (row.Computed_At__c < min ? row.Computed_At__c : min),
    '9'
  );
  const first = await conn.query<{ Status__c: string; Account__r: { Contract_Start__c: string } }>(
    `SELECT Status__c, Account__r.Contract_Start__c FROM Health_Snapshot__c WHERE Computed_At__c = ${oldest}`
  );
  const customers = first.records.filter(
    (r) => r.Account__r.Contract_Start__c < oldest.slice(0, 10)
  );
  expect(customers.length).toBeGreaterThan(3);
  expect(customers.filter((r) => r.Status__c === 'Insufficient data')).toEqual([]);

  const dir = mkdtempSync(join(tmpdir(), 'baton-seed-history-'));
  const { exitCode } = await runCliJson([register], async () => conn, [
    'health',
    'recompute',
    '--failures',
    join(dir, 'failures.csv')
  ]);
  jest.restoreAllMocks();
  expect(exitCode).toBe(0);
  const accounts = await conn.query<{
    Health_Score__c: number | null;
    Health_Trend__c: number | null;
  }>('SELECT Health_Score__c, Health_Trend__c FROM Account');
  const scored = accounts.records.filter((a) => a.Health_Score__c !== null);
  const withTrend = scored.filter((a) => a.Health_Trend__c !== null);
  expect(scored.length).toBeGreaterThan(5);
  expect(withTrend.length).toBe(scored.length);
});
