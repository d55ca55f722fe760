import type { Connection } from 'jsforce';
import { bulkIngest } from '../org/bulk';
import { startTestOrg, type TestOrg } from '../testkit/testOrg';

// Object and field permissions through jsforce → local org, per persona, on every write path.
let t: TestOrg;
let admin: Connection;
let seller: Connection;
let manager: Connection;
let accountId: string;

type Fields = Record<string, unknown>;
const OVERRIDE_FIELDS = 'Name, Health_Override__c, Health_Override_Reason__c, Health_Status__c';

beforeAll(async () => {
  t = await startTestOrg();
  admin = t.conn;
  seller = t.connAs('seller');
  manager = t.connAs('accountManager');
});
afterAll(() => t.close());

beforeEach(async () => {
  const created = (await admin
    .sobject('Account')
    .create({ Name: 'Lupa Oy', Health_Status__c: 'Green' })) as { id: string };
  accountId = created.id;
});

async function errorOf(
  promise: PromiseLike<unknown>
): Promise<{ errorCode: string; message: string; fields?: string[] }> {
  try {
    await promise;
  } catch (error) {
    return error as { errorCode: string; message: string };
  }
  throw new Error('expected the call to fail');
}

const stored = async () =>
  (await admin.query<Fields>(`SELECT ${OVERRIDE_FIELDS} FROM Account WHERE Id = '${accountId}'`))
    .records[0];
const untouched = { Name: 'Lupa Oy', Health_Override__c: null, Health_Status__c: 'Green' };

describe('local org permissions', () => {
  it("refuses a seller's health override naming the field and writes nothing", async () => {
    const error = await errorOf(
      seller
        .sobject('Account')
        .update({ Id: accountId, Name: 'Renamed Oy', Health_Override__c: 'Red' })
    );
    expect(error.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    expect(error.message).toContain('Health_Override__c');
    expect(error.message).not.toContain('Name');
    expect(await stored()).toMatchObject(untouched);
  });

  it("lets an account manager override and a seller edit the Account's standard fields", async () => {
    await manager.sobject('Account').update({
      Id: accountId,
      Health_Override__c: 'Red',
      Health_Override_Reason__c: 'Champion left'
    });
    await seller.sobject('Account').update({ Id: accountId, Name: 'Lupa Group Oy' });
    expect(await stored()).toMatchObject({
      Name: 'Lupa Group Oy',
      Health_Override__c: 'Red',
      Health_Override_Reason__c: 'Champion left'
    });
  });

  it('lets the admin write any field, computed ones included', async () => {
    await admin.sobject('Account').update({
      Id: accountId,
      Health_Override__c: 'Yellow',
      Health_Score__c: 55,
      Health_Status__c: 'Yellow'
    });
    expect(await stored()).toMatchObject({
      Health_Override__c: 'Yellow',
      Health_Status__c: 'Yellow'
    });
  });

  it('refuses custom metadata writes through the data APIs, even to the admin', async () => {
    const [band] = (
      await admin.query<{ Id: string; Min_Value__c: number }>(
        "SELECT Id, Min_Value__c FROM Health_Band__mdt WHERE DeveloperName = 'Green'"
      )
    ).records;
    await expect(
      admin.sobject('Health_Band__mdt').update({ Id: band.Id, Min_Value__c: 10 })
    ).rejects.toMatchObject({ errorCode: 'INVALID_TYPE_FOR_OPERATION' });
    await expect(
      admin.sobject('Health_Band__mdt').create({ DeveloperName: 'Extra', MasterLabel: 'Extra' })
    ).rejects.toMatchObject({ errorCode: 'INVALID_TYPE_FOR_OPERATION' });
    const after = await admin.query<{ Min_Value__c: number }>(
      "SELECT Min_Value__c FROM Health_Band__mdt WHERE DeveloperName = 'Green'"
    );
    expect(after.records[0].Min_Value__c).toBe(band.Min_Value__c);
  });

  it('holds each persona to its object permissions on Handover__c', async () => {
    const handover = { Account__c: accountId, Status__c: 'Draft', What_Was_Sold__c: 'Pro' };
    const created = (await seller.sobject('Handover__c').create(handover)) as {
      id: string;
      success: boolean;
    };
    expect(created.success).toBe(true);
    const refused = await errorOf(manager.sobject('Handover__c').create(handover));
    expect(refused.errorCode).toBe('INSUFFICIENT_ACCESS_OR_READONLY');
    expect(refused.message).toContain('Handover__c');
    // The account manager edits the handover's status but not what the seller wrote.
    await manager.sobject('Handover__c').update({ Id: created.id, Status__c: 'Submitted' });
    const field = await errorOf(
      manager.sobject('Handover__c').update({ Id: created.id, What_Was_Sold__c: 'Basic' })
    );
    expect(field.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    expect((await errorOf(seller.sobject('Handover__c').destroy(created.id))).errorCode).toBe(
      'INSUFFICIENT_ACCESS_OR_READONLY'
    );
    const count = `SELECT COUNT() FROM Handover__c WHERE Account__c = '${accountId}'`;
    expect((await admin.query(count)).totalSize).toBe(1);
    await admin.sobject('Handover__c').destroy(created.id);
    expect((await admin.query(count)).totalSize).toBe(0);
  });

  it('reports updateable and createable per field for the calling user in describe', async () => {
    const field = async (conn: Connection, object: string, name: string) =>
      (
        await conn.request<{
          fields: { name: string; updateable: boolean; createable: boolean }[];
        }>(`/services/data/v62.0/sobjects/${object}/describe`)
      ).fields.find((f) => f.name === name)!;
    expect(await field(seller, 'Account', 'Health_Override__c')).toMatchObject({
      updateable: false,
      createable: false
    });
    expect(await field(seller, 'Account', 'Name')).toMatchObject({ updateable: true });
    expect(await field(manager, 'Account', 'Health_Override__c')).toMatchObject({
      updateable: true
    });
    expect(await field(manager, 'Handover__c', 'Status__c')).toMatchObject({
      updateable: true,
      createable: false
    });
    expect(await field(admin, 'Account', 'Health_Score__c')).toMatchObject({ updateable: true });
    const handover = await seller.request<{ createable: boolean; deletable: boolean }>(
      '/services/data/v62.0/sobjects/Handover__c/describe'
    );
    expect(handover).toMatchObject({ createable: true, deletable: false });
  });

  it('lets no one but the admin assign permission sets', async () => {
    const [set] = (
      await admin.query<{ Id: string }>(
        "SELECT Id FROM PermissionSet WHERE Name = 'Baton_Account_Manager'"
      )
    ).records;
    const self = t.org.users.find((u) => u.persona === 'seller')!.id;
    const refused = await errorOf(
      seller
        .sobject('PermissionSetAssignment')
        .create({ AssigneeId: self, PermissionSetId: set.Id })
    );
    expect(refused.errorCode).toBe('INSUFFICIENT_ACCESS_OR_READONLY');
    const held = `SELECT COUNT() FROM PermissionSetAssignment WHERE AssigneeId = '${self}'`;
    expect((await admin.query(held)).totalSize).toBe(1);
  });

  it('refuses per record in sObject collections and through the UI API', async () => {
    const other = (await admin.sobject('Account').create({ Name: 'Muu Oy' })) as { id: string };
    const results = (await seller.sobject('Account').update(
      [
        { Id: accountId, Health_Override__c: 'Red' },
        { Id: other.id, Name: 'Muu Group Oy' }
      ],
      { allOrNone: false }
    )) as { success: boolean; errors: { statusCode: string; fields: string[] }[] }[];
    expect(results.map((r) => r.success)).toEqual([false, true]);
    expect(results[0].errors[0]).toMatchObject({
      statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      fields: ['Health_Override__c']
    });
    const ui = await errorOf(
      seller.request({
        method: 'PATCH',
        url: `/services/data/v62.0/ui-api/records/${accountId}`,
        body: JSON.stringify({ fields: { Health_Override__c: 'Red' } }),
        headers: { 'Content-Type': 'application/json' }
      })
    );
    expect(ui.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    expect(await stored()).toMatchObject(untouched);
  });

  it('fails a Bulk ingest row a seller may not write, naming the field', async () => {
    const result = await bulkIngest(seller, 'Account', 'update', [
      { Id: accountId, Health_Override__c: 'Red' }
    ]);
    expect(result.successful).toHaveLength(0);
    expect(result.failed[0].error).toMatch(/^INVALID_FIELD_FOR_INSERT_UPDATE:.*Health_Override__c/);
    expect(await stored()).toMatchObject(untouched);
  });

  it('holds the Apex twins to the calling user: a seller cannot override, a manager can', async () => {
    const call = (conn: Connection, method: string, params: Fields) =>
      conn.request({
        method: 'POST',
        url: `/services/apexrest-local/HealthController/${method}`,
        body: JSON.stringify(params),
        headers: { 'Content-Type': 'application/json' }
      });
    const params = { accountId, status: 'Red', reason: 'Champion left' };
    const refused = await errorOf(call(seller, 'setOverride', params));
    expect(refused.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    expect(refused.message).toContain('Health_Override__c');
    expect(await stored()).toMatchObject(untouched);
    // Health_Status__c follows the override in system mode, as in the Apex.
    await call(manager, 'setOverride', params);
    expect(await stored()).toMatchObject({ Health_Override__c: 'Red', Health_Status__c: 'Red' });
    const tier = await errorOf(
      seller.request({
        method: 'POST',
        url: '/services/apexrest-local/TierCadenceController/setTierOverride',
        body: JSON.stringify({ accountId, tier: 'High', reason: 'Big deal' }),
        headers: { 'Content-Type': 'application/json' }
      })
    );
    expect(tier.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    expect(tier.message).toContain('Touch_Tier__c');
  });
});
