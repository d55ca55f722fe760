import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Connection } from 'jsforce';
import { addDays } from '../../../core/dates';
import { loadProjectModel } from '../../../metadata/projectModel';
import { startTestOrg, type TestOrg } from '../../../testkit/testOrg';
import { coreScorer } from './coreScorer';
import { recompute } from './recompute';
import { orgAccess } from './restOrBulkAccess';
import { projectHistoryPolicy } from '../../../metadata/historyPolicy';

const shippedHistory = projectHistoryPolicy();

// Health_Next_Change__c through the real recompute: the earliest day the written health can
// change with no new data, from the rows (a later-dated answer) and the snapshot rule.

jest.setTimeout(60_000);

let testOrg: TestOrg;
let conn: Connection;
const scorer = coreScorer(loadProjectModel());
const today = new Date().toISOString().slice(0, 10);
const dir = mkdtempSync(join(tmpdir(), 'baton-next-change-'));

beforeAll(async () => {
  testOrg = await startTestOrg({ twins: false });
  conn = testOrg.conn;
});
afterAll(async () => {
  await testOrg?.close();
});

const run = (ids: string[], asOf: string) =>
  recompute(orgAccess(conn), scorer, {
    history: shippedHistory,
    selection: { kind: 'ids', ids },
    asOf,
    failuresFile: join(dir, 'failures.csv')
  });

const fieldsOf = async (id: string) => {
  const row = await conn.sobject('Account').retrieve(id);
  return { next: row.Health_Next_Change__c as string, score: row.Health_Score__c as number };
};

it('names the day a later-dated answer starts to count, else the next heartbeat snapshot', async () => {
  const [dated, steady] = (
    (await conn.sobject('Account').create(
      ['Myöhemmin Oy', 'Tasainen Oy'].map((Name) => ({
        Name,
        Touch_Tier__c: 'High',
        Contract_Start__c: addDays(today, -6),
        Licensed_Seats__c: 10,
        Overdue_Invoices__c: 0,
        CSM_Sentiment__c: 'Positive',
        CSM_Sentiment_Date__c: today
      })),
      { allOrNone: true }
    )) as { id: string }[]
  ).map((result) => result.id);
  await conn.sobject('Usage_Snapshot__c').create(
    [dated, steady].map((account) => ({
      Account__c: account,
      Period_End__c: addDays(today, -1),
      Active_Users__c: 8,
      Logins__c: 100
    })),
    { allOrNone: true }
  );
  const survey = (account: string, score: number, day: string) => ({
    Account__c: account,
    Type__c: 'CSAT',
    Score__c: score,
    Responded_On__c: day
  });
  await conn
    .sobject('Survey_Response__c')
    .create(
      [
        survey(dated, 5, addDays(today, -10)),
        survey(dated, 1, addDays(today, 5)),
        survey(steady, 5, addDays(today, -10))
      ],
      { allOrNone: true }
    );
  await run([dated, steady], today);
  const before = await fieldsOf(dated);
  expect(before.score).toBe(100);
  expect(before.next).toBe(addDays(today, 5));
  // Nothing of Tasainen's ages within two weeks: the history policy's heartbeat (14 days) comes first.
  expect((await fieldsOf(steady)).next).toBe(addDays(today, 14));

  await run([dated], addDays(today, 5));
  expect((await fieldsOf(dated)).score).not.toBe(before.score);
});
