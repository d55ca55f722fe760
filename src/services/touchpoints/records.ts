import type { Connection } from 'jsforce';
import { isSalesforceId } from '../../core/ids';
import { BULK_WRITE_THRESHOLD, bulkIngest, queryAll } from '../../org/bulk';
import { parseBulkError } from '../../org/bulkErrors';
import { chunks } from '../../core/chunks';
import { idChunks, soqlString } from '../../org/soql';
import { withTransportRetry } from '../../org/transportRetry';

export type Row = Record<string, unknown>;

export interface WriteFailure {
  row: Row;
  errorCode: string;
  message: string;
}

/** `(…)` of quoted Ids for IN; refuses anything that is not an Id. */
export function idList(ids: readonly string[]): string {
  for (const id of ids) if (!isSalesforceId(id)) throw new Error(`Not a Salesforce Id: ${id}`);
  return `(${ids.map((id) => `'${id}'`).join(', ')})`;
}

/** Every row of a query, following nextRecordsUrl; jsforce's `attributes` dropped. */
export async function readAll(conn: Connection, soql: string): Promise<Row[]> {
  const rows: Row[] = [];
  let page = await conn.query<Row>(soql);
  for (;;) {
    for (const { attributes: _attributes, ...fields } of page.records) rows.push(fields);
    if (page.done || !page.nextRecordsUrl) return rows;
    page = await conn.queryMore<Row>(page.nextRecordsUrl);
  }
}

/** Rows of `soql` with `WHERE <field> IN (…)` over many values, one query per chunk. */
export async function readByValues(
  conn: Connection,
  soql: (inList: string) => string,
  values: readonly string[],
  quote: (values: readonly string[]) => string = (chunk) => `(${chunk.map(soqlString).join(', ')})`
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const chunk of idChunks([...new Set(values)]))
    rows.push(...(await readAll(conn, soql(quote(chunk)))));
  return rows;
}

type SaveResult = {
  success: boolean;
  errors?: ({ errorCode?: string; statusCode?: string; message?: string } | string)[];
};

function failuresOf(rows: readonly Row[], results: SaveResult[]): WriteFailure[] {
  const failures: WriteFailure[] = [];
  results.forEach((result, k) => {
    if (result.success) return;
    const error = result.errors?.[0];
    failures.push({
      row: rows[k],
      errorCode:
        typeof error === 'string'
          ? 'UNKNOWN'
          : (error?.errorCode ?? error?.statusCode ?? 'UNKNOWN'),
      message: typeof error === 'string' ? error : (error?.message ?? 'failed')
    });
  });
  return failures;
}

export type WriteOp =
  { kind: 'update' } | { kind: 'upsert'; externalIdField: string } | { kind: 'delete' };

const COLLECTION_SIZE = 200;
async function sendCollection(
  conn: Connection,
  object: string,
  op: WriteOp,
  rows: readonly Row[],
  allOrNone: boolean
): Promise<SaveResult[]> {
  const sobject = conn.sobject(object);
  const options = { allOrNone };
  const results = await withTransportRetry(() =>
    op.kind === 'update'
      ? sobject.update(rows as { Id: string }[], options)
      : op.kind === 'upsert'
        ? sobject.upsert(rows as Row[], op.externalIdField, options)
        : sobject.destroy(
            rows.map((row) => String(row.Id)),
            options
          )
  );
  return results as SaveResult[];
}

/**
 * Writes rows with sObject Collections (200 a request, one after another) and returns the
 * rows that failed with Salesforce's reason. `allOrNone` applies per request of 200.
 */
export async function saveRows(
  conn: Connection,
  object: string,
  op: WriteOp,
  rows: readonly Row[],
  allOrNone = false
): Promise<WriteFailure[]> {
  const failures: WriteFailure[] = [];
  for (const chunk of chunks(rows, COLLECTION_SIZE)) {
    const results = await sendCollection(conn, object, op, chunk, allOrNone);
    failures.push(...failuresOf(chunk, results));
  }
  return failures;
}

/**
 * Every row of a query: REST paging up to 10 000 rows, Bulk API 2.0 above (src/org/bulk
 * queryAll, one COUNT() first). Bulk values arrive as CSV text, which the services' zod
 * schemas read the same as REST's typed values.
 */
export async function readMany(conn: Connection, soql: string): Promise<Row[]> {
  return withTransportRetry(() => queryAll<Row>(conn, soql));
}

/** A Bulk result row's failure, read as a REST save result's (src/org/bulkErrors.ts). */
const bulkFailure = (row: Row, error: string): WriteFailure => ({ row, ...parseBulkError(error) });

/**
 * Writes many rows: collections up to BULK_WRITE_THRESHOLD rows, one Bulk API 2.0 ingest
 * job above it (a handful of requests whatever the volume). Failed rows come back with
 * their fields (as CSV text on the Bulk path) and Salesforce's reason.
 */
export async function saveMany(
  conn: Connection,
  object: string,
  op: WriteOp,
  rows: readonly Row[]
): Promise<WriteFailure[]> {
  if (rows.length <= BULK_WRITE_THRESHOLD) return saveRows(conn, object, op, rows);
  const result =
    op.kind === 'delete'
      ? await bulkIngest(
          conn,
          object,
          'delete',
          rows.map((row) => ({ Id: row.Id }))
        )
      : await bulkIngest(conn, object, op.kind, [...rows], {
          externalIdField: op.kind === 'upsert' ? op.externalIdField : undefined
        });
  return result.failed.map((failure) => bulkFailure(failure.row, failure.error));
}
