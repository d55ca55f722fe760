import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bulkIngest } from '../../org/bulk';
import { startTestOrg, type TestOrg } from '../../testkit/testOrg';

// `baton health recompute` killed with SIGKILL mid-run, as a user's Ctrl-\ or an OOM killer
// would, then run again: every health drop is alerted exactly once, none lost, none doubled.

jest.setTimeout(300_000);

const BIN = resolve(__dirname, '../../../bin/baton.js');
const ACCOUNTS = 2_000;
/** Every tenth account falls from Green to Red. */
const dropping = (i: number) => i % 10 === 0;

let t: TestOrg;
const cwd = mkdtempSync(join(tmpdir(), 'baton-recompute-kill-'));
const droppingIds = new Set<string>();

beforeAll(async () => {
  t = await startTestOrg({ twins: false });
  const admin = t.org.users.find((user) => user.persona === 'admin')!;
  mkdirSync(join(cwd, '.localorg'));
  writeFileSync(
    join(cwd, '.localorg', 'auth.json'),
    JSON.stringify({
      instanceUrl: t.org.instanceUrl,
      accessToken: admin.token,
      username: admin.username,
      userId: admin.id
    })
  );
  const today = new Date().toISOString().slice(0, 10);
  const accounts = await bulkIngest(
    t.conn,
    'Account',
    'insert',
    Array.from({ length: ACCOUNTS }, (_, i) => ({
      Name: `Kill ${i}`,
      Touch_Tier__c: 'High',
      Licensed_Seats__c: 100,
      Overdue_Invoices__c: dropping(i) ? 5 : 0,
      CSM_Sentiment__c: dropping(i) ? 'Negative' : 'Positive',
      CSM_Sentiment_Date__c: today,
      Health_Status__c: 'Green'
    }))
  );
  const ids = accounts.successful.map((row) => ({
    id: row.id,
    drops: dropping(Number(String(row.row.Name).split(' ')[1]))
  }));
  for (const { id, drops } of ids) if (drops) droppingIds.add(id);
  await bulkIngest(
    t.conn,
    'Survey_Response__c',
    'insert',
    ids.flatMap(({ id, drops }) =>
      [0, 1].map((k) => ({
        Account__c: id,
        Type__c: 'NPS',
        Score__c: drops ? k : 9 + k,
        Responded_On__c: today
      }))
    )
  );
  await bulkIngest(
    t.conn,
    'Usage_Snapshot__c',
    'insert',
    ids.map(({ id, drops }) => ({
      Account__c: id,
      Period_End__c: today,
      Active_Users__c: drops ? 4 : 90,
      Logins__c: drops ? 10 : 900
    }))
  );
});

afterAll(() => t?.close());

const count = async (soql: string) => (await t.conn.query(soql)).totalSize;
const alertPosts = async () =>
  (
    await t.conn.query<{ ParentId: string; Body: string }>(
      "SELECT ParentId, Body FROM FeedItem WHERE Body LIKE 'Customer health fell%'"
    )
  ).records;

/**
 * Runs the real CLI in its own process; with `killWhen`, polls the org and kills the CLI with
 * SIGKILL as soon as it holds. Resolves with the exit code, or 'killed'.
 */
function recompute(killWhen?: () => Promise<boolean>): Promise<number | 'killed'> {
  const child = spawn(
    'node',
    [BIN, 'health', 'recompute', '--wave-size', '300', '--json', '--failures', 'failures.csv'],
    { cwd, stdio: 'ignore' }
  );
  let exited = false;
  const exit = new Promise<number | 'killed'>((done) =>
    child.on('exit', (code, signal) => {
      exited = true;
      done(signal === 'SIGKILL' ? 'killed' : Number(code));
    })
  );
  if (killWhen)
    void (async () => {
      while (!exited && !(await killWhen())) await new Promise((r) => setTimeout(r, 10));
      if (!exited) child.kill('SIGKILL');
    })();
  return exit;
}

describe('baton health recompute killed mid-run', () => {
  it('posts every alert exactly once across a kill while writing, a kill while posting and a rerun', async () => {
    // Killed once some accounts are written: their new status is stored, no alert is posted.
    const whileWriting = await recompute(
      async () => (await count('SELECT Id FROM Account WHERE Health_Scored_At__c != null')) > 0
    );
    expect(whileWriting).toBe('killed');
    expect(await alertPosts()).toHaveLength(0);

    // Killed once some alerts are posted, before the run could record them.
    const whilePosting = await recompute(async () => (await alertPosts()).length > 0);
    expect(whilePosting).toBe('killed');
    const postedBeforeKill = (await alertPosts()).length;
    expect(postedBeforeKill).toBeLessThan(droppingIds.size);

    expect(await recompute()).toBe(0);
    const posts = await alertPosts();
    expect(posts).toHaveLength(droppingIds.size);
    expect(new Set(posts.map((post) => post.ParentId))).toEqual(droppingIds);
    expect(
      await count(
        "SELECT Id FROM Account WHERE Health_Status__c = 'Red' AND Health_Alert_Status__c = 'Red'"
      )
    ).toBe(droppingIds.size);
    // The account fields and snapshots are those of one clean run: one snapshot per account.
    expect(await count('SELECT Id FROM Health_Snapshot__c')).toBe(ACCOUNTS);

    // A further run has nothing left to alert.
    expect(await recompute()).toBe(0);
    expect(await alertPosts()).toHaveLength(droppingIds.size);
  });
});
