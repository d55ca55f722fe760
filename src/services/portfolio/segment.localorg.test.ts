import { register as registerPortfolio } from '../../cli/topics/portfolio';
import { runCliJson } from '../../testkit/runCli';
import { seedDemoBook } from '../../devstack/seed/seed';
import { startTestOrg, type TestOrg } from '../../testkit/testOrg';

// `baton portfolio segment` as a user runs it, against a started local org with its seeded
// book: the shipped settings (80 % rule, potential from 4) reach every account, a rerun writes
// nothing, and an account manager cannot write the segment (read-only in Baton_Account_Manager).

jest.setTimeout(60_000);

let testOrg: TestOrg;
const connect = jest.fn(async () => testOrg.conn);

beforeAll(async () => {
  testOrg = await startTestOrg({ twins: false });
  await seedDemoBook(testOrg.conn, { accounts: 60, asOf: '2026-01-12' });
}, 60_000);

afterAll(async () => {
  await testOrg?.close();
});

afterEach(() => {
  jest.restoreAllMocks();
  process.exitCode = undefined;
});

const run = (...args: string[]) => runCliJson([registerPortfolio], connect, args);

describe('baton portfolio segment', () => {
  it('it_should_write_each_accounts_segment_and_strategy_and_rewrite_nothing_on_a_rerun', async () => {
    const { json, exitCode } = await run('portfolio', 'segment');
    expect(exitCode).toBe(0);
    const accounts = (
      await testOrg.conn.query<Record<string, unknown>>(
        'SELECT Id, MRR__c, Portfolio_Value__c, Portfolio_Segment__c, Portfolio_Strategy__c, Growth_Potential__c FROM Account'
      )
    ).records;
    expect(json.accounts).toBe(accounts.length);
    const segmented = accounts.filter((account) => account.Portfolio_Segment__c);
    expect(segmented.length).toBe(accounts.length - json.unscored.length);
    expect(segmented.length).toBeGreaterThan(0);
    for (const account of segmented) {
      const highPotential = Number(account.Growth_Potential__c) >= 4;
      expect(['A', 'C'].includes(String(account.Portfolio_Segment__c))).toBe(highPotential);
    }
    // The high-value segments (A, B) hold at least 80 % of the book's value, and dropping the
    // least valuable of them would fall below it.
    const value = (rows: Record<string, unknown>[]) =>
      rows.reduce((sum, row) => sum + Number(row.Portfolio_Value__c), 0);
    const high = segmented.filter((account) =>
      ['A', 'B'].includes(String(account.Portfolio_Segment__c))
    );
    const total = value(segmented);
    expect(value(high)).toBeGreaterThanOrEqual(0.8 * total - 1e-9);
    const lowestHigh = Math.min(...high.map((account) => Number(account.Portfolio_Value__c)));
    const withoutLowest = high.filter((account) => Number(account.Portfolio_Value__c) > lowestHigh);
    expect(value(withoutLowest)).toBeLessThan(0.8 * total);
    expect(
      segmented.find((account) => account.Portfolio_Segment__c === 'D')?.Portfolio_Strategy__c ??
        'Streamline'
    ).toBe('Streamline');

    const rerun = await run('portfolio', 'segment');
    expect(rerun.json.changed).toBe(0);
  }, 60_000);

  it('it_should_let_an_account_manager_set_profitability_but_not_the_segment', async () => {
    const am = testOrg.connAs('accountManager');
    const [account] = (await am.query<{ Id: string }>('SELECT Id FROM Account LIMIT 1')).records;
    await expect(
      am.sobject('Account').update({ Id: account.Id, Profitability__c: 5 })
    ).resolves.toMatchObject({ success: true });
    await expect(
      am.sobject('Account').update({ Id: account.Id, Portfolio_Segment__c: 'A' })
    ).rejects.toThrow();
  });
});
