import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'jsforce';
import { addDays } from '../../core';
import { loadProjectModel } from '../../metadata/projectModel';
import { seedDemoBook } from '../../devstack/seed/seed';
import { startTestOrg, type TestOrg } from '../../testkit/testOrg';
import { register as registerHealth } from './health';
import { register as registerOrg } from './org';
import { runCliJson } from '../../testkit/runCli';

// A year of daily `baton health recompute` over a seeded book on the local org, through the
// CLI: the history stays within its budget, the trend is what daily snapshots would give,
// `baton health compact` thins old history by the policy, and `baton org storage` and every
// recompute summary say what Baton's records cost the org.

jest.setTimeout(600_000);

const DAYS = 365;
/**
 * Snapshots per account per year the default policy may write: at most 70 for any account
 * and 45 on average (one a day is 365). Measured on this book: 28–66, 41 on average, 11 %
 * of daily storage (an account that never changes writes its 14-day heartbeat, 27).
 */
const BUDGET_PER_ACCOUNT = 70;
const BUDGET_AVERAGE = 45;
const TODAY = new Date().toISOString().slice(0, 10);
const START = addDays(TODAY, -(DAYS - 1));
const TREND_DAYS = loadProjectModel().trend.days;

let testOrg: TestOrg;
let conn: Connection;
const connect = jest.fn(async () => conn);
const dir = mkdtempSync(join(tmpdir(), 'baton-history-'));
/** Each day's Health_Score__c and Health_Trend__c by account, as the recompute wrote them. */
const scores = new Map<string, Map<string, number | null>>();
const trends = new Map<string, Map<string, number | null>>();
let lastSummary: Record<string, unknown>;

const health = (...args: string[]) =>
  runCliJson([registerHealth], connect, ['health', ...args]).finally(() => jest.restoreAllMocks());

type AccountHealth = { Id: string; Health_Score__c: number | null; Health_Trend__c: number | null };

beforeAll(async () => {
  testOrg = await startTestOrg({ twins: false });
  conn = testOrg.conn;
  await seedDemoBook(conn, { accounts: 12, seed: 7, force: true, historyWeeks: 0 });
  for (let d = 0; d < DAYS; d++) {
    const asOf = addDays(START, d);
    const { json, exitCode } = await health(
      'recompute',
      '--as-of',
      asOf,
      '--failures',
      join(dir, `failures-${asOf}.csv`)
    );
    if (exitCode !== 0) throw new Error(`recompute ${asOf}: ${JSON.stringify(json)}`);
    lastSummary = json;
    const accounts = await conn.query<AccountHealth>(
      'SELECT Id, Health_Score__c, Health_Trend__c FROM Account'
    );
    scores.set(asOf, new Map(accounts.records.map((a) => [a.Id, a.Health_Score__c])));
    trends.set(asOf, new Map(accounts.records.map((a) => [a.Id, a.Health_Trend__c])));
  }
});

afterAll(async () => {
  await testOrg?.close();
});

async function snapshotCounts(): Promise<Map<string, number>> {
  const rows = await conn.query<{ Account__c: string }>(
    'SELECT Account__c FROM Health_Snapshot__c'
  );
  const counts = new Map<string, number>();
  for (const row of rows.records) counts.set(row.Account__c, (counts.get(row.Account__c) ?? 0) + 1);
  return counts;
}

describe('health history within a storage budget', () => {
  it('a year of daily recomputes writes at most the budget per account, far below one a day', async () => {
    const counts = await snapshotCounts();
    expect(counts.size).toBe(12);
    const most = Math.max(...counts.values());
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(most).toBeLessThanOrEqual(BUDGET_PER_ACCOUNT);
    expect(total).toBeLessThanOrEqual(12 * BUDGET_AVERAGE);
    // The run says why it wrote what it wrote, and how many accounts needed nothing new.
    const tally = lastSummary.snapshots as { written: number; unchanged: number };
    expect(tally.written + tally.unchanged).toBe(12);
  });

  it('the trend on every day equals the one daily snapshots would give (today against the day trend-days before)', () => {
    const wrong: unknown[] = [];
    let compared = 0;
    for (let d = 0; d < DAYS; d++) {
      const asOf = addDays(START, d);
      for (const [id, trend] of trends.get(asOf)!) {
        const now = scores.get(asOf)!.get(id);
        const then = d < TREND_DAYS ? null : scores.get(addDays(asOf, -TREND_DAYS))!.get(id);
        // Daily snapshots give no trend before the first one is trend-days old.
        const daily = d < TREND_DAYS ? null : now == null || then == null ? undefined : now - then;
        if (daily === undefined) continue;
        compared++;
        if (trend !== daily) wrong.push({ asOf, id, trend, daily });
      }
    }
    expect(wrong).toEqual([]);
    // Days with a score both now and trend-days before (insufficient data shows none).
    expect(compared).toBeGreaterThan(1000);
  });

  it('the recompute summary and baton org storage report Baton records per object at 2 KB and their share of DataStorageMB', async () => {
    const counted = (await conn.query('SELECT COUNT() FROM Health_Snapshot__c')).totalSize;
    const { json, exitCode } = await runCliJson([registerOrg], connect, ['org', 'storage']);
    jest.restoreAllMocks();
    expect(exitCode).toBe(0);
    const snapshots = json.objects.find(
      (o: { object: string }) => o.object === 'Health_Snapshot__c'
    );
    expect(snapshots).toEqual({
      object: 'Health_Snapshot__c',
      records: counted,
      megabytes: Math.round(((counted * 2048) / 1048576) * 100) / 100
    });
    expect(json.dataStorageMegabytes).toBe(1024);
    expect(json.share).toBeCloseTo(json.megabytes / 1024, 6);
    expect(lastSummary.storage).toEqual(json);
  });

  it('baton health compact keeps 12 months whole, the newest of each month to 36 months, nothing older; again, it deletes nothing', async () => {
    const [{ Id: accountId }] = (
      await conn.query<{ Id: string }>('SELECT Id FROM Account ORDER BY Name LIMIT 1')
    ).records;
    // Daily history from before the policy: 40 months behind the year above.
    const legacy = Array.from({ length: 40 * 30 }, (_, k) => {
      const date = addDays(START, -(k + 1));
      return {
        Account__c: accountId,
        Score__c: 50,
        Status__c: 'Yellow',
        Coverage__c: 1,
        Computed_At__c: `${date}T12:00:00.000Z`,
        Snapshot_Key__c: `${accountId}-${date}`
      };
    });
    await conn
      .sobject('Health_Snapshot__c')
      .create(legacy, { allOrNone: true, allowRecursive: true });
    const month = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
    const age = (date: string) => month(TODAY) - month(date);
    const datesOf = async () =>
      (
        await conn.query<{ Computed_At__c: string }>(
          `SELECT Computed_At__c FROM Health_Snapshot__c WHERE Account__c = '${accountId}'`
        )
      ).records.map((row) => row.Computed_At__c.slice(0, 10));
    const before = await datesOf();
    const newestOf = (ym: string) =>
      before
        .filter((date) => date.startsWith(ym))
        .sort()
        .at(-1)!;
    const expectedKept = new Set([
      ...before.filter((date) => age(date) < 12),
      ...[...new Set(before.map((date) => date.slice(0, 7)))]
        .filter((ym) => age(`${ym}-01`) >= 12 && age(`${ym}-01`) < 36)
        .map(newestOf)
    ]);
    const total = async () =>
      (await conn.query('SELECT COUNT() FROM Health_Snapshot__c')).totalSize;
    const totalBefore = await total();
    const trendBefore = trends.get(TODAY);

    const dry = await health('compact', '--dry-run');
    expect(dry.exitCode).toBe(0);
    const real = await health('compact');
    expect(real.exitCode).toBe(0);
    expect(real.json.deleted).toBe(dry.json.deleted);
    expect(real.json.deleted).toBe(totalBefore - (await total()));
    expect(new Set(await datesOf())).toEqual(expectedKept);
    expect(expectedKept.size).toBeLessThan(before.length - 1000);
    const again = await health('compact');
    expect(again.json).toMatchObject({ deleted: 0, failed: 0 });

    // Today's trend is what it was: the baseline lies within the months kept whole.
    const rerun = await health('recompute', '--failures', join(dir, 'rerun.csv'));
    expect(rerun.json.compaction).toMatchObject({ deleted: 0 });
    const after = await conn.query<AccountHealth>(
      'SELECT Id, Health_Score__c, Health_Trend__c FROM Account'
    );
    expect(new Map(after.records.map((a) => [a.Id, a.Health_Trend__c]))).toEqual(trendBefore);
  });
});
