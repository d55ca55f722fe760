import type { Connection } from 'jsforce';
import { chunks } from '../../core/chunks';
import { idChunks } from '../../org/soql';
import { idList, readAll, saveRows, type WriteFailure } from '../touchpoints/records';
import { assertIsoDay } from '../../core/dates';

export interface FirstValueOptions {
  /** Only these accounts (after a usage import); otherwise every account still without first value. */
  accountIds?: readonly string[];
  /** YYYY-MM-DD: snapshots after it are not looked at. */
  asOf: string;
  dryRun?: boolean;
}

export interface FirstValueResult {
  recorded: { accountId: string; firstValueAt: string }[];
  failures: WriteFailure[];
}

const IDS_PER_AGGREGATE = 200;

/**
 * First value = the period end of the account's first usage snapshot with active users > 0.
 * Only accounts whose First_Value_At__c is empty are considered, so a date set by hand (or
 * by an earlier run) is never moved.
 */
export async function recordFirstValue(
  conn: Connection,
  options: FirstValueOptions
): Promise<FirstValueResult> {
  assertIsoDay(options.asOf);
  const pending: string[] = [];
  const scope = options.accountIds
    ? idChunks(options.accountIds).map((ids) => ` AND Id IN ${idList(ids)}`)
    : [''];
  for (const condition of scope) {
    const rows = await readAll(
      conn,
      `SELECT Id FROM Account WHERE First_Value_At__c = null${condition}`
    );
    pending.push(...rows.map((row) => String(row.Id)));
  }
  const updates: { Id: string; First_Value_At__c: string }[] = [];
  for (const ids of chunks(pending, IDS_PER_AGGREGATE)) {
    const rows = await readAll(
      conn,
      `SELECT Account__c, MIN(Period_End__c) firstValue FROM Usage_Snapshot__c WHERE Active_Users__c > 0 AND Period_End__c <= ${options.asOf} AND Account__c IN ${idList(ids)} GROUP BY Account__c`
    );
    for (const row of rows)
      if (row.firstValue)
        updates.push({ Id: String(row.Account__c), First_Value_At__c: String(row.firstValue) });
  }
  const failures = options.dryRun
    ? []
    : await saveRows(conn, 'Account', { kind: 'update' }, updates);
  const failed = new Set(failures.map((failure) => failure.row));
  return {
    recorded: updates
      .filter((row) => !failed.has(row))
      .map((row) => ({ accountId: row.Id, firstValueAt: row.First_Value_At__c })),
    failures
  };
}
