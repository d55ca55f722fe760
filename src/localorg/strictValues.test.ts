import { bulkIngest } from '../org/bulk';
import { startTestOrg, type TestOrg } from '../testkit/testOrg';

// A value the field cannot hold is refused whole by every write path (REST, collections, Bulk)
// with Salesforce's code, never stored rounded, cut at the junk or read as something else.
let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg({ twins: false });
});
afterAll(() => t.close());

const impossible: [string, Record<string, unknown>, string, string][] = [
  [
    'day 30 of February',
    { Contract_Start__c: '2026-02-30' },
    'JSON_PARSER_ERROR',
    'INVALID_TYPE_ON_FIELD_IN_RECORD'
  ],
  [
    'a date with junk after it',
    { Contract_Start__c: '2026-01-05junk' },
    'JSON_PARSER_ERROR',
    'INVALID_TYPE_ON_FIELD_IN_RECORD'
  ],
  [
    '1e300 in a Currency(16,2)',
    { MRR__c: 1e300 },
    'NUMBER_OUTSIDE_VALID_RANGE',
    'NUMBER_OUTSIDE_VALID_RANGE'
  ],
  [
    '1e21 in a Number(8,0)',
    { Licensed_Seats__c: 1e21 },
    'NUMBER_OUTSIDE_VALID_RANGE',
    'NUMBER_OUTSIDE_VALID_RANGE'
  ],
  [
    'hexadecimal text as a number',
    { MRR__c: '0x10' },
    'JSON_PARSER_ERROR',
    'INVALID_TYPE_ON_FIELD_IN_RECORD'
  ],
  ['a blank as a number', { MRR__c: ' ' }, 'JSON_PARSER_ERROR', 'INVALID_TYPE_ON_FIELD_IN_RECORD']
];

const errorCodeOf = async (write: () => Promise<unknown>) => {
  try {
    await write();
    return 'stored';
  } catch (error) {
    return (error as { errorCode?: string; name: string }).errorCode ?? (error as Error).name;
  }
};

const stored = async (name: string) =>
  (await t.conn.query(`SELECT Id FROM Account WHERE Name = '${name}'`)).totalSize;

describe('impossible values', () => {
  it.each(impossible)(
    'refuses %s by REST, collections and Bulk alike',
    async (what, value, restCode, bulkCode) => {
      const name = `Strict ${what}`;
      expect(
        await errorCodeOf(() => t.conn.sobject('Account').create({ Name: name, ...value }))
      ).toBe(restCode);
      const [collection] = (await t.conn
        .sobject('Account')
        .create([{ Name: name, ...value }], { allOrNone: false })) as unknown as {
        success: boolean;
        errors: { statusCode: string }[];
      }[];
      expect(collection.errors.map((e) => e.statusCode)).toEqual([restCode]);
      const bulk = await bulkIngest(t.conn, 'Account', 'insert', [{ Name: name, ...value }]);
      expect(bulk.failed.map((f) => f.error.split(':')[0])).toEqual([bulkCode]);
      expect(await stored(name)).toBe(0);
    }
  );

  it('takes numeric text and real dates as an org does', async () => {
    const { id } = await t.conn.sobject('Account').create({
      Name: 'Strict fine Oy',
      MRR__c: '42',
      Licensed_Seats__c: 99_999_999,
      Contract_Start__c: '2024-02-29'
    });
    const [row] = (
      await t.conn.query<{ MRR__c: number; Licensed_Seats__c: number; Contract_Start__c: string }>(
        `SELECT MRR__c, Licensed_Seats__c, Contract_Start__c FROM Account WHERE Id = '${id}'`
      )
    ).records;
    expect(row).toMatchObject({
      MRR__c: 42,
      Licensed_Seats__c: 99_999_999,
      Contract_Start__c: '2024-02-29'
    });
  });

  it('refuses a request body that is not UTF-8 instead of replacing its bytes', async () => {
    const response = await fetch(`${t.conn.instanceUrl}/services/data/v62.0/sobjects/Account`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${t.conn.accessToken}`,
        'Content-Type': 'application/json'
      },
      body: new Blob([Buffer.from('{"Name":"K\xe4\xe4pa Oy"}', 'latin1')])
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual([
      expect.objectContaining({
        errorCode: 'JSON_PARSER_ERROR',
        message: expect.stringContaining('UTF-8')
      })
    ]);
    expect(await stored('K\ufffd\ufffdpa Oy')).toBe(0);
  });
});
