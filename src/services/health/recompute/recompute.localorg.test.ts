import { loadProjectModel } from '../../../metadata/projectModel';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'jsforce';
import {
  addDays,
  readBreakdown,
  scoreAccount,
  type AccountSignals,
  type HealthResult
} from '../../../core';
import { seedDemoBook } from '../../../devstack/seed/seed';
import { csvRowBytes } from '../../../org/bulk';
import { startTestOrg, type TestOrg } from '../../../testkit/testOrg';
import { coreScorer } from './coreScorer';
import type { OrgAccess, RowResult } from './orgAccess';
import { recompute, recomputeHealth, type RecomputeRunOptions } from './recompute';
import { orgAccess } from './restOrBulkAccess';
import { projectHistoryPolicy } from '../../../metadata/historyPolicy';

const shippedHistory = projectHistoryPolicy();

// The health recompute end to end: jsforce → local org (SQLite), the project's model. Each
// test makes its own accounts with known signals and recomputes only those, so the expected
// result is the core's own answer for the same signals, written by hand below.

jest.setTimeout(60_000);

let testOrg: TestOrg;
let conn: Connection;
let managerId: string;
const model = loadProjectModel();
const scorer = coreScorer(model);
const AS_OF = new Date().toISOString().slice(0, 10);
const day = (daysAgo: number) => addDays(AS_OF, -daysAgo);
const dir = mkdtempSync(join(tmpdir(), 'baton-recompute-'));
const noWait = { sleep: async () => undefined };

beforeAll(async () => {
  testOrg = await startTestOrg();
  conn = testOrg.conn;
  managerId = testOrg.org.users.find((user) => user.persona === 'accountManager')!.id;
});

afterAll(async () => {
  await testOrg?.close();
});

type Row = Record<string, unknown>;

/** The number the Account shows: none for a score that rests on too little data. */
const shownScore = (core: HealthResult) =>
  core.status === model.insufficientStatus ? null : core.score;

async function create(type: string, rows: Row[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const results = (await conn.sobject(type).create(rows, { allOrNone: true })) as {
    id: string;
  }[];
  return results.map((result) => result.id);
}

/**
 * An account with its signal records, and the same signals as the core's input. Records
 * outside the model's windows (old surveys, closed or low-priority cases, open tasks) are
 * created too and given to the core as well: the core decides what counts, the service
 * must agree.
 */
interface Book {
  account: Row;
  surveys?: { type: 'NPS' | 'CSAT' | 'CES'; score: number; daysAgo: number }[];
  usage?: { daysAgo: number; active: number; logins: number }[];
  openHighCases?: number;
  escalatedCases?: number;
  otherCases?: number;
  meetings?: { daysAgo: number; as: 'Task' | 'Event'; completed?: boolean }[];
  snapshots?: { daysAgo: number; score: number }[];
}

async function makeAccount(
  name: string,
  book: Book
): Promise<{ id: string; signals: AccountSignals }> {
  const [id] = await create('Account', [
    { Name: name, Account_Manager__c: managerId, ...book.account }
  ]);
  const surveys = book.surveys ?? [];
  const usage = book.usage ?? [];
  const meetings = book.meetings ?? [];
  await create(
    'Survey_Response__c',
    surveys.map((s) => ({
      Account__c: id,
      Type__c: s.type,
      Score__c: s.score,
      Responded_On__c: day(s.daysAgo)
    }))
  );
  await create(
    'Usage_Snapshot__c',
    usage.map((u) => ({
      Account__c: id,
      Period_End__c: day(u.daysAgo),
      Active_Users__c: u.active,
      Logins__c: u.logins
    }))
  );
  const cases = [
    ...Array.from({ length: book.openHighCases ?? 0 }, () => ({
      Priority: 'High',
      Status: 'Working'
    })),
    ...Array.from({ length: book.escalatedCases ?? 0 }, () => ({
      Priority: 'Low',
      Status: 'Closed',
      IsEscalated: true
    })),
    ...Array.from({ length: book.otherCases ?? 0 }, (_, k) => ({
      Priority: k % 2 ? 'High' : 'Medium',
      Status: k % 2 ? 'Closed' : 'New'
    }))
  ];
  await create(
    'Case',
    cases.map((c) => ({ AccountId: id, Subject: 'Signal', ...c }))
  );
  for (const m of meetings) {
    const completed = m.completed !== false;
    await create(m.as, [
      m.as === 'Task'
        ? {
            WhatId: id,
            Subject: 'Review',
            Type: 'Meeting',
            Status: completed ? 'Completed' : 'Not Started',
            ActivityDate: day(m.daysAgo)
          }
        : { WhatId: id, Subject: 'Review', Type: 'Call', ActivityDate: day(m.daysAgo) }
    ]);
  }
  await create(
    'Health_Snapshot__c',
    (book.snapshots ?? []).map((s) => ({
      Account__c: id,
      Score__c: s.score,
      Status__c: 'Green',
      Computed_At__c: `${day(s.daysAgo)}T10:00:00.000Z`,
      Snapshot_Key__c: `${id}-${day(s.daysAgo)}`
    }))
  );
  const a = book.account;
  const touches = meetings.filter((m) => m.completed !== false).map((m) => m.daysAgo);
  // "Last 30 days" is the newest period if it ended within 45 days; the previous one ended
  // 25–45 days before it (months are 28–31 days, imports run late).
  const periods = [...usage].sort((x, y) => x.daysAgo - y.daysAgo);
  const latest = periods[0] && periods[0].daysAgo < 45 ? periods[0] : undefined;
  const previous = latest
    ? periods.find((p) => p.daysAgo - latest.daysAgo >= 25 && p.daysAgo - latest.daysAgo <= 45)
    : undefined;
  const signals: AccountSignals = {
    id,
    touchTier: a.Touch_Tier__c as AccountSignals['touchTier'],
    contractStart: a.Contract_Start__c as string | undefined,
    onboardingStarted: a.Onboarding_Started__c as string | undefined,
    firstValueAt: a.First_Value_At__c as string | undefined,
    licensedSeats: a.Licensed_Seats__c as number | undefined,
    overdueInvoices: a.Overdue_Invoices__c as number | undefined,
    csmSentiment: a.CSM_Sentiment__c
      ? { value: a.CSM_Sentiment__c as 'Neutral', date: a.CSM_Sentiment_Date__c as string }
      : undefined,
    activeUsers30d: latest?.active,
    logins30d: latest?.logins,
    loginsPrev30d: previous?.logins,
    surveys: surveys.map((s) => ({ type: s.type, score: s.score, date: day(s.daysAgo) })),
    openHighPriorityCases: book.openHighCases ?? 0,
    escalations90d: book.escalatedCases ?? 0,
    lastTouchpointAt: touches.length ? day(Math.min(...touches)) : undefined,
    previousScores: (book.snapshots ?? []).map((s) => ({ date: day(s.daysAgo), score: s.score }))
  };
  return { id, signals };
}

type AccountHealth = {
  Health_Score__c: number | null;
  Health_Status__c: string | null;
  Health_Trend__c: number | null;
  Health_Coverage__c: number | null;
  Health_Scored_At__c: string | null;
  Health_Alert_Status__c: string | null;
};

async function healthOf(id: string): Promise<AccountHealth> {
  const result = await conn.query<AccountHealth>(
    `SELECT Health_Score__c, Health_Status__c, Health_Trend__c, Health_Coverage__c, Health_Scored_At__c, Health_Alert_Status__c FROM Account WHERE Id = '${id}'`
  );
  return result.records[0];
}

type Snapshot = { Score__c: number | null; Status__c: string; Breakdown__c: string };
/** The day's snapshot with every field the recompute writes (and nothing else). */
async function snapshotsOf(id: string, asOf = AS_OF): Promise<Snapshot[]> {
  const result = await conn.query<Snapshot>(
    `SELECT Account__c, Score__c, Status__c, Coverage__c, Breakdown__c, Computed_At__c, Snapshot_Key__c FROM Health_Snapshot__c WHERE Snapshot_Key__c = '${id}-${asOf}'`
  );
  return result.records.map((record) => {
    const { attributes: _attributes, ...row } = record as Snapshot & { attributes?: unknown };
    return row;
  });
}

const run = (
  ids: string[],
  options: Partial<RecomputeRunOptions> = {},
  access: OrgAccess = orgAccess(conn)
) =>
  recompute(access, scorer, {
    history: shippedHistory,
    selection: { kind: 'ids', ids },
    asOf: AS_OF,
    failuresFile: join(dir, 'failures.csv'),
    retry: noWait,
    ...options
  });

const expected = (signals: AccountSignals): HealthResult => scoreAccount(signals, model, AS_OF);
const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** Signals that put an account in the worst band. */
const failing: Book = {
  account: {
    Touch_Tier__c: 'High',
    Contract_Start__c: day(500),
    Onboarding_Started__c: day(490),
    Licensed_Seats__c: 100,
    Overdue_Invoices__c: 4,
    CSM_Sentiment__c: 'Negative',
    CSM_Sentiment_Date__c: day(3)
  },
  surveys: [
    { type: 'NPS', score: 0, daysAgo: 5 },
    { type: 'NPS', score: 1, daysAgo: 40 },
    { type: 'CSAT', score: 1, daysAgo: 10 }
  ],
  usage: [
    { daysAgo: 2, active: 3, logins: 20 },
    { daysAgo: 32, active: 30, logins: 600 }
  ],
  openHighCases: 3,
  escalatedCases: 2,
  meetings: [{ daysAgo: 400, as: 'Task' }]
};

describe('health recompute through jsforce → local org', () => {
  it("writes the core's score, status, trend and coverage for the same signals (REST and Bulk)", async () => {
    const books: [string, Book][] = [
      [
        'Full Oy',
        {
          account: {
            Touch_Tier__c: 'High',
            Contract_Start__c: day(400),
            Onboarding_Started__c: day(390),
            First_Value_At__c: day(350),
            Licensed_Seats__c: 50,
            Overdue_Invoices__c: 1,
            CSM_Sentiment__c: 'Neutral',
            CSM_Sentiment_Date__c: day(20)
          },
          surveys: [
            { type: 'NPS', score: 9, daysAgo: 10 },
            { type: 'NPS', score: 6, daysAgo: 200 },
            { type: 'NPS', score: 3, daysAgo: 400 },
            { type: 'CSAT', score: 4, daysAgo: 30 },
            { type: 'CSAT', score: 2, daysAgo: 190 },
            { type: 'CES', score: 5, daysAgo: 60 }
          ],
          usage: [
            { daysAgo: 5, active: 30, logins: 400 },
            { daysAgo: 35, active: 28, logins: 500 },
            { daysAgo: 65, active: 20, logins: 300 }
          ],
          openHighCases: 1,
          escalatedCases: 1,
          otherCases: 2,
          meetings: [
            { daysAgo: 40, as: 'Task' },
            { daysAgo: 20, as: 'Event' },
            { daysAgo: 5, as: 'Task', completed: false }
          ],
          snapshots: [
            { daysAgo: 30, score: 80 },
            { daysAgo: 50, score: 40 }
          ]
        }
      ],
      [
        'Sparse Oy',
        { account: { Touch_Tier__c: 'Low' }, surveys: [{ type: 'CSAT', score: 5, daysAgo: 10 }] }
      ],
      ['Failing Oy', failing],
      [
        'Untiered Oy',
        { account: { Licensed_Seats__c: 10 }, usage: [{ daysAgo: 60, active: 9, logins: 90 }] }
      ]
    ];
    const accounts = [];
    for (const [name, book] of books) accounts.push(await makeAccount(name, book));
    const ids = accounts.map((account) => account.id);

    for (const access of [orgAccess(conn), orgAccess(conn, { queryRows: 0, writeRows: 0 })]) {
      const summary = await run(ids, {}, access);
      expect(summary).toMatchObject({ accounts: 4, scored: 4, failed: 0 });
      for (const { id, signals } of accounts) {
        const core = expected(signals);
        const stored = await healthOf(id);
        expect({ id, ...stored }).toMatchObject({
          id,
          Health_Score__c: shownScore(core),
          Health_Status__c: core.status,
          Health_Trend__c: core.status === model.insufficientStatus ? null : core.trend,
          Health_Coverage__c: round3(core.coverage)
        });
        const [snapshot] = await snapshotsOf(id);
        const breakdown = readBreakdown(snapshot.Breakdown__c, model.measures)!;
        expect(breakdown.measures.map((m) => [m.name, m.score])).toEqual(
          core.measures.map((m) => [
            m.name,
            m.score === null ? null : Math.round(m.score * 100) / 100
          ])
        );
        expect(breakdown).toMatchObject({
          drivers: core.drivers,
          driversFi: core.driversFi,
          quadrant: core.quadrant
        });
        // Issue 6: a snapshot row stays small as Bulk CSV (version 1 took over 2 000 bytes).
        expect(csvRowBytes(snapshot)).toBeLessThanOrEqual(600);
      }
    }
    // The cases this book was built to show, so the comparison above is not vacuous.
    const [full, sparse, red] = accounts.map((account) => expected(account.signals));
    expect(full.trend).not.toBeNull();
    expect(full.measuresUsed).toBeGreaterThanOrEqual(8);
    expect(sparse.status).toBe(model.insufficientStatus);
    expect(red.status).toBe('Red');
  });

  it('reads a large selection in waves of Account Id ranges, each with its own signals: the same results as in one go', async () => {
    const books: Book[] = [
      failing,
      { account: { Touch_Tier__c: 'Low' }, surveys: [{ type: 'NPS', score: 10, daysAgo: 4 }] },
      { account: { Licensed_Seats__c: 20 }, usage: [{ daysAgo: 3, active: 19, logins: 300 }] },
      {
        account: { Touch_Tier__c: 'High' },
        openHighCases: 2,
        meetings: [{ daysAgo: 9, as: 'Event' }]
      },
      { account: { Overdue_Invoices__c: 2 }, snapshots: [{ daysAgo: 30, score: 90 }] },
      { account: { Touch_Tier__c: 'Tech' }, surveys: [{ type: 'CSAT', score: 2, daysAgo: 8 }] },
      { account: {}, escalatedCases: 1, meetings: [{ daysAgo: 2, as: 'Task' }] }
    ];
    const accounts = [];
    for (const [k, book] of books.entries()) accounts.push(await makeAccount(`Wave ${k} Oy`, book));
    const queries: string[] = [];
    const access = orgAccess(conn);
    const events: string[] = [];
    const recording: OrgAccess = {
      ...access,
      query: (soql, expectedRows, onRows) => {
        queries.push(soql);
        if (soql.includes(' FROM Account WHERE (')) events.push('read Accounts');
        return access.query(soql, expectedRows, onRows);
      },
      update: (object, rows) => {
        events.push(`update ${object}`);
        return access.update(object, rows);
      }
    };
    const selection = { kind: 'where' as const, where: "Name LIKE 'Wave %'" };

    const phases: string[] = [];
    const progress = {
      phase: (name: string) => phases.push(name),
      advance: () => undefined,
      finish: () => undefined
    };

    const inWaves = await run(
      [],
      { selection, waveAccounts: 3, chunkSize: 2, progress },
      recording
    );

    expect(inWaves).toMatchObject({ accounts: 7, scored: 7, failed: 0 });
    // 3 + 3 + 1 accounts: each wave reads its Accounts and the six signal objects by Id range.
    const accountReads = queries.filter((soql) => soql.includes(' FROM Account WHERE ('));
    expect(accountReads).toHaveLength(3);
    expect(accountReads.every((soql) => /Id >= '001\w+' AND Id <=? '001\w+'/.test(soql))).toBe(
      true
    );
    expect(queries.filter((soql) => soql.includes('Survey_Response__c'))).toHaveLength(3);
    // The next wave is read while this one is scored and written, not after.
    expect(events.slice(0, 3)).toEqual(['read Accounts', 'read Accounts', 'update Account']);
    // A terminal's bar names the wave it is in.
    expect(phases).toContain('Reading accounts (wave 1 of 3)');
    expect(phases).toContain('Scoring + writing (wave 3 of 3)');
    const stored = [];
    for (const { id, signals } of accounts) {
      const core = expected(signals);
      const health = await healthOf(id);
      expect({ id, score: health.Health_Score__c, status: health.Health_Status__c }).toEqual({
        id,
        score: shownScore(core),
        status: core.status
      });
      expect(await snapshotsOf(id)).toHaveLength(1);
      stored.push(health);
    }
    // One wave (the default size) gives the same fields and still one snapshot per account.
    const inOneGo = await run([], { selection }, recording);
    expect(inOneGo).toMatchObject({ accounts: 7, scored: 7, failed: 0 });
    for (const [k, { id }] of accounts.entries()) {
      expect(await healthOf(id)).toMatchObject({
        Health_Score__c: stored[k].Health_Score__c,
        Health_Status__c: stored[k].Health_Status__c
      });
      expect(await snapshotsOf(id)).toHaveLength(1);
    }
  });

  it('rerunning the same day updates the one snapshot per account; a later day adds one only when the score moved', async () => {
    const { id } = await makeAccount('Twice Oy', {
      account: { Touch_Tier__c: 'Low', Licensed_Seats__c: 10, Overdue_Invoices__c: 0 },
      surveys: [{ type: 'NPS', score: 9, daysAgo: 3 }],
      usage: [{ daysAgo: 3, active: 9, logins: 200 }]
    });

    await run([id]);
    const first = await snapshotsOf(id);
    await create('Case', [{ AccountId: id, Subject: 'Down', Priority: 'High', Status: 'New' }]);
    await run([id]);
    const second = await snapshotsOf(id);
    const { Health_Score__c: scoreShown } = await healthOf(id);
    await run([id], { asOf: addDays(AS_OF, 1) });
    const count = async () =>
      (await conn.query(`SELECT Id FROM Health_Snapshot__c WHERE Account__c = '${id}'`)).totalSize;
    const unchangedNextDay = await count();
    await create('Case', [
      { AccountId: id, Subject: 'Down again', Priority: 'High', Status: 'New' }
    ]);
    await run([id], { asOf: addDays(AS_OF, 2) });

    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(second[0].Score__c).not.toBe(first[0].Score__c);
    expect(second[0].Score__c).toBe(scoreShown);
    expect(unchangedNextDay).toBe(1);
    expect(await count()).toBe(2);
  });

  it('honours an active override: the status shown is the override, the computed score is stored', async () => {
    const { id, signals } = await makeAccount('Override Oy', {
      ...failing,
      account: {
        ...failing.account,
        Health_Status__c: 'Green',
        Health_Override__c: 'Green',
        Health_Override_Reason__c: 'New sponsor, renewal signed',
        Health_Override_Until__c: day(-10)
      }
    });
    const { id: expiredId } = await makeAccount('Expired Override Oy', {
      ...failing,
      account: {
        ...failing.account,
        Health_Override__c: 'Green',
        Health_Override_Reason__c: 'Old news',
        Health_Override_Until__c: day(1)
      }
    });

    const summary = await run([id, expiredId]);

    const core = expected(signals);
    expect(core.status).toBe('Red');
    expect(summary.overridesHonoured).toBe(1);
    expect(await healthOf(id)).toMatchObject({
      Health_Status__c: 'Green',
      Health_Score__c: core.score
    });
    const [snapshot] = await snapshotsOf(id);
    expect(snapshot).toMatchObject({ Status__c: 'Red', Score__c: core.score });
    expect(readBreakdown(snapshot.Breakdown__c, model.measures)).toMatchObject({
      override: 'Green'
    });
    expect((await healthOf(expiredId)).Health_Status__c).toBe('Red');
    // No alert while the account manager's own judgement stands.
    const posts = await conn.query(`SELECT Id FROM FeedItem WHERE ParentId = '${id}'`);
    expect(posts.totalSize).toBe(0);
  });

  it('posts one alert per drop, mentioning the account manager, and nothing on the next run', async () => {
    const { id } = await makeAccount('Alert Oy', {
      ...failing,
      account: { ...failing.account, Health_Status__c: 'Green' }
    });

    const first = await run([id]);
    const second = await run([id]);

    expect(first).toMatchObject({ alerts: 1, alertsPosted: 1 });
    expect(second).toMatchObject({ alerts: 0, alertsPosted: 0 });
    const posts = await conn.query<{ Body: string; Segments__c: string }>(
      `SELECT Body, Segments__c FROM FeedItem WHERE ParentId = '${id}'`
    );
    expect(posts.totalSize).toBe(1);
    expect(posts.records[0].Body).toContain('fell from Green to Red');
    expect(JSON.parse(posts.records[0].Segments__c)).toContainEqual(
      expect.objectContaining({
        type: 'Mention',
        record: expect.objectContaining({ id: managerId })
      })
    );
    expect(await healthOf(id)).toMatchObject({
      Health_Status__c: 'Red',
      Health_Alert_Status__c: 'Red'
    });
  });

  it('retries a row that hit UNABLE_TO_LOCK_ROW and reports rows that still fail in the CSV', async () => {
    const { id: lockedId } = await makeAccount('Locked Oy', failing);
    const { id: goneId } = await makeAccount('Gone Oy', failing);
    const real = orgAccess(conn);
    const sent: string[][] = [];
    let lockInjected = false;
    let deleted = false;
    // The real OrgAccess, with one lock on the first Account write of lockedId, and goneId
    // deleted by "someone else" between the read and the write.
    const flaky: OrgAccess = {
      ...real,
      async update(object, rows) {
        if (object !== 'Account') return real.update(object, rows);
        sent.push(rows.map((row) => String(row.Id)));
        if (!deleted) {
          deleted = true;
          // As in an org, an Account with surveys or usage (Restrict lookups) goes after them.
          for (const child of ['Survey_Response__c', 'Usage_Snapshot__c', 'Health_Snapshot__c']) {
            const rows = await conn.query<{ Id: string }>(
              `SELECT Id FROM ${child} WHERE Account__c = '${goneId}'`
            );
            for (const row of rows.records) await conn.sobject(child).destroy(row.Id);
          }
          await conn.sobject('Account').destroy(goneId);
        }
        const locked = lockInjected ? -1 : rows.findIndex((row) => row.Id === lockedId);
        if (locked < 0) return real.update(object, rows);
        lockInjected = true;
        const results = await real.update(
          object,
          rows.filter((_, k) => k !== locked)
        );
        const lock: RowResult = {
          success: false,
          errorCode: 'UNABLE_TO_LOCK_ROW',
          message: 'unable to obtain exclusive access to this record'
        };
        return [...results.slice(0, locked), lock, ...results.slice(locked)];
      }
    };
    const failuresFile = join(dir, 'lock-failures.csv');

    const summary = await run([lockedId, goneId], { failuresFile }, flaky);

    expect(sent.filter((ids) => ids.includes(lockedId))).toHaveLength(2);
    expect((await healthOf(lockedId)).Health_Score__c).not.toBeNull();
    expect(summary.failures.map((f) => f.accountId)).not.toContain(lockedId);
    expect(summary.failed).toBeGreaterThanOrEqual(1);
    expect(summary.failuresFile).toBe(failuresFile);
    const csv = readFileSync(failuresFile, 'utf8').trim().split('\n');
    expect(csv[0]).toBe('AccountId,Object,ErrorCode,Message');
    expect(csv).toContainEqual(
      expect.stringMatching(new RegExp(`^${goneId},Account,ENTITY_IS_DELETED,.+`))
    );
    expect(csv.some((line) => line.includes(lockedId))).toBe(false);
  });

  it('recomputeHealth (what npm start runs) scores every account of the demo book and says so in one line', async () => {
    await seedDemoBook(conn, { force: true });
    const total = (await conn.query('SELECT COUNT() FROM Account')).totalSize;
    expect(total).toBeGreaterThan(60);
    const line = await recomputeHealth(conn, { failuresFile: join(dir, 'start-failures.csv') });
    expect(line).toMatch(new RegExp(`^${total} accounts scored: \\d+ (Green|Yellow|Red)`));
    const counted = [...line.matchAll(/(\d+) (Green|Yellow|Red|Insufficient data)/g)];
    expect(counted.reduce((sum, match) => sum + Number(match[1]), 0)).toBe(total);
  });
});
