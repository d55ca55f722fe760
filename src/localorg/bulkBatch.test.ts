import { bulkIngest, type IngestResult } from '../org/bulk';
import { startTestOrg, type TestOrg } from '../testkit/testOrg';

// Bulk ingest writes a chunk of rows at a time (batchWrites.ts). These pin that each row still
// gets the check and the error Records' one-row writes give it (the REST path, compared row
// by row), that bad rows do not cost their good neighbours, and that update and upsert keep
// their per-row order within a chunk.
let t: TestOrg;
let adminId: string;
beforeAll(async () => {
  t = await startTestOrg({ twins: false });
  adminId = t.org.users.find((u) => u.persona === 'admin')!.id;
});
afterAll(() => t.close());

type Row = Record<string, unknown>;
const MISSING_ACCOUNT = '001000000000000';
const MISSING_USER = '005000000000000';

/** Each row's outcome by its tag column: the record id, or `CODE:message:fields`. */
function outcomes(result: IngestResult, tag: string): Map<string, string> {
  const byTag = new Map<string, string>();
  for (const ok of result.successful) byTag.set(ok.row[tag], `ok ${ok.created}`);
  for (const bad of result.failed) byTag.set(bad.row[tag], bad.error);
  return byTag;
}

/** REST collection results as Bulk writes its sf__Error, by the same tag. */
function restOutcomes(
  rows: Row[],
  results: {
    success: boolean;
    errors: { statusCode: string; message: string; fields: string[] }[];
  }[],
  tag: string
): Map<string, string> {
  return new Map(
    results.map((r, i) => [
      String(rows[i][tag]),
      r.success
        ? 'ok'
        : `${r.errors[0].statusCode}:${r.errors[0].message}:${r.errors[0].fields.join(',')}`
    ])
  );
}

const errorCode = (outcome: string | undefined) => outcome?.split(':')[0];

describe('Bulk ingest in chunks', () => {
  const insertRows = (prefix: string): Row[] => [
    ...Array.from({ length: 30 }, (_, i) => ({
      Name: `Good ${i} Oy`,
      External_Id__c: `${prefix}-g${i}`
    })),
    { Name: null, External_Id__c: `${prefix}-noName` },
    { Name: 'Tier Oy', Touch_Tier__c: 'Platinum', External_Id__c: `${prefix}-tier` },
    { Name: 'Mrr Oy', MRR__c: 'lots', External_Id__c: `${prefix}-mrr` },
    { Name: 'Date Oy', Contract_Start__c: '2026-13-45', External_Id__c: `${prefix}-date` },
    { Name: 'Owner Oy', OwnerId: MISSING_USER, External_Id__c: `${prefix}-owner` },
    { Name: 'Badid Oy', OwnerId: 'not-an-id', External_Id__c: `${prefix}-badid` },
    // The admin exists and owns the good rows, but a User is no Account parent.
    { Name: 'Parent Oy', ParentId: adminId, External_Id__c: `${prefix}-parent` },
    {
      Name: 'Stamp Oy',
      CreatedDate: '2026-01-01T00:00:00.000+0000',
      External_Id__c: `${prefix}-stamp`
    },
    { Name: 'Twin A Oy', External_Id__c: `${prefix}-g3` },
    { Name: 'Late Good Oy', External_Id__c: `${prefix}-late` }
  ];

  it('inserts: bad rows fail with the one-row path error, their neighbours are written', async () => {
    const bulk = outcomes(
      await bulkIngest(t.conn, 'Account', 'insert', insertRows('BI')),
      'External_Id__c'
    );
    const restRows = insertRows('RI').map((r) =>
      Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined))
    );
    const rest = restOutcomes(
      restRows,
      (await t.conn.sobject('Account').create(restRows as never[], { allOrNone: false })) as never,
      'External_Id__c'
    );
    // The same rows, by REST (Records.create one at a time) and by Bulk, fail alike, but for
    // text that is no value of its field: JSON's deserializer refuses it, Bulk fails its row.
    const bulkErrors = [...bulk]
      .filter(([, o]) => !o.startsWith('ok'))
      .map(([k, o]) => [k.slice(3), o]);
    const restErrors = [...rest].filter(([, o]) => o !== 'ok').map(([k, o]) => [k.slice(3), o]);
    const unparsed = new Set(['mrr', 'date']);
    expect(bulkErrors.filter(([k]) => !unparsed.has(k))).toEqual(
      restErrors.filter(([k]) => !unparsed.has(k))
    );
    expect(restErrors.filter(([k]) => unparsed.has(k)).map(([, o]) => errorCode(o))).toEqual([
      'JSON_PARSER_ERROR',
      'JSON_PARSER_ERROR'
    ]);
    expect(Object.fromEntries(bulkErrors.map(([k, o]) => [k, errorCode(o)]))).toEqual({
      noName: 'REQUIRED_FIELD_MISSING',
      tier: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      mrr: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
      date: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
      owner: 'INVALID_CROSS_REFERENCE_KEY',
      badid: 'MALFORMED_ID',
      parent: 'FIELD_INTEGRITY_EXCEPTION',
      stamp: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      // The second row with BI-g3 is the duplicate, whichever of the two the chunk held first.
      g3: 'DUPLICATE_VALUE'
    });
    const stored = await t.conn.query<{
      Name: string;
      OwnerId: string;
      Strategic_Account__c: boolean;
    }>(
      "SELECT Name, OwnerId, Strategic_Account__c FROM Account WHERE External_Id__c LIKE 'BI-%' ORDER BY Name"
    );
    expect(stored.records.map((r) => r.Name)).toEqual(
      [...Array.from({ length: 30 }, (_, i) => `Good ${i} Oy`), 'Late Good Oy'].sort()
    );
    expect(new Set(stored.records.map((r) => r.OwnerId))).toEqual(new Set([adminId]));
    expect(stored.records.every((r) => r.Strategic_Account__c === false)).toBe(true);
  });

  it('updates: a missing record is reported before a bad value, blanks leave fields alone', async () => {
    const created = await bulkIngest(
      t.conn,
      'Account',
      'insert',
      ['a', 'b', 'c', 'd', 'e', 'f'].map((k) => ({
        Name: `Upd ${k} Oy`,
        Description: `about ${k}`,
        MRR__c: 10
      }))
    );
    const id = Object.fromEntries(
      created.successful.map((s) => [String(s.row.Name).split(' ')[1], s.id])
    );
    const rows = (tagged: boolean): Row[] =>
      [
        { Id: id.a, MRR__c: 500 },
        { Id: MISSING_ACCOUNT, MRR__c: 'x' },
        { Id: 'bogus', MRR__c: 1 },
        { Id: id.b, MRR__c: 'x' },
        { Id: id.c, Name: null },
        { Id: id.d, Description: null },
        { Id: id.e, Name: 'Upd E renamed Oy', OwnerId: MISSING_USER },
        { Id: id.f, Name: 'Upd F renamed Oy' }
      ].map((r, i) => (tagged ? { ...r, Overdue_Invoices__c: i } : r));
    const bulk = await bulkIngest(t.conn, 'Account', 'update', rows(true));
    const byIndex = outcomes(bulk, 'Overdue_Invoices__c');
    const restResults = (await t.conn
      .sobject('Account')
      .update(
        rows(false).map((r) =>
          Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'Overdue_Invoices__c'))
        ) as never[],
        {
          allOrNone: false
        }
      )) as never;
    const rest = restOutcomes(rows(true), restResults, 'Overdue_Invoices__c');
    const codes = [...Array(8).keys()].map(
      (i) => errorCode(byIndex.get(String(i))) ?? byIndex.get(String(i))
    );
    expect(codes).toEqual([
      'ok false',
      'NOT_FOUND',
      'MALFORMED_ID',
      'INVALID_TYPE_ON_FIELD_IN_RECORD',
      'REQUIRED_FIELD_MISSING',
      'ok false',
      'INVALID_CROSS_REFERENCE_KEY',
      'ok false'
    ]);
    for (const i of [1, 2, 4, 6]) expect(byIndex.get(String(i))).toBe(rest.get(String(i)));
    expect(errorCode(rest.get('3'))).toBe('JSON_PARSER_ERROR');
    const stored = await t.conn.query<{ Name: string; Description: string | null; MRR__c: number }>(
      "SELECT Name, Description, MRR__c FROM Account WHERE Name LIKE 'Upd %' ORDER BY Name"
    );
    expect(stored.records.map((r) => [r.Name, r.Description, r.MRR__c])).toEqual([
      ['Upd a Oy', 'about a', 500],
      ['Upd b Oy', 'about b', 10],
      ['Upd c Oy', 'about c', 10],
      ['Upd d Oy', null, 10],
      ['Upd e Oy', 'about e', 10],
      ['Upd F renamed Oy', 'about f', 10]
    ]);
  });

  it('checks a value repeated down a column on every row, and stores each alike', async () => {
    // The chunk converts a column's repeated text once (a date-time parse and format): a bad
    // value must still fail every row that has it, and a good one be stored on every row.
    const rows = ['good', 'bad', 'good', 'bad', 'blank', 'good'].map((kind, i) => ({
      Name: `Repeat ${i} Oy`,
      External_Id__c: `RP-${i}`,
      Health_Scored_At__c:
        kind === 'good' ? '2026-11-30T08:15:00.000+0000' : kind === 'bad' ? 'soon' : undefined,
      Touch_Tier__c: kind === 'bad' ? 'Platinum' : 'High'
    }));
    const result = await bulkIngest(t.conn, 'Account', 'insert', rows);
    expect(result.failed.map((f) => [f.row.External_Id__c, errorCode(f.error)])).toEqual([
      ['RP-1', 'INVALID_TYPE_ON_FIELD_IN_RECORD'],
      ['RP-3', 'INVALID_TYPE_ON_FIELD_IN_RECORD']
    ]);
    const stored = await t.conn.query<{
      External_Id__c: string;
      Health_Scored_At__c: string | null;
    }>(
      "SELECT External_Id__c, Health_Scored_At__c FROM Account WHERE External_Id__c LIKE 'RP-%' ORDER BY External_Id__c"
    );
    expect(stored.records.map((r) => [r.External_Id__c, r.Health_Scored_At__c])).toEqual([
      ['RP-0', '2026-11-30T08:15:00.000+0000'],
      ['RP-2', '2026-11-30T08:15:00.000+0000'],
      ['RP-4', null],
      ['RP-5', '2026-11-30T08:15:00.000+0000']
    ]);
  });

  it('upserts in row order: a key created earlier in the chunk is updated by a later row', async () => {
    const account = (await t.conn.sobject('Account').create({ Name: 'Snap Oy' })) as { id: string };
    const snapshot = (key: string | undefined, extra: Row = {}): Row => ({
      Account__c: account.id,
      Score__c: 50,
      Snapshot_Key__c: key,
      ...extra
    });
    const result = await bulkIngest(
      t.conn,
      'Health_Snapshot__c',
      'upsert',
      [
        snapshot('K1'),
        snapshot('K2', { Account__c: MISSING_ACCOUNT }),
        snapshot('K3', { Account__c: adminId }),
        snapshot(undefined, { Score__c: 7 }),
        snapshot('K4', { Account__c: null }),
        snapshot('k1', { Score__c: 5 }),
        snapshot('K5')
      ],
      { externalIdField: 'Snapshot_Key__c' }
    );
    expect(result.successful.map((s) => [s.row.Snapshot_Key__c, s.created])).toEqual([
      ['K1', true],
      ['k1', false],
      ['K5', true]
    ]);
    expect(result.failed.map((f) => [f.row.Snapshot_Key__c, errorCode(f.error)])).toEqual([
      ['K2', 'INVALID_CROSS_REFERENCE_KEY'],
      ['K3', 'FIELD_INTEGRITY_EXCEPTION'],
      ['', 'REQUIRED_FIELD_MISSING'],
      ['K4', 'REQUIRED_FIELD_MISSING']
    ]);
    expect(result.failed[2].error).toContain('Snapshot_Key__c is required for upsert');
    const stored = await t.conn.query<{ Snapshot_Key__c: string; Score__c: number; Name: string }>(
      'SELECT Snapshot_Key__c, Score__c, Name FROM Health_Snapshot__c ORDER BY Name'
    );
    expect(stored.records.map((r) => [r.Snapshot_Key__c, r.Score__c])).toEqual([
      ['k1', 5],
      ['K5', 50]
    ]);
    expect(stored.records[0].Name).not.toBe(stored.records[1].Name);

    // A later job: keys stored earlier match whatever their case, a deleted account is no target.
    const gone = (await t.conn.sobject('Account').create({ Name: 'Gone Oy' })) as { id: string };
    await t.conn.sobject('Account').destroy(gone.id);
    const again = await bulkIngest(
      t.conn,
      'Health_Snapshot__c',
      'upsert',
      [snapshot('k5', { Score__c: 60 }), snapshot('K6', { Account__c: gone.id }), snapshot('K7')],
      { externalIdField: 'Snapshot_Key__c' }
    );
    expect(again.successful.map((s) => [s.row.Snapshot_Key__c, s.created])).toEqual([
      ['k5', false],
      ['K7', true]
    ]);
    expect(again.failed.map((f) => [f.row.Snapshot_Key__c, errorCode(f.error)])).toEqual([
      ['K6', 'INVALID_CROSS_REFERENCE_KEY']
    ]);
  });
});
