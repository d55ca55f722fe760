import type { Connection } from 'jsforce';
import { startTestOrg } from '../../testkit/testOrg';
import { addDays, isoDateOf } from '../../core/dates';
import { clearTierOverride, getCadence, setTierOverride } from './tierCadenceController';

// The TierCadenceController twin through jsforce → local org, as the preview calls it.

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

async function tieredAccount(): Promise<string> {
  const result = await conn.sobject('Account').create({
    Name: `Card ${Math.random()}`,
    Touch_Tier__c: 'Low',
    Suggested_Touch_Tier__c: 'Low'
  });
  return result.id as string;
}

describe('TierCadenceController twin', () => {
  it('re-plans the touchpoints at once when the account manager sets the tier, and says what it implies', async () => {
    // A Low account 100 days into onboarding: only its goal review (day 365) lies ahead.
    const onboarded = addDays(isoDateOf(new Date()), -100);
    const created = await conn.sobject('Account').create({
      Name: `Replan ${Math.random()}`,
      Touch_Tier__c: 'Low',
      Suggested_Touch_Tier__c: 'Low',
      Contract_Start__c: onboarded,
      Onboarding_Started__c: onboarded
    });
    const accountId = created.id as string;
    const am = testOrg.connAs('accountManager');
    const low = await clearTierOverride(am, { accountId }, conn);
    expect(low.touchpoints.map((t) => t.dueDate)).toEqual([addDays(onboarded, 365)]);
    expect(low.rhythm).toMatchObject({
      meetingIntervalDays: 365,
      firstContactFrom: 'ContractStart'
    });

    const high = await setTierOverride(
      am,
      { accountId, tier: 'High', reason: 'Three sites' },
      conn
    );
    // A meeting every 90 days from onboarding: day 90 is past and not backfilled.
    expect(high.touchpoints.map((t) => t.dueDate)).toEqual(
      [180, 270, 360, 365, 450].map((day) => addDays(onboarded, day))
    );
    expect(high.rhythm).toMatchObject({ meetingIntervalDays: 90, firstContactKind: 'kickoff' });
    const account = await conn.sobject('Account').retrieve(accountId);
    expect((account as Record<string, unknown>).Next_Touchpoint_Due__c).toBe(
      addDays(onboarded, 180)
    );

    // Back to the suggested Low: High's meetings are cancelled.
    const back = await clearTierOverride(am, { accountId }, conn);
    expect(back.touchpoints.map((t) => t.dueDate)).toEqual([addDays(onboarded, 365)]);
  });

  it('lists open planned touchpoints earliest first and flags the overdue ones', async () => {
    const accountId = await tieredAccount();
    const today = isoDateOf(new Date());
    await conn.sobject('Task').create([
      {
        WhatId: accountId,
        Subject: 'Goal review',
        ActivityDate: addDays(today, 300),
        Touchpoint_Key__c: `${accountId}:goal-review`
      },
      {
        WhatId: accountId,
        Subject: 'First contact',
        ActivityDate: addDays(today, -2),
        Touchpoint_Key__c: `${accountId}:first-contact`
      },
      {
        WhatId: accountId,
        Subject: 'Done',
        ActivityDate: addDays(today, -30),
        Status: 'Completed',
        Touchpoint_Key__c: `${accountId}:kickoff`
      },
      { WhatId: accountId, Subject: 'Not planned', ActivityDate: today }
    ]);
    const view = await getCadence(conn, { accountId });
    expect(view.touchpoints.map((touchpoint) => touchpoint.subject)).toEqual([
      'First contact',
      'Goal review'
    ]);
    expect(view.touchpoints.map((touchpoint) => touchpoint.overdue)).toEqual([true, false]);
    expect(view.overdue).toBe(true);
    expect(view.touchpoints[0].ownerName).toEqual(expect.any(String));
    // The onboarding target the card compares time to first value with: the org's
    // Health_Measure.Time_To_First_Value Full_At__c (30 as shipped), the same one the missed-value alert uses.
    expect(view.firstValueTargetDays).toBe(30);
  });

  it('sets an override with a trimmed reason, refuses a blank one, and clears back to the suggestion', async () => {
    const accountId = await tieredAccount();
    await expect(setTierOverride(conn, { accountId, tier: 'High', reason: '  ' })).rejects.toThrow(
      'Give a reason for the tier override.'
    );
    await expect(setTierOverride(conn, { accountId, tier: 'Gold', reason: 'Big' })).rejects.toThrow(
      'Tier must be High, Low or Tech.'
    );
    await setTierOverride(conn, { accountId, tier: 'High', reason: ' Reference customer ' });
    const read = async () =>
      (
        await conn.query(
          `SELECT Touch_Tier__c, Touch_Tier_Override_Reason__c FROM Account WHERE Id = '${accountId}'`
        )
      ).records[0];
    expect(await read()).toMatchObject({
      Touch_Tier__c: 'High',
      Touch_Tier_Override_Reason__c: 'Reference customer'
    });
    await clearTierOverride(conn, { accountId });
    expect(await read()).toMatchObject({
      Touch_Tier__c: 'Low',
      Touch_Tier_Override_Reason__c: null
    });
  });

  it("answers from the org's custom metadata, as the Apex's getAll() does, not force-app's", async () => {
    // An admin's edit in Setup; a real org never takes __mdt writes through REST, so the test
    // arranges it in the local org's SQLite row (the twin reads it back through jsforce).
    const setMetadata = (type: string, name: string, field: string, value: unknown) =>
      testOrg.org.core.db
        .prepare(`UPDATE "${type}" SET "${field}" = ? WHERE DeveloperName = ?`)
        .run(value, name).changes;
    const accountId = await tieredAccount();
    expect(setMetadata('Health_Measure__mdt', 'Time_To_First_Value', 'Full_At__c', 45)).toBe(1);
    expect(setMetadata('Tier_Cadence__mdt', 'Low', 'Onboarding_Model__c', 'Group webinar')).toBe(1);
    try {
      const view = await getCadence(conn, { accountId });
      expect(view.firstValueTargetDays).toBe(45);
      expect(view.tierOnboardingModel).toBe('Group webinar');
    } finally {
      setMetadata('Health_Measure__mdt', 'Time_To_First_Value', 'Full_At__c', 30);
      setMetadata('Tier_Cadence__mdt', 'Low', 'Onboarding_Model__c', 'Personal online training');
    }
  });
});
