import type { Failure } from './failures';
import type { OrgAccess, Row, RowResult } from './orgAccess';
import { backoffDelay, isTransient, withRetry, type RetryOptions } from './retry';

export interface WriteJob {
  object: string;
  rows: Row[];
  /** Upsert on this external Id field; update by Id when absent. */
  externalIdField?: string;
  /** The Account a row belongs to, for the failure report. */
  accountOf: (row: Row) => string;
}

/**
 * Writes rows and retries the ones that failed with a lock or limit error, with backoff,
 * resending only those rows. A failed request is retried whole. Whatever still fails is
 * returned with its reason, never dropped.
 */
export async function writeRows(
  org: OrgAccess,
  job: WriteJob,
  options: RetryOptions = {}
): Promise<Failure[]> {
  const {
    retries = 4,
    baseDelayMs = 200,
    sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))
  } = options;
  const send = (rows: Row[]): Promise<RowResult[]> =>
    withRetry(
      () =>
        job.externalIdField
          ? org.upsert(job.object, job.externalIdField, rows)
          : org.update(job.object, rows),
      options
    );
  let pending = job.rows;
  const failures: Failure[] = [];
  for (let attempt = 0; pending.length > 0; attempt++) {
    const results = await send(pending);
    const again: Row[] = [];
    results.forEach((result, k) => {
      if (result.success) return;
      if (attempt < retries && isTransient(result.errorCode)) {
        again.push(pending[k]);
      } else {
        failures.push({
          accountId: job.accountOf(pending[k]),
          object: job.object,
          errorCode: result.errorCode,
          message: result.message
        });
      }
    });
    pending = again;
    if (pending.length > 0) await sleep(backoffDelay(attempt, baseDelayMs));
  }
  return failures;
}
