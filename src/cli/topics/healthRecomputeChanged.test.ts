import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestOrg, type TestOrg } from '../../testkit/testOrg';
import { runCliJson } from '../../testkit/runCli';
import { register } from './health';

// `baton health recompute --changed` through commander: the first run scores everyone and
// says so; the next scores only the account a survey arrived for, and says why.

jest.setTimeout(60_000);

let testOrg: TestOrg;
const dir = mkdtempSync(join(tmpdir(), 'baton-changed-cli-'));

beforeAll(async () => {
  testOrg = await startTestOrg({ twins: false });
});
afterAll(async () => {
  await testOrg?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('scores every account first, then only the one with a new answer, naming why', async () => {
  const conn = testOrg.conn;
  const accounts = (
    (await conn.sobject('Account').create(
      ['Muuttuva Oy', 'Paikallaan Oy', 'Hiljainen Oy'].map((Name) => ({
        Name,
        Touch_Tier__c: 'Low',
        Licensed_Seats__c: 10,
        Overdue_Invoices__c: 0
      })),
      { allOrNone: true }
    )) as { id: string }[]
  ).map((result) => result.id);
  const run = (...args: string[]) =>
    runCliJson([register], async () => conn, [
      'health',
      'recompute',
      '--changed',
      '--state',
      join(dir, 'state.json'),
      '--failures',
      join(dir, 'failures.csv'),
      ...args
    ]);
  const first = await run();
  expect(first.exitCode).toBe(0);
  expect(first.json).toMatchObject({ scored: 3, due: { first: true } });

  await conn.sobject('Survey_Response__c').create({
    Account__c: accounts[0],
    Type__c: 'CSAT',
    Score__c: 2,
    Responded_On__c: new Date().toISOString().slice(0, 10)
  });
  const next = await run();
  expect(next.json).toMatchObject({
    scored: 1,
    due: { first: false, newSignals: 1, accountChanges: 0, timeThresholds: 0, owedAlerts: 0 }
  });

  const refused = await run('--accounts', accounts[1]);
  expect(refused.exitCode).toBe(1);
  expect(refused.json.message).toMatch(/--changed picks the accounts itself/);
});
