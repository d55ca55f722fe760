import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startTestOrg, type TestOrg } from '../../testkit/testOrg';
import { readRecordFeed } from '../../testkit/handover/feedReader';
import { addDays, isoDateOf } from '../../core/dates';

const BIN = resolve(__dirname, '../../../bin/baton.js');
const COUNTED = [
  'Account',
  'Contact',
  'Opportunity',
  'Case',
  'Task',
  'Handover__c',
  'Survey_Response__c',
  'Usage_Snapshot__c',
  'Customer_Outcome__c',
  'Health_Snapshot__c'
];

let testOrg: TestOrg;
let folder: string;

/** The real CLI in a child process, in a folder whose ./.localorg/auth.json names the test org. */
function baton(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      'node',
      [BIN, ...args],
      { cwd: folder, env: { ...process.env, HOME: folder }, timeout: 120_000 },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 2) : 0, stdout, stderr })
    );
  });
}

async function counts(): Promise<Record<string, number>> {
  const entries = await Promise.all(
    COUNTED.map(async (type) => [
      type,
      (await testOrg.conn.query(`SELECT COUNT() FROM ${type}`)).totalSize
    ])
  );
  return Object.fromEntries(entries);
}

beforeAll(async () => {
  testOrg = await startTestOrg();
  folder = mkdtempSync(join(tmpdir(), 'baton-org-seed-'));
  const admin = testOrg.org.users.find((user) => user.persona === 'admin')!;
  mkdirSync(join(folder, '.localorg'));
  writeFileSync(
    join(folder, '.localorg', 'auth.json'),
    JSON.stringify({
      instanceUrl: testOrg.org.instanceUrl,
      accessToken: admin.token,
      username: admin.username,
      userId: admin.id
    })
  );
}, 60_000);

afterAll(async () => {
  await testOrg?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('baton org seed (child process, local org)', () => {
  it('seeds an empty org, and a second run exits 0 with every count unchanged', async () => {
    const first = await baton('org', 'seed', '--accounts', '12', '--json');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const afterFirst = await counts();
    expect(afterFirst).toMatchObject({ Account: 12, Contact: 36, Handover__c: 8 });
    expect(afterFirst.Survey_Response__c).toBeGreaterThan(0);
    // Three months of usage each, and the months before them back over the health history.
    const lastQuarter = await testOrg.conn.query(
      `SELECT COUNT() FROM Usage_Snapshot__c WHERE Period_End__c > ${addDays(isoDateOf(new Date()), -90)}`
    );
    expect(lastQuarter.totalSize).toBe(36);
    expect(afterFirst.Usage_Snapshot__c).toBeGreaterThan(36);
    // Completed meetings (the latest each and earlier ones), and a winback Task for each
    // churned account.
    const churned = await testOrg.conn.query(
      "SELECT COUNT() FROM Customer_Outcome__c WHERE Type__c = 'Churn'"
    );
    const open = await testOrg.conn.query('SELECT COUNT() FROM Task WHERE IsClosed = false');
    expect(open.totalSize).toBe(churned.totalSize);
    expect(afterFirst.Task - open.totalSize).toBeGreaterThan(12);

    const second = await baton('org', 'seed', '--accounts', '12', '--json');
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).counts).toEqual(JSON.parse(first.stdout).counts);
    expect(await counts()).toEqual(afterFirst);
  }, 300_000);

  it('posts each seeded Submitted handover with an @mention, so its account manager is notified', async () => {
    const { records } = await testOrg.conn.query<{
      Name: string;
      Account__c: string;
      Account_Manager__c: string;
      Feed_Element_Id__c: string | null;
      Submitted_At__c: string;
    }>(
      "SELECT Name, Account__c, Account_Manager__c, Feed_Element_Id__c, Submitted_At__c FROM Handover__c WHERE Status__c = 'Submitted'"
    );
    expect(records).toHaveLength(2);
    for (const handover of records) {
      // Submitted on its seeded day, so the overdue state shows as it did before.
      expect(handover.Submitted_At__c).toMatch(/T09:30:00/);
      const posts = await readRecordFeed(testOrg.conn, handover.Account__c);
      expect(posts.map((post) => [post.id, post.mentions])).toEqual([
        [handover.Feed_Element_Id__c, [handover.Account_Manager__c]]
      ]);
      const bell = await testOrg
        .connAs(handover.Account_Manager__c)
        .request<{ notifications: { messageBody: string }[] }>(
          '/services/data/v62.0/connect/notifications'
        );
      expect(bell.notifications.some((note) => note.messageBody.includes(handover.Name))).toBe(
        true
      );
    }
  });
});
