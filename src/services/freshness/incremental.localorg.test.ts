import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Connection } from 'jsforce';
import { addDays } from '../../core/dates';
import { loadProjectModel } from '../../metadata/projectModel';
import { startTestOrg, type TestOrg } from '../../testkit/testOrg';
import { coreScorer } from '../health/recompute/coreScorer';
import { recompute } from '../health/recompute/recompute';
import { orgAccess } from '../health/recompute/restOrBulkAccess';
import { recomputeChanged } from './incremental';
import { projectHistoryPolicy } from '../../metadata/historyPolicy';

const shippedHistory = projectHistoryPolicy();

// `baton health recompute --changed` is exact: two local orgs receive the same random signal
// writes day after day; one is scored by full runs, the other by --changed runs, and after
// every step their accounts' health fields and snapshots are the same.

jest.setTimeout(300_000);

const scorer = coreScorer(loadProjectModel());
const today = new Date().toISOString().slice(0, 10);
let full: TestOrg;
let incremental: TestOrg;
let dir: string;

beforeAll(async () => {
  [full, incremental] = await Promise.all([
    startTestOrg({ twins: false }),
    startTestOrg({ twins: false })
  ]);
  dir = mkdtempSync(join(tmpdir(), 'baton-changed-'));
});
afterAll(async () => {
  await Promise.all([full?.close(), incremental?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const ACCOUNTS = 4;
const account = fc.integer({ min: 0, max: ACCOUNTS - 1 });
/** Days from the step's asOf: some signals are dated ahead and count from their day. */
const offset = (min: number, max: number) => fc.integer({ min, max });
const write = fc.oneof(
  fc.record({
    kind: fc.constant('survey' as const),
    account,
    type: fc.constantFrom('NPS', 'CSAT', 'CES'),
    score: fc.integer({ min: 1, max: 5 }),
    // Often ahead: such an answer waits in no run's window until its day.
    day: fc.oneof(offset(-120, 0), offset(1, 20))
  }),
  fc.record({
    kind: fc.constant('rescore' as const),
    pick: fc.nat(),
    score: fc.integer({ min: 1, max: 5 })
  }),
  fc.record({ kind: fc.constant('unanswer' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('usage' as const),
    account,
    end: offset(-60, 10),
    active: fc.integer({ min: 0, max: 20 }),
    logins: fc.integer({ min: 1, max: 300 })
  }),
  fc.record({
    kind: fc.constant('case' as const),
    account,
    escalated: fc.boolean(),
    high: fc.boolean()
  }),
  fc.record({
    kind: fc.constant('meeting' as const),
    account,
    day: fc.oneof(offset(-150, 0), offset(1, 15))
  }),
  fc.record({
    kind: fc.constant('account' as const),
    account,
    tier: fc.constantFrom('High', 'Low', 'Tech', null),
    sentiment: fc.constantFrom('Positive', 'Neutral', 'Negative', null),
    sentimentDay: offset(-100, 5),
    override: fc.constantFrom('Green', 'Red', null, null),
    overrideUntil: offset(-3, 30),
    onboarding: fc.option(offset(-80, 10), { nil: null }),
    firstValue: fc.option(offset(-60, 20), { nil: null }),
    invoices: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null })
  })
);
const step = fc.record({
  writes: fc.array(write, { maxLength: 5 }),
  days: fc.constantFrom(0, 1, 2, 3, 5, 8, 13, 29)
});
type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

/** One org's book: its accounts and survey rows, by position, so both orgs get the same writes. */
class Book {
  accounts: string[] = [];
  surveys: string[] = [];
  constructor(readonly conn: Connection) {}

  async open(run: number) {
    const rows = Array.from({ length: ACCOUNTS }, (_, k) => ({
      Name: `Run ${run} account ${k}`,
      Touch_Tier__c: ['High', 'Low', 'Tech', 'High'][k],
      Licensed_Seats__c: 10 + k,
      Contract_Start__c: addDays(today, -30 * k)
    }));
    this.accounts = (
      (await this.conn.sobject('Account').create(rows, { allOrNone: true })) as { id: string }[]
    ).map((result) => result.id);
    this.surveys = [];
  }

  async apply(writes: Write[], asOf: string) {
    const at = (days: number) => addDays(asOf, days);
    for (const w of writes) {
      if (w.kind === 'survey') {
        const result = await this.conn.sobject('Survey_Response__c').create({
          Account__c: this.accounts[w.account],
          Type__c: w.type,
          Score__c: w.score,
          Responded_On__c: at(w.day)
        });
        this.surveys.push(result.id!);
      } else if (w.kind === 'rescore' && this.surveys.length) {
        const id = this.surveys[w.pick % this.surveys.length];
        await this.conn.sobject('Survey_Response__c').update({ Id: id, Score__c: w.score });
      } else if (w.kind === 'unanswer' && this.surveys.length) {
        const [id] = this.surveys.splice(w.pick % this.surveys.length, 1);
        await this.conn.sobject('Survey_Response__c').destroy(id);
      } else if (w.kind === 'usage')
        await this.conn.sobject('Usage_Snapshot__c').create({
          Account__c: this.accounts[w.account],
          Period_End__c: at(w.end),
          Active_Users__c: w.active,
          Logins__c: w.logins
        });
      else if (w.kind === 'case')
        await this.conn.sobject('Case').create({
          AccountId: this.accounts[w.account],
          Subject: 'Signal',
          Priority: w.high ? 'High' : 'Low',
          IsEscalated: w.escalated
        });
      else if (w.kind === 'meeting')
        await this.conn.sobject('Task').create({
          WhatId: this.accounts[w.account],
          Subject: 'Review',
          Type: 'Meeting',
          Status: 'Completed',
          ActivityDate: at(w.day)
        });
      else if (w.kind === 'account')
        await this.conn.sobject('Account').update({
          Id: this.accounts[w.account],
          Touch_Tier__c: w.tier,
          CSM_Sentiment__c: w.sentiment,
          CSM_Sentiment_Date__c: w.sentiment ? at(w.sentimentDay) : null,
          Health_Override__c: w.override,
          Health_Override_Until__c: w.override ? at(w.overrideUntil) : null,
          Onboarding_Started__c: w.onboarding === null ? null : at(w.onboarding),
          First_Value_At__c: w.firstValue === null ? null : at(w.firstValue),
          Overdue_Invoices__c: w.invoices
        });
    }
  }

  /** What a run writes, by account position: the Account's health fields and its snapshots. */
  async health() {
    const ids = this.accounts.map((id) => `'${id}'`).join(', ');
    const accounts = await this.conn.query<Record<string, unknown>>(
      `SELECT Id, Health_Score__c, Health_Status__c, Health_Trend__c, Health_Coverage__c, Health_Alert_Status__c FROM Account WHERE Id IN (${ids})`
    );
    const snapshots = await this.conn.query<Record<string, unknown>>(
      `SELECT Account__c, Score__c, Status__c, Coverage__c, Override_Status__c, Breakdown__c, Computed_At__c FROM Health_Snapshot__c WHERE Account__c IN (${ids})`,
      { autoFetch: true, maxFetch: 100_000 }
    );
    const position = (id: unknown) =>
      this.accounts.findIndex((a) => a.slice(0, 15) === String(id).slice(0, 15));
    return {
      accounts: accounts.records
        .map(({ Id, attributes: _, ...fields }) => ({ at: position(Id), ...fields }))
        .sort((a, b) => a.at - b.at),
      snapshots: snapshots.records
        .map(({ Account__c, Computed_At__c, attributes: _, ...fields }) => ({
          at: position(Account__c),
          day: String(Computed_At__c).slice(0, 10),
          ...fields
        }))
        .sort((a, b) => a.at - b.at || a.day.localeCompare(b.day))
    };
  }
}

it('scores, over random books and days, exactly what a full run scores', async () => {
  let run = 0;
  let skipped = 0;
  let scored = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 7 }), async (steps) => {
      run++;
      const a = new Book(full.conn);
      const b = new Book(incremental.conn);
      await Promise.all([a.open(run), b.open(run)]);
      const statePath = join(dir, `state-${run}.json`);
      let asOf = today;
      for (const { writes, days } of steps) {
        await a.apply(writes, asOf);
        await b.apply(writes, asOf);
        asOf = addDays(asOf, days);
        const fullRun = await recompute(orgAccess(full.conn), scorer, {
          history: shippedHistory,
          selection: { kind: 'ids', ids: a.accounts },
          asOf,
          failuresFile: join(dir, 'full-failures.csv')
        });
        const changedRun = await recomputeChanged(incremental.conn, scorer, {
          history: shippedHistory,
          orgId: 'incremental',
          statePath,
          changed: true,
          // One machine for both: no clock skew to allow for, so the test sees what is skipped.
          skewMs: 0,
          asOf,
          failuresFile: join(dir, 'changed-failures.csv')
        });
        expect(fullRun.failed + changedRun.summary.failed).toBe(0);
        const due = new Set(changedRun.due?.ids ?? b.accounts.map((id) => id.slice(0, 15)));
        skipped += b.accounts.filter((id) => !due.has(id.slice(0, 15))).length;
        scored += b.accounts.length - b.accounts.filter((id) => !due.has(id.slice(0, 15))).length;
        expect(await b.health()).toEqual(await a.health());
      }
    }),
    { numRuns: 15, endOnFailure: true }
  );
  // The runs compared did leave accounts alone: the incremental path was tested, not bypassed.
  // (A twentieth: how many a random book leaves alone varies from run to run.)
  expect(skipped).toBeGreaterThan(scored / 20);
});

it('scores an answer dated ahead on its day, with nothing else written', async () => {
  const a = new Book(full.conn);
  const b = new Book(incremental.conn);
  await Promise.all([a.open(1000), b.open(1000)]);
  const statePath = join(dir, 'state-ahead.json');
  const steps: { writes: Write[]; days: number }[] = [
    { writes: [{ kind: 'survey', account: 1, type: 'CSAT', score: 1, day: 5 }], days: 0 },
    { writes: [], days: 3 },
    { writes: [], days: 3 }
  ];
  let asOf = today;
  for (const { writes, days } of steps) {
    await a.apply(writes, asOf);
    await b.apply(writes, asOf);
    asOf = addDays(asOf, days);
    await recompute(orgAccess(full.conn), scorer, {
      history: shippedHistory,
      selection: { kind: 'ids', ids: a.accounts },
      asOf,
      failuresFile: join(dir, 'full-failures.csv')
    });
    await recomputeChanged(incremental.conn, scorer, {
      history: shippedHistory,
      orgId: 'incremental',
      statePath,
      changed: true,
      skewMs: 0,
      asOf,
      failuresFile: join(dir, 'changed-failures.csv')
    });
    expect(await b.health()).toEqual(await a.health());
  }
});
