import type { Connection } from 'jsforce';
// The thresholds and the transport retry are the ones tier assign and touchpoints plan use,
// so every service switches to Bulk at the same volume.
import {
  BULK_THRESHOLD,
  BULK_WRITE_THRESHOLD,
  bulkIngest,
  bulkQuery,
  type IngestResult
} from '../../../org/bulk';
import { parseBulkError } from '../../../org/bulkErrors';
import { withTransportRetry } from '../../../org/transportRetry';
import { restAccess } from './connectionAccess';
import type { OrgAccess, Row, RowResult } from './orgAccess';

export { BULK_THRESHOLD, BULK_WRITE_THRESHOLD };

export interface AccessThresholds {
  /** Queries expecting more rows than this go through a Bulk API 2.0 query job. */
  queryRows?: number;
  /** Writes of more rows than this go as one Bulk API 2.0 ingest job. */
  writeRows?: number;
}

/**
 * Rows per Bulk result page the recompute asks for. Each page is one API call, and a million
 * accounts' signals are ~9 million rows: at the local org's default of 50 000 that was ~190
 * calls, at this size ~40. The client parses a page as it arrives, ~10 000 records at a time,
 * so a large page costs no more memory here; the org holds one page's CSV (~15–25 MB).
 */
export const QUERY_PAGE_ROWS = 250_000;

/** A Bulk result's sf__Error as the RowResult a REST save would give, so the retry rule reads both alike. */
export function bulkErrorResult(error: string | undefined): RowResult {
  return { success: false, ...parseBulkError(error) };
}

const SUCCESS: RowResult = { success: true };

/**
 * Bulk results come back as two files in no promised order; each row is matched to its
 * outcome by its key (Id for update, the external Id for upsert). A row in neither file was
 * not processed (the job was aborted) and is reported, never taken as written, unless the
 * job processed every row and its success file was not read (`unlistedSuccesses`): then
 * every row not failed succeeded.
 */
export function alignBulkResults(rows: Row[], keyField: string, result: IngestResult): RowResult[] {
  const outcomes = new Map<string, RowResult[]>();
  const add = (key: string | undefined, outcome: RowResult) => {
    const queue = outcomes.get(key ?? '');
    if (queue) queue.push(outcome);
    else outcomes.set(key ?? '', [outcome]);
  };
  for (const ok of result.successful) add(ok.row[keyField], SUCCESS);
  for (const bad of result.failed) add(bad.row[keyField], bulkErrorResult(bad.error));
  let unlisted = result.unlistedSuccesses ?? 0;
  return rows.map((row) => {
    const listed = outcomes.get(String(row[keyField] ?? ''))?.shift();
    if (listed) return listed;
    if (unlisted > 0) {
      unlisted--;
      return SUCCESS;
    }
    return {
      success: false,
      errorCode: 'UNPROCESSED',
      message: 'The Bulk job did not process this row'
    };
  });
}

/**
 * The recompute's OrgAccess on a real connection: REST for small reads and writes, Bulk API
 * 2.0 when a query expects more than BULK_THRESHOLD rows or a write carries more than
 * BULK_WRITE_THRESHOLD rows (a handful of requests instead of one per 2 000 or 200 rows).
 * Bulk values arrive as CSV text; the signal table reads text and typed values alike.
 */
export function orgAccess(conn: Connection, thresholds: AccessThresholds = {}): OrgAccess {
  const queryRows = thresholds.queryRows ?? BULK_THRESHOLD;
  const writeRows = thresholds.writeRows ?? BULK_WRITE_THRESHOLD;
  const rest = restAccess(conn);
  const bulkWrite = async (
    object: string,
    operation: 'update' | 'upsert',
    keyField: string,
    rows: Row[]
  ) => {
    // Update and upsert by key are idempotent, so a job lost in transport is sent again.
    const result = await withTransportRetry(() =>
      bulkIngest(conn, object, operation, rows, {
        externalIdField: operation === 'upsert' ? keyField : undefined,
        // Only the key is needed to match outcomes to rows; a snapshot's breakdown is not.
        resultColumns: [keyField],
        // Nothing is kept from a success: only failures are matched to their rows.
        readSuccesses: false
      })
    );
    return alignBulkResults(rows, keyField, result);
  };
  return {
    count: (soql) => withTransportRetry(() => rest.count(soql)),
    async query(soql, expectedRows, onRows) {
      let delivered = false;
      const deliver = (rows: Row[]) => {
        delivered = true;
        onRows(rows);
      };
      const run = async () => {
        if (expectedRows <= queryRows) return rest.query(soql, expectedRows, deliver);
        for await (const page of bulkQuery(conn, soql, { maxRecords: QUERY_PAGE_ROWS }))
          deliver(page);
      };
      // Resent only while nothing was delivered: the caller folds rows, a replay would double them.
      return withTransportRetry(async () => {
        try {
          await run();
        } catch (error) {
          if (!delivered) throw error;
          // Named so the transport retry does not replay it; the cause keeps the original.
          throw Object.assign(
            new Error(
              'The read stopped after part of its rows arrived; nothing was written, run again'
            ),
            { name: 'QUERY_INTERRUPTED', cause: error }
          );
        }
      });
    },
    update: (object, rows) =>
      rows.length > writeRows
        ? bulkWrite(object, 'update', 'Id', rows)
        : withTransportRetry(() => rest.update(object, rows)),
    upsert: (object, externalIdField, rows) =>
      rows.length > writeRows
        ? bulkWrite(object, 'upsert', externalIdField, rows)
        : withTransportRetry(() => rest.upsert(object, externalIdField, rows)),
    post: (subjectId, segments) => rest.post(subjectId, segments)
  };
}
