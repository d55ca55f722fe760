import { Command } from 'commander';
import { startTestOrg } from '../../localorg/testing';
import { registerTierAssign } from '../../services/tiers/assignCommand';
import { register } from './touchpoints';

// `baton touchpoints plan` and `baton tier assign` through commander against the local org:
// flags checked before connecting, one JSON document, exit codes, --dry-run writes nothing.

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

async function run(...args: string[]) {
  const program = new Command('baton').exitOverride();
  register(program, connect);
  registerTierAssign(program.command('tier'), connect);
  const out: string[] = [];
  jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => (out.push(String(chunk)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  process.exitCode = undefined;
  await program.parseAsync(['node', 'baton', ...args, '--json']);
  return { json: JSON.parse(out.join('')), exitCode: process.exitCode ?? 0 };
}

describe('baton touchpoints plan / tier assign', () => {
  it.each([
    [['--horizon', '0d'], /--horizon: must be 1–1825 days/],
    [['--horizon', 'a year'], /--horizon: use days/],
    [['--as-of', '2026-13-01'], /--as-of: not a date/]
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

    expect((await run('tier', 'assign')).json.changed).toBeGreaterThanOrEqual(1);
    expect(await tierOf()).toBe('High');

    const planned = await run('touchpoints', 'plan', '--as-of', '2026-01-10', '--horizon', '180d');
    expect(planned.exitCode).toBe(0);
    expect(planned.json).toMatchObject({ asOf: '2026-01-10', horizonDays: 180 });
    expect(planned.json.created).toBeGreaterThan(0);
    const again = await run('touchpoints', 'plan', '--as-of', '2026-01-10', '--horizon', '180d');
    expect(again.json).toMatchObject({ created: 0, updated: 0, cancelled: 0 });
  });
});
