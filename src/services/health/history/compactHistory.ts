import type { Connection } from 'jsforce';
import { HistoryThinning, type HistoryPolicy } from '../../../core/health/history';
import { bulkIngest } from '../../../org/bulk';
import { withTransportRetry } from '../../../org/transportRetry';
import { orgAccess } from '../recompute/restOrBulkAccess';

/** Ids per Bulk delete job: a job finished is history gone for good, so an interruption loses little work. */
export const DELETE_JOB_IDS = 100_000;

export interface CompactionResult {
  asOf: string;
  dryRun: boolean;
  /** Snapshots older than this day (the oldest month kept whole) were examined. */
  keepAllFrom: string;
  examined: number;
  deleted: number;
  failed: number;
}

/**
 * Applies the history policy: reads the snapshots older than the months kept whole, by
 * account and newest first, and deletes with Bulk API 2.0 the ones HistoryThinning no longer
 * keeps. Run again (or after an interruption) it deletes only what is still left over.
 */
export async function compactHistory(
  conn: Connection,
  policy: HistoryPolicy,
  asOf: string,
  options: { dryRun?: boolean; jobIds?: number } = {}
): Promise<CompactionResult> {
  const keepAllFrom = HistoryThinning.keepAllFrom(asOf, policy);
  const where = `Computed_At__c < ${keepAllFrom}T00:00:00Z`;
  const org = orgAccess(conn);
  const candidates = await org.count(`SELECT COUNT() FROM Health_Snapshot__c WHERE ${where}`);
  const result: CompactionResult = {
    asOf,
    dryRun: Boolean(options.dryRun),
    keepAllFrom,
    examined: 0,
    deleted: 0,
    failed: 0
  };
  if (candidates === 0) return result;
  const thinning = new HistoryThinning(asOf, policy);
  const doomed: { Id: string }[] = [];
  await org.query(
    `SELECT Id, Account__c, Computed_At__c FROM Health_Snapshot__c WHERE ${where} ORDER BY Account__c, Computed_At__c DESC`,
    candidates,
    (rows) => {
      for (const row of rows) {
        result.examined++;
        const snapshot = {
          id: String(row.Id),
          accountId: String(row.Account__c),
          date: String(row.Computed_At__c)
        };
        if (thinning.isDoomed(snapshot)) doomed.push({ Id: snapshot.id });
      }
    }
  );
  if (options.dryRun) {
    result.deleted = doomed.length;
    return result;
  }
  const jobIds = options.jobIds ?? DELETE_JOB_IDS;
  for (let from = 0; from < doomed.length; from += jobIds) {
    const rows = doomed.slice(from, from + jobIds);
    // A delete sent twice deletes nothing more; the second answers "entity is deleted".
    const job = await withTransportRetry(() =>
      bulkIngest(conn, 'Health_Snapshot__c', 'delete', rows, {
        resultColumns: ['Id'],
        readSuccesses: false
      })
    );
    const failed = job.failed.filter((row) => !row.error.includes('ENTITY_IS_DELETED')).length;
    result.failed += failed;
    result.deleted += rows.length - failed;
  }
  return result;
}
