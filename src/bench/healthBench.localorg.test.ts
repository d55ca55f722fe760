import { seededBenchOrg } from './benchOrg';
import type { TestOrg } from '../testkit/testOrg';
import { healthBenchFill } from './benchSignals';
import { coreScorer } from '../services/health/recompute/coreScorer';
import { naiveRecompute } from '../testkit/naiveRecompute';
import { recompute } from '../services/health/recompute/recompute';
import { orgAccess } from '../services/health/recompute/restOrBulkAccess';
import { loadProjectModel } from '../metadata/projectModel';
import { projectHistoryPolicy } from '../metadata/historyPolicy';

const shippedHistory = projectHistoryPolicy();

// The recompute bench's own parts, through jsforce → local org: the seeded book really spans
// every band, and the naive baseline computes what the recompute does (so the bench compares
// two ways of doing the same work, not a cheaper one).

jest.setTimeout(60_000);

const ASOF = new Date().toISOString().slice(0, 10);
let testOrg: TestOrg;

beforeAll(async () => {
  testOrg = await seededBenchOrg(60, ASOF, true, healthBenchFill(ASOF));
});

afterAll(async () => {
  await testOrg?.close();
});

type Health = { Id: string; Health_Score__c: number | null; Health_Status__c: string | null };

async function healthById(): Promise<Map<string, Health>> {
  const result = await testOrg.conn.query<Health>(
    'SELECT Id, Health_Score__c, Health_Status__c, Health_Trend__c FROM Account'
  );
  return new Map(
    result.records.map(({ attributes: _a, ...row }: Health & { attributes?: unknown }) => [
      row.Id,
      row
    ])
  );
}

test('the bench book has 10 signal rows per account and every band', async () => {
  const count = async (object: string) =>
    (await testOrg.conn.query(`SELECT COUNT() FROM ${object}`)).totalSize;
  const rows = await Promise.all(
    ['Survey_Response__c', 'Usage_Snapshot__c', 'Case', 'Task', 'Health_Snapshot__c'].map(count)
  );
  expect(rows).toEqual([180, 120, 120, 120, 60]);
  const summary = await recompute(orgAccess(testOrg.conn), coreScorer(loadProjectModel()), {
    asOf: ASOF,
    history: shippedHistory
  });
  expect(summary.failed).toBe(0);
  expect(summary.scored).toBe(60);
  for (const status of ['Green', 'Yellow', 'Red', 'Insufficient data'])
    expect(summary.byStatus[status]).toBeGreaterThan(0);
});

test('the naive baseline writes what the recompute wrote', async () => {
  const expected = await healthById();
  const ids = [...expected.keys()];
  await testOrg.conn.sobject('Account').update(
    ids.map((Id) => ({ Id, Health_Score__c: null, Health_Status__c: null, Health_Trend__c: null })),
    { allOrNone: true }
  );
  const done = await naiveRecompute(testOrg.conn, coreScorer(loadProjectModel()), ids, ASOF);
  expect(done).toEqual({ accounts: 60, written: 60 });
  expect(await healthById()).toEqual(expected);
});
