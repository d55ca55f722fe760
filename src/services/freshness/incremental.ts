import { existsSync } from 'node:fs';
import type { Connection } from 'jsforce';
import {
  recompute,
  type RecomputeRunOptions,
  type RecomputeSummary
} from '../health/recompute/recompute';
import { orgAccess } from '../health/recompute/restOrBulkAccess';
import type { HealthScorer } from '../health/recompute/scorer';
import { dueAccounts, type DueAccounts } from './changed';
import { loadFreshnessState, updateFreshnessState } from './watchState';

export interface ChangedRunOptions extends Omit<RecomputeRunOptions, 'selection' | 'now'> {
  orgId: string;
  /** Where the last run's times are kept (rescore.ts freshnessStatePath, or --state). */
  statePath: string;
  /** Score only the accounts due (false: every account, and remember the run if the state file exists). */
  changed: boolean;
  /** Clock skew allowed between this machine and the org (default SKEW_MS). */
  skewMs?: number;
}

/** The due accounts (null: everyone, the first run or a full one) beside the run's summary. */
export interface ChangedRunSummary {
  summary: RecomputeSummary;
  due: DueAccounts | null;
}

/**
 * `baton health recompute --changed`: the accounts with a signal or input written since the
 * last run, or whose Health_Next_Change__c has come, scored as a full run would score them;
 * the first run (no state) is a full one. A run without failures remembers when it started
 * and ended; one with failures does not, so its accounts are due again.
 */
export async function recomputeChanged(
  conn: Connection,
  scorer: HealthScorer,
  options: ChangedRunOptions
): Promise<ChangedRunSummary> {
  const { orgId, statePath, changed, skewMs, ...runOptions } = options;
  // One instant, to the second as an org stores it, for Health_Scored_At__c and the state: the
  // next run knows this run's own Account writes by it.
  const started = new Date(Math.floor(Date.now() / 1000) * 1000);
  const asOf = runOptions.asOf ?? started.toISOString().slice(0, 10);
  const state = loadFreshnessState(statePath, orgId);
  const due = changed ? await dueAccounts(conn, state, asOf, skewMs) : null;
  const summary = await recompute(orgAccess(conn), scorer, {
    ...runOptions,
    asOf,
    now: () => started,
    selection: due ? { kind: 'ids', ids: due.ids } : { kind: 'all' }
  });
  const remember = changed || existsSync(statePath);
  if (remember && !runOptions.dryRun && summary.failed === 0) {
    const until = await lastOwnWrite(conn, started);
    updateFreshnessState(statePath, orgId, (next) => {
      next.changedSince = started.toISOString();
      next.changedUntil = until;
    });
  }
  return { summary, due };
}

/**
 * The org's stamp (its clock, not this machine's) on the run's last Account write: an Account
 * stamped later changed after the run, whatever the clocks say.
 */
async function lastOwnWrite(conn: Connection, started: Date): Promise<string> {
  const result = await conn.query<{ SystemModstamp: string }>(
    `SELECT SystemModstamp FROM Account WHERE Health_Scored_At__c >= ${started.toISOString().slice(0, 19)}Z ORDER BY SystemModstamp DESC LIMIT 1`
  );
  const stamp = result.records[0]?.SystemModstamp;
  return stamp ? new Date(stamp).toISOString() : started.toISOString();
}
