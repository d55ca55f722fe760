import {
  snapshotReason,
  type HistoryPolicy,
  type SnapshotReason
} from '../../../core/health/history';
import { overrideActive } from '../recompute/accountSignals';
import type { LatestSnapshots } from './latestSnapshots';
import type { ChunkOutcome } from '../recompute/scoreChunk';
import type { SignalTable } from '../recompute/signalTable';

export interface SnapshotGate {
  table: SignalTable;
  latest: LatestSnapshots;
  policy: HistoryPolicy;
  minCoverage: number;
  asOfDay: number;
}

/** Snapshots a run wrote, by why, and how many accounts needed none. */
export interface SnapshotTally {
  written: number;
  unchanged: number;
  byReason: Partial<Record<SnapshotReason, number>>;
}

export const emptyTally = (): SnapshotTally => ({ written: 0, unchanged: 0, byReason: {} });

/**
 * Keeps only the chunk's snapshots that say something the account's latest one does not
 * (the core's snapshotReason), each marked with the override it showed.
 */
export function keepDueSnapshots(chunk: ChunkOutcome, gate: SnapshotGate, tally: SnapshotTally) {
  const { table, latest, policy, minCoverage, asOfDay } = gate;
  const due = [];
  for (const row of chunk.snapshotRows) {
    const i = table.indexOf(row.Account__c);
    const override =
      i >= 0 && overrideActive(table, i, asOfDay) ? table.statuses.nameOf(table.override[i]) : null;
    row.Override_Status__c = override;
    const now = {
      day: asOfDay,
      score: row.Score__c === null ? null : Number(row.Score__c),
      status: String(row.Status__c),
      coverage: Number(row.Coverage__c),
      override
    };
    const reason = snapshotReason(i >= 0 ? latest.stateOf(i) : null, now, policy, minCoverage);
    if (reason === null) {
      tally.unchanged++;
      continue;
    }
    tally.written++;
    tally.byReason[reason] = (tally.byReason[reason] ?? 0) + 1;
    due.push(row);
  }
  chunk.snapshotRows = due;
}
