import { Connection } from 'jsforce';
import { to18 } from '../core/ids';
import { startTestOrg, type TestOrg } from '../testkit/testOrg';

type Json = Record<string, unknown>;
const V = '/services/data/v62.0';

async function errorOf(promise: PromiseLike<unknown>): Promise<Error & { errorCode?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { errorCode?: string };
  }
  throw new Error('expected the call to fail');
}

describe('jsforce and @salesforce/core against a local org', () => {
  let t: TestOrg;
  let conn: Connection;

  beforeAll(async () => {
    t = await startTestOrg();
    conn = t.conn;
  });
  afterAll(() => t.close());

  it("answers conn.identity() from the version resource's identity URL", async () => {
    const identity = await conn.identity();
    const admin = t.org.users.find((u) => u.persona === 'admin')!;
    expect(identity).toMatchObject({ user_id: admin.id, username: admin.username });
    expect(to18(identity.organization_id)).toBe(identity.organization_id);
    expect(identity.organization_id.startsWith('00D')).toBe(true);
  });

  it('retrieves many records by id, null for one that is gone', async () => {
    const [a, b] = (await conn
      .sobject('Account')
      .create([{ Name: 'Retrieve A' }, { Name: 'Retrieve B' }])) as { id: string }[];
    await conn.sobject('Account').destroy(b.id);
    const records = (await conn.sobject('Account').retrieve([a.id, b.id], {
      fields: ['Name']
    })) as (Json | null)[];
    expect(records.map((r) => r?.Name ?? null)).toEqual(['Retrieve A', null]);
  });

  it('creates a tree of records with /composite/tree, all or nothing', async () => {
    const tree = (referenceId: string, contactName: string | null) => ({
      records: [
        {
          attributes: { type: 'Account', referenceId },
          Name: `Tree ${referenceId}`,
          Contacts: {
            records: [
              {
                attributes: { type: 'Contact', referenceId: `${referenceId}C` },
                LastName: contactName
              }
            ]
          },
          Cases: {
            records: [
              { attributes: { type: 'Case', referenceId: `${referenceId}K` }, Subject: 'Tree case' }
            ]
          }
        }
      ]
    });
    const created = await conn.requestPost<{
      hasErrors: boolean;
      results: { referenceId: string; id: string }[];
    }>(`${V}/composite/tree/Account`, tree('T1', 'Puu'));
    expect(created.hasErrors).toBe(false);
    expect(created.results.map((r) => r.referenceId).sort()).toEqual(['T1', 'T1C', 'T1K']);
    const account = created.results.find((r) => r.referenceId === 'T1')!.id;
    const children = await conn.query<{
      Contacts: { totalSize: number };
      Cases: { totalSize: number };
    }>(
      `SELECT Id, (SELECT Id FROM Contacts), (SELECT Id FROM Cases) FROM Account WHERE Id = '${account}'`
    );
    expect(children.records[0].Contacts.totalSize).toBe(1);
    expect(children.records[0].Cases.totalSize).toBe(1);

    // A Contact without its required LastName: the whole tree is refused, its Account too.
    const refused = await errorOf(
      conn.requestPost(`${V}/composite/tree/Account`, tree('T2', null))
    );
    expect(JSON.parse(refused.message)).toEqual({
      hasErrors: true,
      results: [
        {
          referenceId: 'T2C',
          errors: [expect.objectContaining({ statusCode: 'REQUIRED_FIELD_MISSING' })]
        }
      ]
    });
    expect((await conn.query("SELECT Id FROM Account WHERE Name = 'Tree T2'")).totalSize).toBe(0);

    const tooMany = Array.from({ length: 201 }, (_, i) => ({
      attributes: { type: 'Account', referenceId: `Many${i}` },
      Name: `Many ${i}`
    }));
    const limit = await errorOf(
      conn.requestPost(`${V}/composite/tree/Account`, { records: tooMany })
    );
    expect(limit.errorCode).toBe('LIMIT_EXCEEDED');
  });

  it('runs /composite subrequests with @{ref.id}, rolling back all of them with allOrNone', async () => {
    const compositeRequest = (lastName: string | null) => [
      {
        method: 'POST',
        url: `${V}/sobjects/Account`,
        referenceId: 'NewAccount',
        body: { Name: `Composite ${lastName}` }
      },
      {
        method: 'POST',
        url: `${V}/sobjects/Contact`,
        referenceId: 'NewContact',
        body: { LastName: lastName, AccountId: '@{NewAccount.id}' }
      },
      {
        method: 'GET',
        url: `${V}/sobjects/Account/@{NewAccount.id}?fields=Name`,
        referenceId: 'ReadBack'
      }
    ];
    type Composite = {
      compositeResponse: { httpStatusCode: number; referenceId: string; body: unknown }[];
    };
    const ok = await conn.requestPost<Composite>(`${V}/composite`, {
      allOrNone: true,
      collateSubrequests: false,
      compositeRequest: compositeRequest('Yhdistelmä')
    });
    expect(ok.compositeResponse.map((r) => r.httpStatusCode)).toEqual([201, 201, 200]);
    expect(ok.compositeResponse[2].body).toMatchObject({ Name: 'Composite Yhdistelmä' });

    const rolledBack = await conn.requestPost<Composite>(`${V}/composite`, {
      allOrNone: true,
      compositeRequest: compositeRequest(null)
    });
    expect(rolledBack.compositeResponse.map((r) => r.httpStatusCode)).toEqual([400, 400, 400]);
    expect(rolledBack.compositeResponse[0].body).toEqual([
      expect.objectContaining({ errorCode: 'PROCESSING_HALTED' })
    ]);
    expect(rolledBack.compositeResponse[1].body).toEqual([
      expect.objectContaining({ errorCode: 'REQUIRED_FIELD_MISSING' })
    ]);
    expect(
      (await conn.query("SELECT Id FROM Account WHERE Name = 'Composite null'")).totalSize
    ).toBe(0);
  });

  it('runs independent subrequests with /composite/batch', async () => {
    const batch = await conn.requestPost<{
      hasErrors: boolean;
      results: { statusCode: number; result: Json }[];
    }>(`${V}/composite/batch`, {
      batchRequests: [
        { method: 'POST', url: 'v62.0/sobjects/Account', richInput: { Name: 'Batch Oy' } },
        { method: 'GET', url: 'v62.0/query?q=SELECT+Name+FROM+Account+WHERE+Name=%27Batch+Oy%27' },
        { method: 'POST', url: 'v62.0/sobjects/Account', richInput: { Name: null } }
      ]
    });
    expect(batch.hasErrors).toBe(true);
    expect(batch.results.map((r) => r.statusCode)).toEqual([201, 200, 400]);
    expect(batch.results[1].result.totalSize).toBe(1);
  });

  it('sets a parent by its external id and says which collection upserts created a record', async () => {
    await conn.sobject('Account').create({ Name: 'Ulkoinen Oy', External_Id__c: 'EXT-1' });
    const contact = (await conn.sobject('Contact').create({
      LastName: 'Lapsi',
      Account: { External_Id__c: 'EXT-1' }
    } as never)) as unknown as { id: string };
    const read = await conn.query<{ Account: { Name: string } }>(
      `SELECT Account.Name FROM Contact WHERE Id = '${contact.id}'`
    );
    expect(read.records[0].Account.Name).toBe('Ulkoinen Oy');
    const missing = await errorOf(
      conn
        .sobject('Contact')
        .create({ LastName: 'Orpo', Account: { External_Id__c: 'EXT-404' } } as never)
    );
    expect(missing.errorCode).toBe('INVALID_FIELD');

    const upserted = (await conn.sobject('Account').upsert(
      [
        { Name: 'Ulkoinen Oyj', External_Id__c: 'EXT-1' },
        { Name: 'Uusi Oy', External_Id__c: 'EXT-2' }
      ],
      'External_Id__c'
    )) as { created: boolean }[];
    expect(upserted.map((r) => r.created)).toEqual([false, true]);
  });

  it('names parents by external id in a Bulk 2.0 column (Account__r.External_Id__c)', async () => {
    await conn.sobject('Account').create({ Name: 'Kysely Oy', External_Id__c: 'EXT-SURVEY' });
    const results = await conn.bulk2.loadAndWaitForResults({
      object: 'Survey_Response__c',
      operation: 'insert',
      pollTimeout: 30_000,
      input:
        'Account__r.External_Id__c,Type__c,Score__c,Responded_On__c\n' +
        'EXT-SURVEY,NPS,9,2026-11-02\n' +
        'EXT-NOWHERE,NPS,3,2026-11-02\n'
    });
    expect(results.successfulResults).toHaveLength(1);
    expect(results.failedResults.map((r) => r.sf__Error)).toEqual([
      expect.stringContaining('INVALID_FIELD:Foreign key external ID: EXT-NOWHERE not found')
    ]);
    const stored = await conn.query<{ Account__r: { Name: string } }>(
      'SELECT Account__r.Name FROM Survey_Response__c'
    );
    expect(stored.records.map((r) => r.Account__r.Name)).toEqual(['Kysely Oy']);
  });

  it("answers Chatter's users/me and the updated and deleted replication resources", async () => {
    const me = await conn.chatter.resource('/users/me').retrieve();
    expect(me).toMatchObject({ name: 'Baton Admin', type: 'User' });

    const start = new Date(Date.now() - 60_000);
    const { id } = (await conn.sobject('Account').create({ Name: 'Replica Oy' })) as { id: string };
    const gone = (await conn.sobject('Account').create({ Name: 'Poistettu Oy' })) as { id: string };
    await conn.sobject('Account').destroy(gone.id);
    const end = new Date(Date.now() + 60_000);
    const updated = await conn.sobject('Account').updated(start, end);
    expect(updated.ids).toContain(id);
    expect(updated.ids).not.toContain(gone.id);
    const deleted = await conn.sobject('Account').deleted(start, end);
    expect(deleted.deletedRecords.map((r) => r.id)).toContain(gone.id);
    expect(deleted.deletedRecords.map((r) => r.id)).not.toContain(id);
  });

  it("gives @salesforce/core the Organization's information", async () => {
    const { AuthInfo, Connection: CoreConnection, Org } = await import('@salesforce/core');
    const authInfo = await AuthInfo.create({
      username: t.org.accessToken,
      accessTokenOptions: { instanceUrl: t.org.instanceUrl }
    } as never);
    const connection = await CoreConnection.create({
      authInfo,
      connectionOptions: { version: '62.0' }
    });
    const org = await Org.create({ connection });
    expect(await org.retrieveOrganizationInformation()).toMatchObject({
      Name: 'Local Org',
      IsSandbox: false,
      TrialExpirationDate: null,
      NamespacePrefix: null,
      OrganizationType: 'Developer Edition',
      InstanceName: 'LOCAL'
    });
    expect(await org.determineIfSandbox()).toBe(false);
  });

  it('reports limits with their Max and Remaining, and the API usage header', async () => {
    const limits = await conn.limits();
    for (const key of [
      'DailyApiRequests',
      'DailyBulkApiBatches',
      'DailyBulkV2QueryJobs',
      'DailyBulkV2QueryFileStorageMB',
      'DataStorageMB',
      'FileStorageMB'
    ])
      expect(limits[key as keyof typeof limits]).toEqual({
        Max: expect.any(Number),
        Remaining: expect.any(Number)
      });
    await conn.query('SELECT Id FROM Account LIMIT 1');
    expect(conn.limitInfo.apiUsage).toEqual({ used: expect.any(Number), limit: 5_000_000 });
  });

  it('says that Bulk API 1.0, the Metadata API and the Tooling API are not offered', async () => {
    const bulkV1 = await errorOf(
      new Promise((resolve, reject) =>
        conn.bulk.load('Account', 'insert', [{ Name: 'Bulk one' }]).then(resolve, reject)
      )
    );
    expect(bulkV1.name).toBe('FeatureNotEnabled');
    expect(bulkV1.message).toContain('local org does not offer');
    const metadata = await errorOf(conn.metadata.describe('62.0'));
    expect(metadata.message).toMatch(/FUNCTIONALITY_NOT_ENABLED.*Metadata API/);
    const tooling = await errorOf(conn.tooling.executeAnonymous("System.debug('x');"));
    expect(tooling.name).toBe('FUNCTIONALITY_NOT_ENABLED');
  });
});

describe('local org error codes where client code branches on them', () => {
  let t: TestOrg;
  beforeAll(async () => {
    t = await startTestOrg();
  });
  afterAll(() => t.close());

  it('answers a string in a number field with 400 JSON_PARSER_ERROR', async () => {
    const error = await errorOf(
      t.conn.sobject('Account').create({ Name: 'Typed Oy', NumberOfEmployees: 'many' })
    );
    expect(error.errorCode).toBe('JSON_PARSER_ERROR');
  });

  it('answers a lookup to a record of the wrong object with FIELD_INTEGRITY_EXCEPTION', async () => {
    const contact = (await t.conn.sobject('Contact').create({ LastName: 'Väärä' })) as {
      id: string;
    };
    const error = await errorOf(
      t.conn.sobject('Contact').create({ LastName: 'Toinen', AccountId: contact.id })
    );
    expect(error.errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
  });

  it('answers an update or delete of a deleted record with ENTITY_IS_DELETED', async () => {
    const { id } = (await t.conn.sobject('Account').create({ Name: 'Roskakori Oy' })) as {
      id: string;
    };
    await t.conn.sobject('Account').destroy(id);
    expect((await errorOf(t.conn.sobject('Account').update({ Id: id, Name: 'x' }))).errorCode).toBe(
      'ENTITY_IS_DELETED'
    );
    expect((await errorOf(t.conn.sobject('Account').destroy(id))).errorCode).toBe(
      'ENTITY_IS_DELETED'
    );
  });

  it('answers an invalid email with INVALID_EMAIL_ADDRESS', async () => {
    const error = await errorOf(
      t.conn.sobject('Contact').create({ LastName: 'Posti', Email: 'not an address' })
    );
    expect(error.errorCode).toBe('INVALID_EMAIL_ADDRESS');
  });

  it('answers an API version the org does not have with 404', async () => {
    const future = new Connection({
      instanceUrl: t.org.instanceUrl,
      accessToken: t.org.accessToken,
      version: '99.0'
    });
    const error = await errorOf(future.query('SELECT Id FROM Account'));
    expect(error.errorCode).toBe('NOT_FOUND');
    expect((error as unknown as { data?: unknown }).data).toBeDefined();
  });
});
