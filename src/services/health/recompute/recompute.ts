import type { Connection } from 'jsforce';
import type { AccountSelection } from './accountSelection';
import type { HistoryPolicy } from '../../../core/health/history';
import { loadModelFromOrg } from '../../../org/orgModel';
import { coreScorer } from './coreScorer';
import { dayOfValue, isoDateOf } from '../../../core/dates';
import { inStatusOrder, statusOrder } from '../../../core/health/statuses';
import { writeFailuresCsv, type Failure } from './failures';
import { planWaves, WAVE_ACCOUNTS } from './accountWaves';
import { loadHistoryPolicy } from '../history/historyPolicy';
import { historyUpkeep } from '../history/historyUpkeep';
import { LatestSnapshots } from '../history/latestSnapshots';
import { accountConditions, loadSignals } from './loadSignals';
import type { OrgAccess } from './orgAccess';
import { postAlerts } from './postAlerts';
import { silentProgress, type Progress } from './progress';
import { orgAccess } from './restOrBulkAccess';
import type { RetryOptions } from './retry';
import { chunkAccounts, ChunkWrites } from './chunkWrites';
import { scoreChunkYielding, type ChunkOutcome, type PendingAlert } from './scoreChunk';
import type { HealthScorer } from './scorer';
import type { SignalTable } from './signalTable';
import { emptyTally, keepDueSnapshots, type SnapshotTally } from '../history/snapshotGate';
import { settleNextChange } from './nextChange';
import { signalWindows } from './signalQueries';
import { oneLineSummary } from './summaryFormat';

export interface RecomputeRunOptions {
  selection?: AccountSelection;
  /** YYYY-MM-DD; defaults to today (UTC). */
  asOf?: string;
  dryRun?: boolean;
  /** Where rows that failed after retries are written; default health-failures-<asOf>.csv. */
  failuresFile?: string;
  progress?: Progress;
  /** Accounts scored and written per batch (default chunkAccounts); one Bulk job per batch and object. */
  chunkSize?: number;
  /** Accounts read per wave when the selection holds more (default WAVE_ACCOUNTS). */
  waveAccounts?: number;
  retry?: RetryOptions;
  now?: () => Date;
  /** The org's Health_History_Policy__mdt (loadHistoryPolicy): an admin's policy, never the repo's. */
  history: HistoryPolicy;
}

export interface RecomputeSummary {
  asOf: string;
  dryRun: boolean;
  accounts: number;
  scored: number;
  /** Accounts by the status shown, keyed best first as the model's bands are. */
  byStatus: Record<string, number>;
  changedStatus: number;
  overridesHonoured: number;
  alerts: number;
  alertsPosted: number;
  failed: number;
  failures: Failure[];
  failuresFile: string | null;
  ignoredRows: number;
  /** Snapshots written (by why) and accounts whose latest snapshot still said it. */
  snapshots: SnapshotTally;
  elapsedMs: number;
}

/** Reads the signals, scores every account, writes fields and snapshots, posts alerts. */
export async function recompute(
  org: OrgAccess,
  scorer: HealthScorer,
  options: RecomputeRunOptions
): Promise<RecomputeSummary> {
  const started = Date.now();
  const now = (options.now ?? (() => new Date()))();
  const asOf = options.asOf ?? isoDateOf(now);
  const asOfDay = dayOfValue(asOf);
  const progress = options.progress ?? silentProgress;
  const selection = options.selection ?? { kind: 'all' };
  const plan = await planWaves(
    org,
    selection,
    accountConditions(selection),
    options.waveAccounts ?? WAVE_ACCOUNTS
  );
  const today = isoDateOf(now);
  const summary: RecomputeSummary = {
    asOf,
    dryRun: Boolean(options.dryRun),
    accounts: 0,
    scored: 0,
    byStatus: {},
    changedStatus: 0,
    overridesHonoured: 0,
    alerts: 0,
    alertsPosted: 0,
    failed: 0,
    failures: [],
    failuresFile: null,
    ignoredRows: 0,
    snapshots: emptyTally(),
    elapsedMs: 0
  };
  const policy = options.history;
  const model = scorer.model;
  const statuses = statusOrder(model);
  // Two of each: the next wave's signals are read into one while this wave is scored from the other.
  const latests = [new LatestSnapshots(statuses), new LatestSnapshots(statuses)];
  const tables: (SignalTable | undefined)[] = [undefined, undefined];
  const alerts: PendingAlert[] = [];
  const record = (chunk: ChunkOutcome, failures: Failure[]) => {
    summary.failures.push(...chunk.failures, ...failures);
    const failedAccounts = new Set(failures.map((failure) => failure.accountId));
    for (const [status, count] of Object.entries(chunk.byStatus))
      summary.byStatus[status] = (summary.byStatus[status] ?? 0) + count;
    summary.scored += chunk.accountRows.length;
    summary.changedStatus += chunk.changed;
    summary.overridesHonoured += chunk.overrides;
    // An alert is posted only once its Account row (which remembers it) is written.
    alerts.push(...chunk.alerts.filter((alert) => !failedAccounts.has(alert.accountId)));
  };
  const writes = new ChunkWrites(org, options.retry);
  const waves = plan.waves.length > 0 ? plan.waves : [undefined];
  const label = (k: number) => (waves.length > 1 ? ` (wave ${k + 1} of ${waves.length})` : '');
  /**
   * Reads wave k's signals into the table and latest snapshots of wave k - 2 (scored by now).
   * Only the first wave's reading is shown as progress: the others run under the scoring.
   */
  const windows = signalWindows(model, policy.heartbeatDays);
  const read = (k: number) => {
    const latest = latests[k % 2];
    latest.reset(waves[k]?.accounts ?? Math.max(0, plan.total));
    const reading = loadSignals(org, selection, asOfDay, k === 0 ? progress : silentProgress, {
      total: plan.total,
      wave: waves[k],
      label: label(k),
      reuse: tables[k % 2],
      windows,
      latest,
      statuses
    });
    // A failure is raised where the wave is awaited, not as an unhandled rejection before.
    reading.catch(() => undefined);
    return reading;
  };
  let reading = read(0);
  for (const k of waves.keys()) {
    const table = (tables[k % 2] = await reading);
    const latest = latests[k % 2];
    // Read while this wave is scored: the org answers the queries while the recompute
    // scores, and the recompute folds the rows while the org writes.
    if (k + 1 < waves.length) reading = read(k + 1);
    const gate = { table, latest, policy, minCoverage: model.minCoverage, asOfDay };
    summary.accounts += table.size;
    summary.ignoredRows += table.ignoredRows;
    const context = {
      table,
      scorer,
      asOf,
      asOfDay,
      scoredAt: now.toISOString(),
      computedAt: asOf === today ? now.toISOString() : `${asOf}T12:00:00.000Z`
    };
    progress.phase(`${options.dryRun ? 'Scoring' : 'Scoring + writing'}${label(k)}`, table.size);
    const chunkSize = options.chunkSize ?? chunkAccounts(table.size);
    for (let from = 0; from < table.size; from += chunkSize) {
      const to = Math.min(table.size, from + chunkSize);
      // Scored before waiting for room: the recompute works while two chunks are written,
      // and the org has this one's writes as soon as the first of them is done.
      const chunk = await scoreChunkYielding(context, from, to);
      keepDueSnapshots(chunk, gate, summary.snapshots);
      settleNextChange(chunk, table, latest, policy, model.trend.days, asOfDay);
      progress.advance(to);
      await writes.room();
      if (options.dryRun) record(chunk, []);
      else writes.add(chunk, (failures) => record(chunk, failures));
    }
  }
  await writes.finished();
  summary.alerts = alerts.length;
  if (!options.dryRun && alerts.length > 0) {
    progress.phase('Posting alerts', alerts.length);
    const posted = await postAlerts(org, alerts, options.retry);
    summary.alertsPosted = posted.posted;
    summary.failures.push(...posted.failures);
  }
  progress.finish();
  summary.byStatus = inStatusOrder(summary.byStatus, statusOrder(model));
  summary.failed = summary.failures.length;
  summary.failuresFile = options.dryRun
    ? null
    : writeFailuresCsv(summary.failures, options.failuresFile ?? `health-failures-${asOf}.csv`);
  summary.elapsedMs = Date.now() - started;
  return summary;
}

/**
 * Every account recomputed with the org's own model (its custom metadata records), as of
 * today, summed up in one line: what the local org's start (src/localorg/start.ts) runs after
 * seeding and on its timer.
 */
export async function recomputeHealth(
  conn: Connection,
  options: Pick<RecomputeRunOptions, 'failuresFile' | 'now'> = {}
): Promise<string> {
  const scorer = coreScorer(await loadModelFromOrg(conn));
  const history = await loadHistoryPolicy(conn);
  const summary = await recompute(orgAccess(conn), scorer, { ...options, history });
  return oneLineSummary(summary, await historyUpkeep(conn, history, summary.asOf));
}
