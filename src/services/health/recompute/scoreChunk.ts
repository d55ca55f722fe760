import { isoOfDay } from '../../../core/dates';
import { asShown } from '../../../core/health/shown';
import { decideAlert, owedAlertStatus, type OwedAlert } from './alerts';
import { overrideActive, signalsOf } from './accountSignals';
import type { Failure } from './failures';
import { NEXT_CHANGE_HORIZON, rowNextChange } from './nextChange';
import type { Row } from './orgAccess';
import { breakdownJson, type HealthScorer } from './scorer';
import type { SignalTable } from './signalTable';

export interface PendingAlert {
  accountId: string;
  previousStatus: string | null;
  newStatus: string;
  score: number | null;
  drivers: string[];
  /** The key its post carries (alerts.ts). */
  key: string;
  /** Owed by an earlier run, whose post may be on the feed already. */
  resumed: boolean;
}

export interface ChunkOutcome {
  accountRows: Row[];
  snapshotRows: Row[];
  alerts: PendingAlert[];
  failures: Failure[];
  byStatus: Record<string, number>;
  changed: number;
  overrides: number;
}

export interface ChunkContext {
  table: SignalTable;
  scorer: HealthScorer;
  asOf: string;
  asOfDay: number;
  /** Health_Scored_At__c: when this run computed. */
  scoredAt: string;
  /** Health_Snapshot__c.Computed_At__c: inside the asOf day, so backfills date correctly. */
  computedAt: string;
}

export const emptyOutcome = (): ChunkOutcome => ({
  accountRows: [],
  snapshotRows: [],
  alerts: [],
  failures: [],
  byStatus: {},
  changed: 0,
  overrides: 0
});

/** Accounts scored between yields to the event loop, so a chunk's writes in flight go on. */
const SCORE_SLICE = 5_000;

/**
 * scoreChunk in slices with a pause for the event loop after each: the previous chunk's
 * upload and job polls run between slices instead of waiting out the whole chunk's scoring.
 */
export async function scoreChunkYielding(
  context: ChunkContext,
  from: number,
  to: number
): Promise<ChunkOutcome> {
  const outcome = emptyOutcome();
  for (let at = from; at < to; at += SCORE_SLICE) {
    scoreChunk(context, at, Math.min(to, at + SCORE_SLICE), outcome);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return outcome;
}
const round3 = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Scores accounts [from, to) into `outcome` and builds the rows to write: the Account's health fields (status
 * shown = an active override, else the computed one) and the day's snapshot (the computed
 * status and its breakdown). Rows are built per chunk so a million accounts never sit in
 * memory as rows at once. Each account is scored once: a version 2 breakdown is a few hundred
 * bytes (src/core/health/breakdown.ts), so a chunk's snapshots are tens of MB and are kept
 * until written, where the ~2 KB version 1 made the recompute score them a second time, an
 * upload's slice at a time, to stay in memory.
 */
export function scoreChunk(
  context: ChunkContext,
  from: number,
  to: number,
  outcome: ChunkOutcome = emptyOutcome()
): ChunkOutcome {
  const { table, scorer, asOf, asOfDay } = context;
  const insufficient = scorer.model.insufficientStatus;
  const statusName = (code: number) => table.statuses.nameOf(code);
  // One key per run (its start, base 36): a post's key names the run that decided it.
  const alertKey = Date.parse(context.scoredAt).toString(36);
  for (let i = from; i < to; i++) {
    const id = table.ids[i];
    const signals = signalsOf(table, i, asOfDay, asOf);
    let result;
    try {
      result = scorer.score(signals, asOf);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcome.failures.push({
        accountId: id,
        object: 'Account',
        errorCode: 'INVALID_SIGNAL',
        message
      });
      continue;
    }
    const override = overrideActive(table, i, asOfDay) ? statusName(table.override[i]) : null;
    const shown = override ?? result.status;
    const previous = statusName(table.shownStatus[i]);
    const decision = decideAlert({
      previousStatus: previous,
      newStatus: result.status,
      alertedStatus: statusName(table.alertStatus[i]),
      overrideActive: override !== null,
      bandOrder: scorer.bandOrder
    });
    // An alert owed by an earlier run stays owed while the account is still where it fell.
    const owed = table.owedAlerts.get(i);
    const alert: OwedAlert | null = decision.alert
      ? { from: previous!, to: result.status, key: alertKey }
      : owed && decision.alertStatus === owed.to
        ? owed
        : null;
    outcome.byStatus[shown] = (outcome.byStatus[shown] ?? 0) + 1;
    outcome.changed += previous !== shown ? 1 : 0;
    outcome.overrides += override ? 1 : 0;
    // A score that rests on too little data is shown as no number (its snapshot keeps it).
    const seen = asShown(result, insufficient);
    outcome.accountRows.push({
      Id: id,
      Health_Score__c: seen.score,
      Health_Status__c: shown,
      Health_Trend__c: seen.trend,
      Health_Coverage__c: round3(result.coverage),
      Health_Scored_At__c: context.scoredAt,
      Health_Alert_Status__c: alert ? owedAlertStatus(alert) : decision.alertStatus,
      // The recompute lowers it to the snapshot rule's days once the chunk's snapshots are known.
      Health_Next_Change__c: isoOfDay(
        Math.min(
          rowNextChange(table, i, signals, scorer.model, asOfDay, asOf, result),
          asOfDay + NEXT_CHANGE_HORIZON
        )
      )
    });
    outcome.snapshotRows.push(snapshotRow(context, id, result, override));
    if (alert) {
      outcome.alerts.push({
        accountId: id,
        previousStatus: alert.from,
        newStatus: alert.to,
        score: result.score,
        drivers: result.drivers,
        key: alert.key,
        resumed: alert === owed
      });
    }
  }
  return outcome;
}

function snapshotRow(
  context: ChunkContext,
  id: string,
  result: ReturnType<HealthScorer['score']>,
  override: string | null
): Row {
  return {
    Account__c: id,
    Score__c: result.score,
    Status__c: result.status,
    Coverage__c: round3(result.coverage),
    Breakdown__c: breakdownJson(result, override, context.scorer.measures),
    Computed_At__c: context.computedAt,
    Snapshot_Key__c: `${id}-${context.asOf}`
  };
}
