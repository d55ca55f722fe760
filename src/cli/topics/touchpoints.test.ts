import { startTestOrg } from '../../testkit/testOrg';
import { formatAssign } from '../commands/tierAssign';
import { register as registerTier } from './tier';
import { register } from './touchpoints';
import { runCliJson } from '../../testkit/runCli';

// `baton touchpoints plan|onboarding` and `baton tier assign` through commander against the
// local org: flags checked before connecting, one JSON document, exit codes, --dry-run writes
// nothing.

type TestOrg = Awaited<ReturnType<typeof startTestOrg>>;
let testOrg: TestOrg;
const connect = jest.fn(async () => testOrg.conn);

beforeAll(async () => {
  testOrg = await startTestOrg({ twins: false });
}, 60_000);

afterAll(async () => {
  await testOrg?.close();
});

afterEach(() => {
  jest.restoreAllMocks();
  connect.mockClear();
  process.exitCode = undefined;
});

const run = (...args: string[]) => runCliJson([register, registerTier], connect, args);

describe('baton touchpoints plan / onboarding, tier assign', () => {
  it.each([
    [['--horizon', '0d'], /--horizon: must be 1–1825 days/],
    [['--horizon', 'a year'], /--horizon: use days/],
    [['--as-of', '2026-13-01'], /--as-of: not a date/],
    [['--as-of', '2026-02-30'], /--as-of: not a date/]
  ])('refuses %p before connecting', async (flags, message) => {
    const { json, exitCode } = await run('touchpoints', 'plan', ...flags);
    expect(exitCode).toBe(1);
    expect(json.message).toMatch(message);
    expect(connect).not.toHaveBeenCalled();
  });

  it('assigns tiers (dry run first), then plans touchpoints; reruns change nothing', async () => {
    const account = await testOrg.conn.sobject('Account').create({
      Name: 'Komento Oy',
      MRR__c: 5000,
      Contract_Start__c: '2026-01-05',
      Onboarding_Started__c: '2026-01-10'
    });
    const dry = await run('tier', 'assign', '--dry-run');
    expect(dry.exitCode).toBe(0);
    expect(dry.json.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ accountId: account.id, to: 'High' })])
    );
    const tierOf = async () =>
      (
        await testOrg.conn.query<{ Touch_Tier__c: string | null }>(
          `SELECT Touch_Tier__c FROM Account WHERE Id = '${account.id}'`
        )
      ).records[0].Touch_Tier__c;
    expect(await tierOf()).toBeNull();
    // The human report names each change from → to with the rule's reason.
    expect(formatAssign(dry.json)).toContain(
      `Komento Oy (${account.id}): none → High — ARR 60\u202f000 ≥ 50\u202f000`
    );
    expect(formatAssign(dry.json)).toMatch(/^Would change the tier of \d+ of \d+ accounts/);

    expect((await run('tier', 'assign')).json.changed).toBeGreaterThanOrEqual(1);
    expect(await tierOf()).toBe('High');

    const planned = await run('touchpoints', 'plan', '--as-of', '2026-01-10', '--horizon', '180d');
    expect(planned.exitCode).toBe(0);
    expect(planned.json).toMatchObject({ asOf: '2026-01-10', horizonDays: 180 });
    expect(planned.json.created).toBeGreaterThan(0);
    const again = await run('touchpoints', 'plan', '--as-of', '2026-01-10', '--horizon', '180d');
    expect(again.json).toMatchObject({ created: 0, updated: 0, cancelled: 0 });
  });

  it('records first value and alerts the account manager once when onboarding is late', async () => {
    const am = testOrg.org.users.find((user) => user.persona === 'accountManager')!;
    const create = async (name: string) =>
      (
        await testOrg.conn.sobject('Account').create({
          Name: name,
          Account_Manager__c: am.id,
          Customer_Stage__c: 'Onboarding',
          Onboarding_Started__c: '2026-01-10'
        })
      ).id as string;
    const using = await create('Käyttö Oy');
    const quiet = await create('Hiljainen Oy');
    await testOrg.conn.sobject('Usage_Snapshot__c').create([
      { Account__c: using, Period_End__c: '2026-01-31', Active_Users__c: 0 },
      { Account__c: using, Period_End__c: '2026-02-28', Active_Users__c: 7 },
      { Account__c: quiet, Period_End__c: '2026-02-28', Active_Users__c: 0 }
    ]);
    const firstValueOf = async (id: string) =>
      (
        await testOrg.conn.query<{ First_Value_At__c: string | null }>(
          `SELECT First_Value_At__c FROM Account WHERE Id = '${id}'`
        )
      ).records[0].First_Value_At__c;
    const posts = async () =>
      (await testOrg.conn.query(`SELECT Id FROM FeedItem WHERE ParentId = '${quiet}'`)).totalSize;

    const dry = await run('touchpoints', 'onboarding', '--as-of', '2026-03-15', '--dry-run');
    expect(dry.json.alerts.alerts).toEqual(
      expect.arrayContaining([expect.objectContaining({ accountId: quiet })])
    );
    expect(await firstValueOf(using)).toBeNull();
    expect(await posts()).toBe(0);

    const first = await run('touchpoints', 'onboarding', '--as-of', '2026-03-15');
    expect(first.exitCode).toBe(0);
    expect(first.json.firstValue.recorded).toEqual(
      expect.arrayContaining([{ accountId: using, firstValueAt: '2026-02-28' }])
    );
    expect(await firstValueOf(using)).toBe('2026-02-28');
    expect(await firstValueOf(quiet)).toBeNull();
    const alerted = first.json.alerts.alerts.map((alert: { accountId: string }) => alert.accountId);
    expect(alerted).toContain(quiet);
    expect(alerted).not.toContain(using);
    expect(await posts()).toBe(1);
    const feed = await testOrg.conn.request<{
      elements: { body: { messageSegments: { type: string; record?: { id: string } }[] } }[];
    }>(`/services/data/v62.0/chatter/feeds/record/${quiet}/feed-elements`);
    expect(feed.elements[0].body.messageSegments[0]).toMatchObject({
      type: 'Mention',
      record: { id: am.id }
    });

    const again = await run('touchpoints', 'onboarding', '--as-of', '2026-03-16');
    expect(
      again.json.alerts.alerts.map((alert: { accountId: string }) => alert.accountId)
    ).not.toContain(quiet);
    expect(await posts()).toBe(1);
  });

  it('refuses a bad --target-days before connecting', async () => {
    const { json, exitCode } = await run('touchpoints', 'onboarding', '--target-days', 'soon');
    expect(exitCode).toBe(1);
    expect(json.message).toMatch(/--target-days: a whole number of days/);
    expect(connect).not.toHaveBeenCalled();
  });
});
