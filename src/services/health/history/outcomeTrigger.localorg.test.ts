import { addDays } from '../../../core';
import { startTestOrg, type TestOrg } from '../../../testkit/testOrg';

// Churn captured, through jsforce → local org as the account manager: moving an Account to
// Churned needs a churn date and reason, records the churn with its ARR and plans a winback
// (Customer_Outcome_Policy__mdt.Default: 90 days); an ARR fall of 20 % is a contraction, a
// contract start moved later a renewal.

jest.setTimeout(60_000);

let testOrg: TestOrg;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  testOrg = await startTestOrg();
});

afterAll(async () => {
  await testOrg?.close();
});

async function account(fields: Record<string, unknown> = {}): Promise<string> {
  const manager = testOrg.org.users.find((user) => user.persona === 'accountManager')!;
  const created = await testOrg.conn.sobject('Account').create({
    Name: `Outcome ${Date.now()} ${Math.random()}`,
    Customer_Stage__c: 'Retention',
    MRR__c: 1000,
    Account_Manager__c: manager.id,
    ...fields
  });
  return created.id!;
}

const outcomesOf = async (id: string) =>
  (
    await testOrg.conn.query<Record<string, unknown>>(
      `SELECT Type__c, Outcome_Date__c, ARR_Before__c, ARR_After__c, Reason__c FROM Customer_Outcome__c WHERE Account__c = '${id}'`
    )
  ).records.map(({ attributes: _attributes, ...row }) => row);

describe('churn and contraction captured on the Account', () => {
  it('refuses Churned without a date and reason, then records the churn and plans the winback', async () => {
    const id = await account();
    const am = testOrg.connAs('accountManager');
    await expect(
      am.sobject('Account').update({ Id: id, Customer_Stage__c: 'Churned' })
    ).rejects.toMatchObject({
      name: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: 'A churned account needs its Churn Date and Churn Reason.'
    });
    expect(await outcomesOf(id)).toEqual([]);

    const churned = addDays(today, -3);
    await am.sobject('Account').update({
      Id: id,
      Customer_Stage__c: 'Churned',
      Churn_Date__c: churned,
      Churn_Reason__c: 'Champion left'
    });
    expect(await outcomesOf(id)).toEqual([
      {
        Type__c: 'Churn',
        Outcome_Date__c: churned,
        ARR_Before__c: 12000,
        ARR_After__c: 0,
        Reason__c: 'Champion left'
      }
    ]);
    const winback = await testOrg.conn.query<{ ActivityDate: string; OwnerId: string }>(
      `SELECT ActivityDate, OwnerId FROM Task WHERE WhatId = '${id}' AND Subject = 'Winback'`
    );
    expect(winback.records.map((task) => task.ActivityDate)).toEqual([addDays(churned, 90)]);
  });

  it('an admin may add a churn reason of their own (the picklist is not restricted)', async () => {
    const id = await account();
    await testOrg.conn.sobject('Account').update({
      Id: id,
      Customer_Stage__c: 'Churned',
      Churn_Date__c: today,
      Churn_Reason__c: 'Moved to a competitor'
    });
    expect(await outcomesOf(id)).toMatchObject([{ Reason__c: 'Moved to a competitor' }]);
  });

  it('records an ARR fall of at least 20 % as a contraction, a smaller one as nothing', async () => {
    const fell = await account();
    const dipped = await account();
    await testOrg.conn.sobject('Account').update([
      { Id: fell, MRR__c: 800 },
      { Id: dipped, MRR__c: 801 }
    ]);
    expect(await outcomesOf(fell)).toEqual([
      {
        Type__c: 'Contraction',
        Outcome_Date__c: today,
        ARR_Before__c: 12000,
        ARR_After__c: 9600,
        Reason__c: null
      }
    ]);
    expect(await outcomesOf(dipped)).toEqual([]);
  });

  it('records a new contract term as a renewal, as the account manager saves it', async () => {
    const id = await account({ Contract_Start__c: '2025-01-01' });
    const am = testOrg.connAs('accountManager');
    await am.sobject('Account').update({ Id: id, Contract_Start__c: '2026-01-01' });
    expect(await outcomesOf(id)).toEqual([
      {
        Type__c: 'Renewal',
        Outcome_Date__c: '2026-01-01',
        ARR_Before__c: 12000,
        ARR_After__c: 12000,
        Reason__c: null
      }
    ]);
    // A first contract start is onboarding, not a renewal.
    const fresh = await account();
    await am.sobject('Account').update({ Id: fresh, Contract_Start__c: '2026-01-01' });
    expect(await outcomesOf(fresh)).toEqual([]);
  });
});
