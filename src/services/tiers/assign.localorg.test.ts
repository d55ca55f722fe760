import type { Connection } from 'jsforce';
import { startTestOrg } from '../../testkit/testOrg';
import { assignTiers } from './assign';
import { coreSuggest } from './coreSuggest';
import { loadProjectModel } from '../../metadata/projectModel';

// tier assign end to end: jsforce → local org, with the core rules and the project's
// custom metadata thresholds (High from ARR 50 000, or 20 000 with potential ≥ 4,
// or strategic; Tech below ARR 5 000 unless strategic; Low otherwise).

type TestOrg = Awaited<ReturnType<typeof startTestOrg>>;
let testOrg: TestOrg;
let conn: Connection;

beforeAll(async () => {
  testOrg = await startTestOrg();
  conn = testOrg.conn;
}, 60_000);

afterAll(async () => {
  await testOrg?.close();
});

const TIER_FIELDS =
  'Touch_Tier__c, Suggested_Touch_Tier__c, Touch_Tier_Override_Reason__c, SystemModstamp';

async function create(fields: Record<string, unknown>): Promise<string> {
  const result = await conn.sobject('Account').create({ Name: `Tier ${Math.random()}`, ...fields });
  return result.id as string;
}

async function read(id: string) {
  const result = await conn.query<Record<string, unknown>>(
    `SELECT ${TIER_FIELDS} FROM Account WHERE Id = '${id}'`
  );
  return result.records[0];
}

describe('assignTiers through the local org', () => {
  it('sets changed tiers with a reason, never touches an override, and a rerun writes nothing', async () => {
    const big = await create({ MRR__c: 5000 });
    const growing = await create({
      MRR__c: 2000,
      Growth_Potential__c: 4,
      Touch_Tier__c: 'Low',
      Suggested_Touch_Tier__c: 'Low'
    });
    const steady = await create({
      MRR__c: 2000,
      Growth_Potential__c: 3,
      Touch_Tier__c: 'Low',
      Suggested_Touch_Tier__c: 'Low'
    });
    const overridden = await create({
      MRR__c: 100,
      Touch_Tier__c: 'High',
      Suggested_Touch_Tier__c: 'High',
      Touch_Tier_Override_Reason__c: 'Reference customer in a new segment'
    });
    const overriddenBefore = await read(overridden);
    const allAccounts = async () =>
      (await conn.query(`SELECT Id, ${TIER_FIELDS} FROM Account ORDER BY Id`)).records;
    const beforeDry = await allAccounts();

    const dry = await assignTiers(conn, coreSuggest(loadProjectModel()), { dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(dry.changes.map((change) => change.accountId)).toEqual(
      expect.arrayContaining([big, growing])
    );
    // A dry run reports the same changes and writes nothing, not even a SystemModstamp.
    expect(await allAccounts()).toEqual(beforeDry);

    const summary = await assignTiers(conn, coreSuggest(loadProjectModel()));
    const byId = new Map(summary.changes.map((change) => [change.accountId, change]));
    expect(byId.get(big)).toMatchObject({ from: null, to: 'High' });
    // The reason names the rule's inputs (Touch_Tier_Rule__mdt thresholds, ARR = MRR × 12).
    expect(byId.get(big)).toMatchObject({ reason: 'ARR 60\u202f000 ≥ 50\u202f000' });
    expect(byId.get(growing)).toMatchObject({
      from: 'Low',
      to: 'High',
      reason: 'ARR 24\u202f000 ≥ 20\u202f000 and growth potential 4 ≥ 4'
    });
    expect(summary.changes.map(({ accountId, from, to }) => ({ accountId, from, to }))).toEqual(
      dry.changes.map(({ accountId, from, to }) => ({ accountId, from, to }))
    );
    expect(byId.has(steady)).toBe(false);
    expect(byId.has(overridden)).toBe(false);
    expect(summary.overridesDiffering).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ accountId: overridden, tier: 'High', suggested: 'Tech' })
      ])
    );
    expect(await read(big)).toMatchObject({
      Touch_Tier__c: 'High',
      Suggested_Touch_Tier__c: 'High'
    });
    expect(await read(growing)).toMatchObject({ Touch_Tier__c: 'High' });
    // The overridden account is not written at all, not even its suggestion.
    expect(await read(overridden)).toEqual(overriddenBefore);

    const before = testOrg.org.apiRequestCount();
    const rerun = await assignTiers(conn, coreSuggest(loadProjectModel()));
    expect(rerun.changed).toBe(0);
    expect(rerun.suggestionRefreshed).toBe(0);
    // One read of the accounts, no writes.
    expect(testOrg.org.apiRequestCount() - before).toBeLessThanOrEqual(2);
  });
});
