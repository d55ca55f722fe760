import type { Connection } from 'jsforce';
import { bulkIngest } from '../../../org/bulk';
import { countApiCalls } from './apiCalls';
import { startTestOrg, type TestOrg } from '../../../testkit/testOrg';
import type { Row } from './orgAccess';
import {
  alignBulkResults,
  BULK_THRESHOLD,
  BULK_WRITE_THRESHOLD,
  bulkErrorResult,
  orgAccess
} from './restOrBulkAccess';

// orgAccess through jsforce → local org: which API each call takes, and Bulk failed rows
// mapped back to the rows sent with Salesforce's error codes.

let testOrg: TestOrg;
let conn: Connection;
let accountIds: string[];
let restoreFetch: (() => void) | undefined;
const requests: string[] = [];

/** Records each request's method and path as it leaves the connection or `fetch` (Bulk files). */
function recordRequests(connection: Connection) {
  type Transport = { httpRequest: (request: { method?: string; url?: string }) => unknown };
  const transport = (connection as unknown as { _transport: Transport })._transport;
  const original = transport.httpRequest.bind(transport);
  transport.httpRequest = (request) => {
    requests.push(`${request.method ?? 'GET'} ${new URL(String(request.url)).pathname}`);
    return original(request);
  };
  const originalFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    requests.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
    return originalFetch(input, init);
  };
  return () => {
    globalThis.fetch = originalFetch;
  };
}

const resultFiles = (kind: string) => requests.filter((line) => line.endsWith(`/${kind}`)).length;

const bulkJobs = (kind: 'query' | 'ingest') =>
  requests.filter((line) => line === `POST /services/data/v62.0/jobs/${kind}`).length;

beforeAll(async () => {
  testOrg = await startTestOrg();
  conn = testOrg.conn;
  const inserted = await bulkIngest(
    conn,
    'Account',
    'insert',
    Array.from({ length: 30 }, (_, k) => ({ Name: `Access ${String(k).padStart(2, '0')}` }))
  );
  accountIds = inserted.successful.map((row) => row.id).sort();
  restoreFetch = recordRequests(conn);
}, 60_000);

afterAll(async () => {
  restoreFetch?.();
  await testOrg?.close();
});

beforeEach(() => {
  requests.length = 0;
});

const readAll = async (access: ReturnType<typeof orgAccess>, expected: number) => {
  const rows: Row[] = [];
  await access.query(
    "SELECT Id, Name, Health_Score__c FROM Account WHERE Name LIKE 'Access %'",
    expected,
    (page) => rows.push(...page)
  );
  return rows;
};

describe('orgAccess: REST or Bulk by volume', () => {
  it('queries by REST up to BULK_THRESHOLD expected rows and by one Bulk job above', async () => {
    const access = orgAccess(conn);

    const byRest = await readAll(access, BULK_THRESHOLD);
    expect(bulkJobs('query')).toBe(0);
    const byBulk = await readAll(access, BULK_THRESHOLD + 1);
    expect(bulkJobs('query')).toBe(1);

    const ids = (rows: Row[]) => rows.map((row) => String(row.Id)).sort();
    expect(ids(byRest)).toEqual(accountIds);
    expect(ids(byBulk)).toEqual(accountIds);
    // Bulk values are CSV text, REST values typed; both say "no score" for an empty field.
    expect(byRest[0].Health_Score__c).toBeNull();
    expect(byBulk[0].Health_Score__c).toBe('');
  });

  it(`writes up to ${BULK_WRITE_THRESHOLD} rows by REST collections and more as one ingest job`, async () => {
    const access = orgAccess(conn);
    const snapshots = (n: number, tag: string) =>
      Array.from({ length: n }, (_, k) => ({
        Account__c: accountIds[0],
        Snapshot_Key__c: `${tag}-${k}`,
        Score__c: k % 100
      }));

    const atLimit = await access.upsert(
      'Health_Snapshot__c',
      'Snapshot_Key__c',
      snapshots(BULK_WRITE_THRESHOLD, 'rest')
    );
    expect(bulkJobs('ingest')).toBe(0);
    const above = await access.upsert(
      'Health_Snapshot__c',
      'Snapshot_Key__c',
      snapshots(BULK_WRITE_THRESHOLD + 1, 'bulk')
    );
    expect(bulkJobs('ingest')).toBe(1);

    expect(atLimit.every((result) => result.success)).toBe(true);
    expect(above).toHaveLength(BULK_WRITE_THRESHOLD + 1);
    expect(above.every((result) => result.success)).toBe(true);
    // Every row processed, none failed: neither result file is downloaded.
    expect(resultFiles('successfulResults')).toBe(0);
    expect(resultFiles('failedResults')).toBe(0);
    const stored = await conn.query(
      `SELECT COUNT() FROM Health_Snapshot__c WHERE Account__c = '${accountIds[0]}'`
    );
    expect(stored.totalSize).toBe(2 * BULK_WRITE_THRESHOLD + 1);
  }, 60_000);

  it('maps Bulk failed rows to their rows with the error code, the rest written', async () => {
    const access = orgAccess(conn, { writeRows: 5 });
    const rows = accountIds.map((Id, k) => ({
      Id,
      Health_Score__c: k,
      Health_Status__c: k === 7 ? 'Purple' : 'Green'
    }));

    const results = await access.update('Account', rows);

    expect(bulkJobs('ingest')).toBe(1);
    expect(results).toHaveLength(rows.length);
    expect(results[7]).toMatchObject({
      success: false,
      errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'
    });
    expect(results.filter((result) => !result.success)).toHaveLength(1);
    // Failures matched from the failed file; the successes are the rest, not downloaded.
    expect(resultFiles('failedResults')).toBe(1);
    expect(resultFiles('successfulResults')).toBe(0);
    const stored = await conn.query<{ Id: string; Health_Score__c: number }>(
      `SELECT Id, Health_Score__c FROM Account WHERE Id = '${accountIds[8]}'`
    );
    expect(stored.records[0].Health_Score__c).toBe(8);
  });
});

describe('Bulk results → RowResult', () => {
  it('reads CODE:message:fields as Salesforce writes sf__Error', () => {
    expect(
      bulkErrorResult('UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record:--')
    ).toEqual({
      success: false,
      errorCode: 'UNABLE_TO_LOCK_ROW',
      message: 'unable to obtain exclusive access to this record'
    });
    expect(bulkErrorResult('FIELD_CUSTOM_VALIDATION_EXCEPTION:Score: too high:Score__c')).toEqual({
      success: false,
      errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: 'Score: too high (Score__c)'
    });
    expect(bulkErrorResult('something odd')).toMatchObject({ errorCode: 'UNKNOWN' });
  });

  it('aligns outcomes by key whatever their order, and reports rows the job never processed', () => {
    const rows = [{ Id: 'a' }, { Id: 'b' }, { Id: 'c' }];
    const results = alignBulkResults(rows, 'Id', {
      successful: [{ id: 'a', created: false, row: { Id: 'a' } }],
      failed: [{ row: { Id: 'b' }, error: 'UNABLE_TO_LOCK_ROW:busy:--' }]
    });
    expect(results).toEqual([
      { success: true },
      { success: false, errorCode: 'UNABLE_TO_LOCK_ROW', message: 'busy' },
      { success: false, errorCode: 'UNPROCESSED', message: 'The Bulk job did not process this row' }
    ]);
  });

  it('takes the rows not failed as written when the job listed its successes only as a count', () => {
    const rows = [{ Id: 'a' }, { Id: 'b' }, { Id: 'c' }];
    const results = alignBulkResults(rows, 'Id', {
      successful: [],
      failed: [{ row: { Id: 'b' }, error: 'UNABLE_TO_LOCK_ROW:busy:--' }],
      unlistedSuccesses: 1
    });
    expect(results).toEqual([
      { success: true },
      { success: false, errorCode: 'UNABLE_TO_LOCK_ROW', message: 'busy' },
      // Only as many rows as the job counted: the count, not the absence, makes a success.
      { success: false, errorCode: 'UNPROCESSED', message: 'The Bulk job did not process this row' }
    ]);
  });
});

describe('countApiCalls over orgAccess', () => {
  it('counts every request of a Bulk query, result pages included', async () => {
    const calls = countApiCalls(conn);
    try {
      await readAll(orgAccess(conn), BULK_THRESHOLD + 1);
    } finally {
      calls.stop();
    }
    // Job create (complete as it is created here: no status poll), at least one results page
    // (fetched with fetch).
    const steps = requests.filter((line) => line.includes('/jobs/query')).length;
    expect(resultFiles('results')).toBeGreaterThanOrEqual(1);
    expect(steps).toBeGreaterThanOrEqual(2);
    expect(calls.count()).toBe(steps);
  });

  it("counts what the org counts over a Bulk write, the upload's PUT included", async () => {
    const before = testOrg.org.apiRequestCount();
    const calls = countApiCalls(conn);
    try {
      const rows = accountIds.map((Id, k) => ({ Id, Health_Score__c: k }));
      await orgAccess(conn, { writeRows: 5 }).update('Account', rows);
    } finally {
      calls.stop();
    }
    // Job create, upload, close, at least one poll.
    expect(calls.count()).toBeGreaterThanOrEqual(4);
    expect(calls.count()).toBe(testOrg.org.apiRequestCount() - before);
  });
});
