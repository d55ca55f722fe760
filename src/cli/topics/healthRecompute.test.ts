import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'jsforce';
import { startTestOrg, type TestOrg } from '../../testkit/testOrg';
import { register } from './health';
import { runCliJson } from '../../testkit/runCli';

// `baton health recompute|explain` through commander against the local org: flags checked
// before connecting, one JSON document, exit 1 naming the flag, exit 2 when rows failed.

jest.setTimeout(60_000);

let testOrg: TestOrg;
let conn: Connection = undefined as unknown as Connection;
const connect = jest.fn(async () => conn);
const dir = mkdtempSync(join(tmpdir(), 'baton-health-cli-'));
const ids: string[] = [];

beforeAll(async () => {
  testOrg = await startTestOrg({ twins: false });
  conn = testOrg.conn;
  const manager = testOrg.org.users.find((user) => user.persona === 'accountManager')!.id;
  const accounts = (await conn.sobject('Account').create(
    [
      { Name: 'Komento Oy', Touch_Tier__c: 'Low', Licensed_Seats__c: 20, Overdue_Invoices__c: 0 },
      {
        Name: 'Kriisi Oy',
        Touch_Tier__c: 'High',
        Licensed_Seats__c: 100,
        Overdue_Invoices__c: 5,
        CSM_Sentiment__c: 'Negative',
        CSM_Sentiment_Date__c: new Date().toISOString().slice(0, 10),
        Health_Status__c: 'Green',
        Account_Manager__c: manager
      }
    ],
    { allOrNone: true }
  )) as { id: string }[];
  ids.push(...accounts.map((account) => account.id));
  const today = new Date().toISOString().slice(0, 10);
  await conn.sobject('Survey_Response__c').create(
    [0, 1].map((score) => ({
      Account__c: ids[1],
      Type__c: 'NPS',
      Score__c: score,
      Responded_On__c: today
    })),
    { allOrNone: true }
  );
  await conn
    .sobject('Usage_Snapshot__c')
    .create(
      { Account__c: ids[1], Period_End__c: today, Active_Users__c: 4, Logins__c: 10 },
      { allOrNone: true }
    );
  await conn.sobject('Case').create(
    [1, 2, 3].map(() => ({ AccountId: ids[1], Subject: 'Down', Priority: 'High', Status: 'New' })),
    { allOrNone: true }
  );
});

afterAll(async () => {
  await testOrg?.close();
});

afterEach(() => {
  jest.restoreAllMocks();
  connect.mockClear();
  conn = testOrg.conn;
  process.exitCode = undefined;
});

const run = (...args: string[]) => runCliJson([register], connect, ['health', ...args]);

describe('baton health recompute / explain', () => {
  it.each([
    [['recompute', '--where', "Name = 'x' LIMIT 5"], /^--where may only hold a condition/],
    [['recompute', '--where', "Name = 'x'; DELETE FROM Account"], /^--where/],
    [['recompute', '--where', 'Id IN (SELECT AccountId FROM Contact)'], /^--where .*subquery/],
    [['recompute', '--where', "Name = 'x' OR"], /^--where is not a valid SOQL condition/],
    [['recompute', '--accounts', '001abc'], /^--accounts: "001abc" must be an Account Id/],
    [
      ['recompute', '--accounts', '001000000000001AAA', '--where', "Name = 'x'"],
      /--accounts or --where/
    ],
    [['recompute', '--as-of', '2026-02-30'], /^--as-of: not a date/],
    [['recompute', '--failures', '/no/such/folder/failures.csv'], /^--failures: cannot write/],
    [['recompute', '--wave-size', '0'], /^--wave-size: a whole number/],
    [['recompute', '--wave-size', '2.5'], /^--wave-size: a whole number/],
    [['explain', '--account', '   '], /^--account/],
    [['explain', '--account', 'Komento Oy', '--as-of', 'tomorrow'], /^--as-of: not a date/]
  ])('refuses %p before connecting (exit 1, the flag named)', async (flags, message) => {
    const { json, exitCode, stderr } = await run(...flags);
    expect(exitCode).toBe(1);
    expect(json).toMatchObject({ status: 1, code: 'INVALID_INPUT' });
    expect(json.message).toMatch(message);
    expect(stderr).toContain(json.message);
    expect(connect).not.toHaveBeenCalled();
  });

  it('dry run writes nothing; the run writes, counts API calls and alerts once; explain agrees', async () => {
    const failures = join(dir, 'ok.csv');
    const dry = await run('recompute', '--dry-run', '--accounts', ids.join(','));
    expect(dry.exitCode).toBe(0);
    expect(dry.json).toMatchObject({ dryRun: true, scored: 2, alerts: 1, alertsPosted: 0 });
    const stored = async () =>
      (
        await conn.query<{
          Name: string;
          Health_Score__c: number | null;
          Health_Status__c: string;
        }>(
          `SELECT Name, Health_Score__c, Health_Status__c FROM Account WHERE Id IN ('${ids.join("','")}') ORDER BY Name`
        )
      ).records;
    expect((await stored()).map((a) => a.Health_Score__c)).toEqual([null, null]);
    // One account a wave: the same two accounts, each read in its own Id range (an Id query
    // and seven more reads than in one go).
    const where = ['recompute', '--dry-run', '--where', "Name LIKE 'K%'"];
    const oneGo = await run(...where);
    const inWaves = await run(...where, '--wave-size', '1');
    expect(inWaves.json).toMatchObject({ accounts: 2, scored: 2, alerts: 1 });
    expect(inWaves.json.apiCalls).toBe(Number(oneGo.json.apiCalls) + 8);

    const real = await run('recompute', '--where', "Name LIKE 'K%'", '--failures', failures);
    expect(real.exitCode).toBe(0);
    expect(real.json).toMatchObject({
      dryRun: false,
      accounts: 2,
      scored: 2,
      changedStatus: 2,
      alertsPosted: 1,
      failed: 0,
      failuresFile: null
    });
    expect(real.json.apiCalls).toBeGreaterThan(5);
    expect(real.json.apiCalls).toBeLessThan(30);
    expect(Object.values(real.json.byStatus).reduce((a, b) => Number(a) + Number(b), 0)).toBe(2);
    expect(existsSync(failures)).toBe(false);
    const [komento, kriisi] = await stored();
    expect(kriisi.Health_Status__c).toBe('Red');

    const again = await run('recompute', '--accounts', ids.join(','));
    expect(again.json).toMatchObject({ changedStatus: 0, alerts: 0 });

    const explained = await run('explain', '--account', 'Komento Oy');
    expect(explained.exitCode).toBe(0);
    expect(explained.json).toMatchObject({
      account: { id: ids[0], name: 'Komento Oy' },
      result: { score: komento.Health_Score__c, status: komento.Health_Status__c },
      stored: { score: komento.Health_Score__c, status: komento.Health_Status__c }
    });
    expect(explained.json.result.measures.length).toBeGreaterThan(3);
    const byId = await run('explain', '--account', ids[1]);
    expect(byId.json.result.drivers.length).toBeGreaterThan(0);

    const missing = await run('explain', '--account', "Ei Ole' OR Name != '");
    expect(missing.exitCode).toBe(1);
    expect(missing.json.message).toMatch(/No Account named/);
  });

  it('exits 2 and lists the failed row in the CSV when a row cannot be written', async () => {
    const [{ id: gone }] = (await testOrg.conn
      .sobject('Account')
      .create([{ Name: 'Poistuva Oy' }], { allOrNone: true })) as { id: string }[];
    // Another connection whose first Account write finds the account deleted meanwhile.
    conn = testOrg.connAs('admin');
    const accounts = conn.sobject('Account');
    const update = accounts.update.bind(accounts) as (...args: unknown[]) => Promise<unknown>;
    (accounts as unknown as { update: typeof update }).update = async (...args) => {
      await testOrg.conn.sobject('Account').destroy(gone);
      return update(...args);
    };
    const failures = join(dir, 'failed.csv');

    const { json, exitCode } = await run(
      'recompute',
      '--accounts',
      [ids[0], gone].join(','),
      '--failures',
      failures
    );

    expect(exitCode).toBe(2);
    expect(json).toMatchObject({ scored: 2, failuresFile: failures });
    expect(json.failures).toContainEqual(
      expect.objectContaining({
        accountId: gone,
        object: 'Account',
        errorCode: 'ENTITY_IS_DELETED'
      })
    );
    expect(readFileSync(failures, 'utf8')).toMatch(
      new RegExp(`^${gone},Account,ENTITY_IS_DELETED,`, 'm')
    );
  });
});
