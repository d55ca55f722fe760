import type { RecomputeSummary } from './recompute';

/** Failures listed in --json before the rest are left to the CSV, so output stays one small document. */
export const FAILURES_IN_JSON = 50;

export interface RecomputeReport extends Omit<RecomputeSummary, 'failures'> {
  apiCalls: number;
  accountsPerSecond: number;
  failures: RecomputeSummary['failures'];
}

export function toReport(summary: RecomputeSummary, apiCalls: number): RecomputeReport {
  return {
    ...summary,
    failures: summary.failures.slice(0, FAILURES_IN_JSON),
    apiCalls,
    accountsPerSecond:
      summary.elapsedMs > 0
        ? Math.round((summary.scored / summary.elapsedMs) * 1000)
        : summary.scored
  };
}

const STATUS_ORDER = ['Green', 'Yellow', 'Red', 'Insufficient data'];

/** The statuses that occur, best first, then any an admin added. */
function statusesOf(byStatus: Record<string, number>): string[] {
  return [
    ...STATUS_ORDER,
    ...Object.keys(byStatus).filter((status) => !STATUS_ORDER.includes(status))
  ].filter((status) => byStatus[status]);
}

/** The human summary at the end of `baton health recompute`. */
export function formatSummary(report: RecomputeReport): string {
  const statuses = statusesOf(report.byStatus)
    .map((status) => `${status} ${report.byStatus[status]}`)
    .join(' · ');
  const lines = [
    `${report.dryRun ? 'Dry run (nothing written): scored' : 'Recomputed'} ${report.scored} of ${report.accounts} accounts as of ${report.asOf} in ${(report.elapsedMs / 1000).toFixed(1)} s`,
    `  ${statuses || 'no accounts'}`,
    `  status changed: ${report.changedStatus} · overrides honoured: ${report.overridesHonoured} · alerts: ${report.dryRun ? `${report.alerts} would be posted` : `${report.alertsPosted} of ${report.alerts} posted`}`,
    `  API calls used: ${report.apiCalls}`
  ];
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

/** "120 accounts scored: 80 Green, 25 Yellow, 15 Red" (and failures, when any). */
export function oneLineSummary(summary: RecomputeSummary): string {
  const statuses = statusesOf(summary.byStatus).map(
    (status) => `${summary.byStatus[status]} ${status}`
  );
  const failed =
    summary.failed > 0
      ? `; ${summary.failed} failed${summary.failuresFile ? ` (see ${summary.failuresFile})` : ''}`
      : '';
  return `${summary.scored} accounts scored${statuses.length ? `: ${statuses.join(', ')}` : ''}${failed}`;
}
