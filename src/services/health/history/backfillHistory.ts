import type { Connection } from 'jsforce';
import { addDays } from '../../../core';
import { loadModelFromOrg } from '../../../org/orgModel';
import { coreScorer } from '../recompute/coreScorer';
import { dayOfValue } from '../../../core/dates';
import { statusOrder } from '../../../core/health/statuses';
import { loadHistoryPolicy } from './historyPolicy';
import { LatestSnapshots } from './latestSnapshots';
import { loadSignals } from '../recompute/loadSignals';
import { silentProgress } from '../recompute/progress';
import { orgAccess } from '../recompute/restOrBulkAccess';
import { scoreChunk } from '../recompute/scoreChunk';
import { signalWindows } from '../recompute/signalQueries';
import { emptyTally, keepDueSnapshots } from './snapshotGate';

/**
 * Writes the health history a book would have had, and nothing else: for each week of the
 * last `weeks` (oldest first), every account's snapshot as of that day where the history
 * policy writes one. The Accounts' fields and alerts are left to the recompute, so a new org
 * shows a trend on its first day instead of "No trend yet" and posts no old drops.
 * @returns the snapshots written
 */
export async function backfillHistory(
  conn: Connection,
  options: { asOf: string; weeks: number }
): Promise<number> {
  const model = await loadModelFromOrg(conn);
  const scorer = coreScorer(model);
  const policy = await loadHistoryPolicy(conn);
  const org = orgAccess(conn);
  const statuses = statusOrder(model);
  const latest = new LatestSnapshots(statuses);
  const tally = emptyTally();
  for (let week = options.weeks; week >= 1; week--) {
    const asOf = addDays(options.asOf, -7 * week);
    const asOfDay = dayOfValue(asOf);
    latest.reset(0);
    const table = await loadSignals(org, { kind: 'all' }, asOfDay, silentProgress, {
      windows: signalWindows(model, policy.heartbeatDays),
      latest,
      statuses
    });
    const at = `${asOf}T12:00:00.000Z`;
    const context = {
      table,
      scorer,
      asOf,
      asOfDay,
      scoredAt: at,
      computedAt: at,
      alertKey: 'backfill'
    };
    const chunk = scoreChunk(context, 0, table.size);
    keepDueSnapshots(
      chunk,
      { table, latest, policy, minCoverage: model.minCoverage, asOfDay },
      tally
    );
    if (chunk.snapshotRows.length === 0) continue;
    const results = await org.upsert('Health_Snapshot__c', 'Snapshot_Key__c', chunk.snapshotRows);
    const failed = results.find((result) => !result.success);
    if (failed && !failed.success)
      throw new Error(`Health history as of ${asOf}: ${failed.errorCode} ${failed.message}`);
  }
  return tally.written;
}
