import { bulkIngest } from '../org/bulk';
import { startTestOrg, type TestOrg } from '../testkit/testOrg';

// A lookup with Restrict delete (or a required one) keeps its parent: an Account with surveys,
// usage or snapshots cannot be deleted by any path until they are gone, as in an org.
let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg({ twins: false });
});
afterAll(() => t.close());

async function accountWithHistory(name: string): Promise<{ account: string; children: string[] }> {
  const account = (await t.conn.sobject('Account').create({ Name: name })).id as string;
  const children = [
    await t.conn.sobject('Survey_Response__c').create({
      Account__c: account,
      Type__c: 'NPS',
      Score__c: 9,
      Responded_On__c: '2026-01-05'
    }),
    await t.conn
      .sobject('Usage_Snapshot__c')
      .create({ Account__c: account, Period_End__c: '2026-01-31' }),
    await t.conn.sobject('Health_Snapshot__c').create({ Account__c: account })
  ].map((result) => result.id as string);
  return { account, children };
}

const alive = async (id: string) =>
  (await t.conn.query(`SELECT Id FROM Account WHERE Id = '${id}'`)).totalSize === 1;

const codeOf = async (work: () => Promise<unknown>) =>
  work().then(
    () => 'deleted',
    (error: { errorCode?: string }) => error.errorCode
  );

describe('Restrict delete', () => {
  it('refuses to delete an Account with surveys, usage and snapshots by REST, collections and Bulk', async () => {
    const { account, children } = await accountWithHistory('Restricted Oy');
    expect(await codeOf(() => t.conn.sobject('Account').destroy(account))).toBe('DELETE_FAILED');
    const [collection] = (await t.conn
      .sobject('Account')
      .destroy([account], { allOrNone: false })) as unknown as {
      errors: { statusCode: string; message: string }[];
    }[];
    expect(collection.errors).toEqual([
      expect.objectContaining({
        statusCode: 'DELETE_FAILED',
        message: expect.stringMatching(
          /^Your attempt to delete Restricted Oy could not be completed because it is associated with the following (survey responses|usage snapshots|health snapshots)\.: a0/
        )
      })
    ]);
    const bulk = await bulkIngest(t.conn, 'Account', 'delete', [{ Id: account }]);
    expect(bulk.failed.map((f) => f.error.split(':')[0])).toEqual(['DELETE_FAILED']);
    expect(await alive(account)).toBe(true);

    // Once the records that hold it are gone, it can go.
    await t.conn.sobject('Survey_Response__c').destroy(children[0]);
    expect(await codeOf(() => t.conn.sobject('Account').destroy(account))).toBe('DELETE_FAILED');
    await t.conn.sobject('Usage_Snapshot__c').destroy(children[1]);
    await t.conn.sobject('Health_Snapshot__c').destroy(children[2]);
    expect(await codeOf(() => t.conn.sobject('Account').destroy(account))).toBe('deleted');
    expect(await alive(account)).toBe(false);
  });

  it('says so in describe', async () => {
    const describe = await t.conn.sobject('Account').describe();
    const surveys = describe.childRelationships.find(
      (c) => c.childSObject === 'Survey_Response__c'
    );
    expect(surveys).toMatchObject({ restrictedDelete: true, cascadeDelete: false });
  });
});
