import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'jsforce';
import { scoreAccount } from '../../core/health/score';
import { loadProjectModel } from '../../metadata/projectModel';
import { startTestOrg, type TestOrg } from '../../testkit/testOrg';
import { coreScorer } from '../health/recompute/coreScorer';
import { recompute } from '../health/recompute/recompute';
import { orgAccess } from '../health/recompute/restOrBulkAccess';
import { watchHealth, type HealthWatch } from './watch';
import { projectHistoryPolicy } from '../../metadata/historyPolicy';

const shippedHistory = projectHistoryPolicy();

// `baton health watch` end to end: jsforce's CometD client against the local org's change
// events, rescoring through the real recompute for the accounts a burst touched.

jest.setTimeout(90_000);

let testOrg: TestOrg;
let conn: Connection;
let dir: string;
const model = loadProjectModel();
const scorer = coreScorer(model);
const today = new Date().toISOString().slice(0, 10);
/** Every rescore the watcher asked for, in order. */
const rescores: string[][] = [];

beforeAll(async () => {
  testOrg = await startTestOrg();
  conn = testOrg.conn;
  dir = mkdtempSync(join(tmpdir(), 'baton-watch-'));
});
afterAll(async () => {
  await testOrg?.close();
  rmSync(dir, { recursive: true, force: true });
});

// Each test its own state: a watcher with none starts from the events after it subscribes.
const statePath = () => join(dir, `${expect.getState().currentTestName}.json`);
const start = () =>
  watchHealth({
    conn,
    orgId: testOrg.org.organizationId(),
    statePath: statePath(),
    quietMs: 200,
    maxWaitMs: 1_000,
    rescore: async (ids) => {
      rescores.push([...ids].sort());
      const summary = await recompute(orgAccess(conn), scorer, {
        history: shippedHistory,
        selection: { kind: 'ids', ids },
        failuresFile: join(dir, 'failures.csv')
      });
      if (summary.failed > 0) throw new Error(`${summary.failed} rows failed`);
    }
  });

async function scoreOf(id: string) {
  const account = await conn.sobject('Account').retrieve(id);
  return account.Health_Score__c as number | null;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 15_000) {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

const daysAgo = (days: number) =>
  new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** A customer with enough signals for a shown score: 100 until a poor CSAT answer arrives. */
async function customers(...names: string[]): Promise<string[]> {
  const ids = (
    (await conn.sobject('Account').create(
      names.map((Name) => ({
        Name,
        Touch_Tier__c: 'High',
        Contract_Start__c: daysAgo(6),
        Overdue_Invoices__c: 0,
        Licensed_Seats__c: 10,
        CSM_Sentiment__c: 'Positive',
        CSM_Sentiment_Date__c: daysAgo(1)
      })),
      { allOrNone: true }
    )) as { id: string }[]
  ).map((result) => result.id);
  await conn.sobject('Usage_Snapshot__c').create(
    ids.map((id) => ({
      Account__c: id,
      Period_End__c: daysAgo(1),
      Active_Users__c: 8,
      Logins__c: 100
    })),
    { allOrNone: true }
  );
  return ids;
}

/** The score the core gives such a customer after one CSAT answer. */
const expectedScore = (csat: number) =>
  scoreAccount(
    {
      id: '001000000000001',
      touchTier: 'High',
      contractStart: daysAgo(6),
      overdueInvoices: 0,
      licensedSeats: 10,
      activeUsers30d: 8,
      logins30d: 100,
      openHighPriorityCases: 0,
      escalations90d: 0,
      csmSentiment: { value: 'Positive', date: daysAgo(1) },
      surveys: [{ type: 'CSAT', score: csat, date: today }]
    },
    model,
    today
  ).score;

const survey = (account: string, score: number) => ({
  Account__c: account,
  Type__c: 'CSAT',
  Score__c: score,
  Responded_On__c: today
});

describe('baton health watch against the local org', () => {
  let watch: HealthWatch | undefined;
  afterEach(async () => {
    await watch?.stop();
    watch = undefined;
  });

  it('takes a survey written through REST to the account score within seconds, and only what moved', async () => {
    const [acme, quiet] = await customers('Watch Acme', 'Watch Quiet');
    watch = await start();
    const written = Date.now();
    await conn.sobject('Survey_Response__c').create(survey(acme, 1));

    expect(
      await until(
        () => scoreOf(acme),
        (score) => score !== null
      )
    ).toBe(expectedScore(1));
    expect(Date.now() - written).toBeLessThan(10_000);
    await watch.idle();
    expect(rescores).toEqual([[acme]]);
    expect(await scoreOf(quiet)).toBeNull();
    // The recompute's own Account write raised an event naming only Health_* fields: no rescore.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await watch.idle();
    expect(rescores).toHaveLength(1);
  });

  it('rescores the account of an updated and of a deleted survey, which their events do not name', async () => {
    const account = (await conn.sobject('Account').create({ Name: 'Watch Update' })).id!;
    const row = (await conn.sobject('Survey_Response__c').create(survey(account, 5))).id!;
    rescores.length = 0;
    // Started after the create: only a lookup by Id finds the account of the update.
    watch = await start();
    await conn.sobject('Survey_Response__c').update({ Id: row, Score__c: 1 });
    await watch.idle();
    await until(
      async () => rescores.length,
      (n) => n > 0
    );
    await watch.idle();
    expect(rescores.flat()).toEqual([account]);
    rescores.length = 0;
    await conn.sobject('Survey_Response__c').destroy(row);
    await until(
      async () => rescores.length,
      (n) => n > 0
    );
    expect(rescores.flat()).toEqual([account]);
  });

  it('applies events written while it was stopped after a restart, once', async () => {
    const [before, during] = await customers('Watch Before', 'Watch During');
    watch = await start();
    await conn.sobject('Survey_Response__c').create(survey(before, 4));
    await until(
      async () => rescores.flat().includes(before),
      (seen) => seen
    );
    await watch.idle();
    await watch.stop();
    watch = undefined;
    const stored = JSON.parse(readFileSync(statePath(), 'utf8')) as {
      replayIds: Record<string, number>;
    };
    expect(stored.replayIds['/data/Survey_Response__ChangeEvent']).toBeGreaterThan(0);

    await conn.sobject('Survey_Response__c').create(survey(during, 2));
    rescores.length = 0;
    watch = await start();
    expect(
      await until(
        () => scoreOf(during),
        (score) => score !== null
      )
    ).toBe(expectedScore(2));
    await watch.idle();
    // Resumed from the stored replay id: the survey before the stop is not applied again.
    expect(rescores).toEqual([[during]]);
  });
});
