import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { healthWatch } from '../commands/healthWatch';
import { startTestOrg, type TestOrg } from '../../testkit/testOrg';

// `baton health watch` as the command runs it: the org's Id names the state, the rescore is
// the recompute with the org's own model, and a stop ends the subscription cleanly.

jest.setTimeout(60_000);

let testOrg: TestOrg;
const dir = mkdtempSync(join(tmpdir(), 'baton-health-watch-'));

beforeAll(async () => {
  testOrg = await startTestOrg({ twins: false });
});
afterAll(async () => {
  await testOrg?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('rescores an account whose survey arrives while it runs and keeps the replay id per org', async () => {
  const conn = testOrg.conn;
  const today = new Date().toISOString().slice(0, 10);
  const account = (
    await conn.sobject('Account').create({
      Name: 'Valvottu Oy',
      Touch_Tier__c: 'Low',
      Licensed_Seats__c: 20,
      Overdue_Invoices__c: 0,
      CSM_Sentiment__c: 'Positive',
      CSM_Sentiment_Date__c: today
    })
  ).id!;
  let stop: (value?: unknown) => void = () => undefined;
  const stopped = new Promise((resolve) => (stop = resolve));
  const lines: string[] = [];
  const statePath = join(dir, 'state.json');
  const running = healthWatch(
    { state: statePath, failures: join(dir, 'failures.csv') },
    stopped,
    async () => conn,
    (line) => lines.push(line)
  );
  while (!lines.some((line) => line.startsWith('Health watch: listening')))
    await new Promise((resolve) => setTimeout(resolve, 50));
  await conn.sobject('Survey_Response__c').create({
    Account__c: account,
    Type__c: 'NPS',
    Score__c: 3,
    Responded_On__c: today
  });
  const deadline = Date.now() + 15_000;
  let scoredAt: unknown = null;
  while (!scoredAt && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    scoredAt = (await conn.sobject('Account').retrieve(account)).Health_Scored_At__c;
  }
  expect(scoredAt).toBeTruthy();
  stop();
  const result = await running;
  expect(result.rescored).toBe(1);
  expect(lines).toContainEqual(
    expect.stringMatching(
      /^Health watch: 1 change, 1 account rescored in \d+ ms: 1 accounts scored/
    )
  );
  const state = JSON.parse(readFileSync(statePath, 'utf8'));
  expect(state.orgId).toBe(testOrg.org.organizationId());
  expect(state.replayIds['/data/Survey_Response__ChangeEvent']).toBeGreaterThan(0);
});
