import { formatStorage } from '../../storage/orgStorage';
import type { HistoryUpkeep } from '../history/historyUpkeep';
import type { RecomputeSummary } from './recompute';

/** Failures listed in --json before the rest are left to the CSV, so output stays one small document. */
export const FAILURES_IN_JSON = 50;

export interface RecomputeReport extends Omit<RecomputeSummary, 'failures'> {
  apiCalls: number;
  accountsPerSecond: number;
  failures: RecomputeSummary['failures'];
  /** Old snapshots the history policy deleted (would delete, in a dry run). */
  compaction?: HistoryUpkeep['compaction'];
  /** Baton's records and their share of the org's data storage, after the run. */
  storage?: HistoryUpkeep['storage'];
  /** A --changed run: why its accounts were due, or that it was the first (a full run). */
  due?: DueReasons;
}

/** The accounts a --changed run scored, by why (an account may be due for several reasons). */
export interface DueReasons {
  first: boolean;
  newSignals?: number;
  accountChanges?: number;
  timeThresholds?: number;
  owedAlerts?: number;
}

function dueLine(due: DueReasons): string {
  if (due.first)
    return '  due: every account (first --changed run: none before it to compare with)';
  return `  due: new signals ${due.newSignals} · account inputs changed ${due.accountChanges} · time thresholds come ${due.timeThresholds} · alerts owed ${due.owedAlerts}`;
}

export function toReport(
  summary: RecomputeSummary,
  apiCalls: number,
  upkeep?: HistoryUpkeep
): RecomputeReport {
  return {
    ...summary,
    ...upkeep,
    failures: summary.failures.slice(0, FAILURES_IN_JSON),
    apiCalls,
    accountsPerSecond:
      summary.elapsedMs > 0
        ? Math.round((summary.scored / summary.elapsedMs) * 1000)
        : summary.scored
  };
}

/** The statuses that occur, in the summary's order (the model's, best first). */
const statusesOf = (byStatus: Record<string, number>): string[] =>
  Object.keys(byStatus).filter((status) => byStatus[status]);

const reasons = (byReason: Record<string, number | undefined>) =>
  Object.entries(byReason)
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ') || 'none';

/** The human summary at the end of `baton health recompute`. */
export function formatSummary(report: RecomputeReport): string {
  const statuses = statusesOf(report.byStatus)
    .map((status) => `${status} ${report.byStatus[status]}`)
    .join(' · ');
  const lines = [
    `${report.dryRun ? 'Dry run (nothing written): scored' : 'Recomputed'} ${report.scored} of ${report.accounts} accounts as of ${report.asOf} in ${(report.elapsedMs / 1000).toFixed(1)} s`,
    ...(report.due ? [dueLine(report.due)] : []),
    `  ${statuses || 'no accounts'}`,
    `  status changed: ${report.changedStatus} · overrides honoured: ${report.overridesHonoured} · alerts: ${report.dryRun ? `${report.alerts} would be posted` : `${report.alertsPosted} of ${report.alerts} posted`}`,
    `  snapshots ${report.dryRun ? 'due' : 'written'}: ${report.snapshots.written} (${reasons(report.snapshots.byReason)}) · unchanged, none needed: ${report.snapshots.unchanged}`,
    `  API calls used: ${report.apiCalls}`
  ];
  if (report.compaction) {
    const { compaction } = report;
    lines.push(
      `  history before ${compaction.keepAllFrom}: ${compaction.examined} snapshots examined, ${compaction.deleted} ${report.dryRun ? 'would be ' : ''}deleted${compaction.failed ? `, ${compaction.failed} failed` : ''}`
    );
  }
  if (report.storage)
    lines.push(
      ...formatStorage(report.storage)
        .split('\n')
        .map((l) => `  ${l}`)
    );
  if (report.ignoredRows > 0) {
    lines.push(`  signal rows ignored (out of range or malformed): ${report.ignoredRows}`);
  }
  if (report.failed > 0) {
    lines.push(
      `  failed: ${report.failed}${report.failuresFile ? `, listed in ${report.failuresFile}` : ''}`
    );
    for (const failure of report.failures.slice(0, 5)) {
      lines.push(
        `    ${failure.accountId} ${failure.object}: ${failure.errorCode} ${failure.message}`
      );
    }
  }
  return lines.join('\n');
}

/** "120 accounts scored: 80 Green, 25 Yellow, 15 Red; 12 snapshots written, …" (and failures, when any). */
export function oneLineSummary(summary: RecomputeSummary, upkeep?: HistoryUpkeep): string {
  const statuses = statusesOf(summary.byStatus).map(
    (status) => `${summary.byStatus[status]} ${status}`
  );
  const failed =
    summary.failed > 0
      ? `; ${summary.failed} failed${summary.failuresFile ? ` (see ${summary.failuresFile})` : ''}`
      : '';
  const history = upkeep
    ? `; ${summary.snapshots.written} snapshots written, ${upkeep.compaction.deleted} old ones deleted; Baton's records ${upkeep.storage.megabytes} MB${upkeep.storage.share === null ? '' : ` (${(upkeep.storage.share * 100).toFixed(1)} % of data storage)`}`
    : '';
  return `${summary.scored} accounts scored${statuses.length ? `: ${statuses.join(', ')}` : ''}${history}${failed}`;
}
