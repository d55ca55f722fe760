import { startTestOrg } from '../localorg/testing';
import { healthHistory } from './demoHealth';
import { attachPreview } from './start';

/** The small book the browser tests open, written through the local org's REST API. */
const ACCOUNTS = [
  {
    Name: 'Kontrakti Oy',
    Touch_Tier__c: 'Low',
    MRR__c: 2000,
    Growth_Potential__c: 2,
    Customer_Stage__c: 'Onboarding',
    score: 76
  },
  {
    Name: 'Revontuli Analytics',
    Touch_Tier__c: 'High',
    MRR__c: 9000,
    Growth_Potential__c: 4,
    Customer_Stage__c: 'Retention',
    score: 41
  },
  {
    Name: 'Saimaa Systems',
    Touch_Tier__c: 'Tech',
    MRR__c: 300,
    Growth_Potential__c: 1,
    Customer_Stage__c: 'Adoption',
    score: 63
  }
];

type SaveResult = { id?: string; success: boolean; errors?: unknown[] };

function ids(results: SaveResult | SaveResult[]): string[] {
  const list = Array.isArray(results) ? results : [results];
  const failed = list.filter((r) => !r.success);
  if (failed.length) throw new Error(`Seeding the local org failed: ${JSON.stringify(failed)}`);
  return list.map((r) => r.id as string);
}

/**
 * A fresh local org (temporary folder, all Apex twins) with a few scored accounts, and the
 * preview served on it, as `npm start` serves it: for browser tests and screenshots.
 */
export async function startLocalPreview() {
  const test = await startTestOrg();
  try {
    const conn = test.conn;
    const accountIds = ids(
      (await conn.sobject('Account').create(
        ACCOUNTS.map(({ score: _score, ...fields }) => ({
          ...fields,
          Suggested_Touch_Tier__c: fields.Touch_Tier__c
        }))
      )) as SaveResult[]
    );
    for (const [index, accountId] of accountIds.entries()) {
      const history = healthHistory(accountId, ACCOUNTS[index].score);
      ids((await conn.sobject('Health_Snapshot__c').create(history.snapshots)) as SaveResult[]);
      ids((await conn.sobject('Survey_Response__c').create(history.survey)) as SaveResult);
      ids(
        (await conn.sobject('Account').update({ Id: accountId, ...history.account })) as SaveResult
      );
    }
    ids(
      (await conn.sobject('Contact').create({
        LastName: 'Virtanen',
        FirstName: 'Aino',
        Title: 'CFO',
        AccountId: accountIds[0]
      })) as SaveResult
    );
    const preview = await attachPreview(test.org);
    const [seller, manager] = ['seller', 'accountManager'].map((key) =>
      test.org.personas().find((p) => p.key === key)!
    );
    return {
      url: test.org.url,
      loginUrl: (persona?: string) => preview.loginUrl(persona),
      accountId: accountIds[0],
      accountName: ACCOUNTS[0].Name,
      accounts: ACCOUNTS.map((a, i) => ({ ...a, Id: accountIds[i] })),
      seller,
      manager,
      stop: () => test.close()
    };
  } catch (error) {
    await test.close();
    throw error;
  }
}
