import type { Connection } from 'jsforce';
import type { HistoryPolicy } from '../../../core/health/history';
import { orgStorage, type StorageReport } from '../../storage/orgStorage';
import { compactHistory, type CompactionResult } from './compactHistory';

export interface HistoryUpkeep {
  compaction: CompactionResult;
  storage: StorageReport;
}

/**
 * What every recompute does after its writes: applies the history policy, then measures
 * Baton's storage, so each summary says what the history costs the org.
 */
export async function historyUpkeep(
  conn: Connection,
  policy: HistoryPolicy,
  asOf: string,
  dryRun = false
): Promise<HistoryUpkeep> {
  const compaction = await compactHistory(conn, policy, asOf, { dryRun });
  return { compaction, storage: await orgStorage(conn) };
}
