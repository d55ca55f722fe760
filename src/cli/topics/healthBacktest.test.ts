import type { Connection } from 'jsforce';
import { seedDemoBook } from '../../devstack/seed/seed';
import { startTestOrg, type TestOrg } from '../../testkit/testOrg';
import { register } from './health';
import { getLatest } from '../../services/health/history/backtestRuns';
import { runCliJson } from '../../testkit/runCli';

// `baton health backtest` through the CLI on the seeded demo book (its weekly history, its
// churns, contractions and renewals): each statistic per horizon, a refusal with its reason
// where too few outcomes have a score that old, and flags checked before connecting.

jest.setTimeout(180_000);

let testOrg: TestOrg;
let conn: Connection;
const connect = jest.fn(async () => conn);
const run = (...args: string[]) =>
  runCliJson([register], connect, ['health', 'backtest', ...args]).finally(() =>
    jest.restoreAllMocks()
  );

beforeAll(async () => {
  testOrg = await startTestOrg();
  conn = testOrg.conn;
  await seedDemoBook(conn, { accounts: 60, seed: 1 });
});

afterAll(async () => {
  await testOrg?.close();
});

describe('baton health backtest', () => {
  it('reports each statistic at 90 and 180 days on the demo book', async () => {
    const { json, exitCode } = await run();
    expect(exitCode).toBe(0);
    expect(json.horizons.map((h: { horizonDays: number }) => h.horizonDays)).toEqual([90, 180]);
    for (const horizon of json.horizons) {
      // The seeded usage, surveys and meetings reach back over the whole history, so both
      // horizons have enough outcomes whose score rested on enough data.
      expect(horizon.refused).toBeNull();
      expect(horizon.bands.map((b: { status: string }) => b.status)).not.toContain(
        'Insufficient data'
      );
      expect(horizon.outcomes + horizon.tooLittleData.outcomes).toBeLessThanOrEqual(json.outcomes);
      expect(horizon.bad).toBeGreaterThanOrEqual(10);
      expect(horizon.good).toBeGreaterThanOrEqual(10);
      expect(horizon.auc).toBeGreaterThanOrEqual(0);
      expect(horizon.aucInterval[0]).toBeLessThanOrEqual(horizon.auc);
      expect(horizon.aucInterval[1]).toBeGreaterThanOrEqual(horizon.auc);
      expect(horizon.lift.baseRate).toBeCloseTo(horizon.bad / horizon.outcomes, 6);
      expect(horizon.bands.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(
        horizon.outcomes
      );
      expect(horizon.calibration.length).toBeGreaterThan(0);
      expect(horizon.measures.map((m: { measure: string }) => m.measure)).toContain('NPS');
    }
    expect(json.bandFlips.pairs).toBeGreaterThan(0);
    expect(json.bandFlips.rate).toBeGreaterThanOrEqual(0);
    expect(json.horizons[0].overrides).toMatchObject({ overridden: expect.any(Number) });
    // The demo's at-risk accounts scored lower before they left: the score predicts there.
    expect(json.horizons[0].auc).toBeGreaterThan(0.6);
    // A quarter before, nearly every outcome's score rested on enough data.
    expect(json.horizons[0].tooLittleData.outcomes).toBeLessThanOrEqual(json.outcomes / 10);

    // Churn caught among reachable accounts: the shipped High tier meets every 90 days, Low
    // every 365, Tech never, so at 90 and 180 days only High accounts are in reach.
    const churned = await conn.query<{ Account__r: { Touch_Tier__c: string | null } }>(
      "SELECT Account__r.Touch_Tier__c FROM Customer_Outcome__c WHERE Type__c = 'Churn'"
    );
    const high = churned.records.filter((r) => r.Account__r?.Touch_Tier__c === 'High').length;
    for (const horizon of json.horizons) {
      const { churns, reachable, tooLittleData, caught, rate } = horizon.reachable;
      expect(churns).toBe(churned.records.length);
      expect(reachable).toBe(high);
      const scored = reachable - tooLittleData;
      expect(caught).toBeLessThanOrEqual(scored);
      expect(rate).toBe(scored ? caught / scored : null);
    }
  });

  it('says each statistic in a plain sentence', async () => {
    const program = await import('commander');
    const cli = new program.Command('baton').exitOverride();
    register(cli, connect);
    const out: string[] = [];
    jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk) => (out.push(String(chunk)), true));
    await cli.parseAsync(['node', 'baton', 'health', 'backtest', '--horizons', '90,180']);
    jest.restoreAllMocks();
    const text = out.join('');
    expect(text).toMatch(
      /AUC \d\.\d\d \(95 % interval \d\.\d\d–\d\.\d\d\): the chance that a customer who left had a lower score than one who renewed/
    );
    expect(text).toMatch(/Lowest-scored tenth: \d+ % churned or contracted against \d+ % overall/);
    expect(text).toMatch(/suggested [\d.]+ \(not applied/);
    // Half a year before, the youngest customers had too little data: said, and left out.
    expect(text).toMatch(
      /Left out: \d+ outcomes \(\d+ churn or contraction, \d+ renewal\) whose score then rested on too little data/
    );
    expect(text).toMatch(/Band changes: \d+ % of \d+ snapshot-to-next pairs/);
    expect(text).toMatch(/overrides? (cannot be judged|\(\d+ %\) said)/i);
    expect(text).toMatch(
      /Churn caught among reachable accounts: (of \d+ churned accounts with a score whose tier meets them at least every 90 days, the score had \d+ \(\d+ %, 95 % interval \d+ %–\d+ %\) in a warning band 90 days before|none of the \d+ churned accounts|the \d+ churned accounts whose tier)/
    );
  });

  it('refuses, saying why, where too few outcomes have a score that old', async () => {
    const { json, exitCode } = await run('--horizons', '400');
    expect(exitCode).toBe(0);
    expect(json.horizons[0]).toMatchObject({ horizonDays: 400, outcomes: 0, auc: null });
    expect(json.horizons[0].refused).toMatch(/^Too few outcomes with a score 400 days before them/);
  });

  it('counts only churns, contractions and renewals: a trial that ended is neither', async () => {
    const before = (await run()).json;
    const renewed = await conn.query<{ Account__c: string; Outcome_Date__c: string }>(
      "SELECT Account__c, Outcome_Date__c FROM Customer_Outcome__c WHERE Type__c = 'Renewal' LIMIT 1"
    );
    const { Account__c, Outcome_Date__c } = renewed.records[0];
    const trial = await conn.sobject('Customer_Outcome__c').create({
      Account__c,
      Type__c: 'Trial Not Converted',
      Outcome_Date__c
    });
    try {
      const after = (await run()).json;
      expect(after.outcomes).toBe(before.outcomes);
      expect(after.horizons).toEqual(before.horizons);
    } finally {
      await conn.sobject('Customer_Outcome__c').destroy(trial.id!);
    }
  });

  it("keeps the run in the org with --save, one record per horizon, for the admins' card", async () => {
    expect(await getLatest(conn)).toBeNull();
    const plain = await run();
    expect(plain.json.saved).toBeUndefined();
    expect(await getLatest(conn)).toBeNull();

    const { json, exitCode } = await run('--save', '--horizons', '90,400');
    expect(exitCode).toBe(0);
    expect(json.saved).toHaveLength(2);
    const [ninety, refused] = json.horizons;
    const latest = await getLatest(conn);
    expect(latest!.horizons).toEqual([
      {
        horizonDays: 90,
        auc: Number(ninety.auc.toFixed(3)),
        aucLow: Number(ninety.aucInterval[0].toFixed(3)),
        aucHigh: Number(ninety.aucInterval[1].toFixed(3)),
        lift: Number(ninety.lift.lift.toFixed(2)),
        baseRate: Number(ninety.lift.baseRate.toFixed(3)),
        bad: ninety.bad,
        good: ninety.good,
        leftOut: ninety.tooLittleData.outcomes,
        refused: null
      },
      expect.objectContaining({ horizonDays: 400, auc: null, refused: refused.refused })
    ]);
    const stored = await conn.query<{ Report__c: string }>(
      'SELECT Report__c FROM Health_Backtest__c WHERE Horizon_Days__c = 90'
    );
    expect(JSON.parse(stored.records[0].Report__c)).toEqual(ninety);
  });

  it('checks --horizons before connecting', async () => {
    connect.mockClear();
    const { json, exitCode } = await run('--horizons', '90,0');
    expect(exitCode).toBe(1);
    expect(json.message).toMatch(/^--horizons: whole days/);
    expect(connect).not.toHaveBeenCalled();
  });
});
