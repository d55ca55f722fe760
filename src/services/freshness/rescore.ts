import { join } from 'node:path';
import type { Connection } from 'jsforce';
import { loadModelFromOrg } from '../../org/orgModel';
import { loadHistoryPolicy } from '../health/history/historyPolicy';
import { coreScorer } from '../health/recompute/coreScorer';
import { recompute } from '../health/recompute/recompute';
import { orgAccess } from '../health/recompute/restOrBulkAccess';
import { oneLineSummary } from '../health/recompute/summaryFormat';

/** Where a project keeps Baton's per-org state: beside sf's own `.sf` project state. */
export const freshnessStatePath = (projectDir: string, orgId: string) =>
  join(projectDir, '.sf', 'baton', `health-${orgId}.json`);

/** The org's Id (the state file is kept per org), from the connection's identity. */
export async function orgIdOf(conn: Connection): Promise<string> {
  const identity = await conn.identity();
  return identity.organization_id;
}

/**
 * The watcher's rescore: the recompute for an Id list with the org's own model and history
 * policy, read per batch so a changed Health_Measure__mdt applies from the next burst. Rows
 * that fail go to the failures file and are retried by the next change or run, not by
 * holding back the replay id (one bad row would stop the watcher for good).
 */
export function rescoreThroughRecompute(conn: Connection, failuresFile: string) {
  return async (ids: string[]): Promise<string> => {
    const scorer = coreScorer(await loadModelFromOrg(conn));
    const history = await loadHistoryPolicy(conn);
    const summary = await recompute(orgAccess(conn), scorer, {
      selection: { kind: 'ids', ids },
      history,
      failuresFile
    });
    return oneLineSummary(summary);
  };
}
