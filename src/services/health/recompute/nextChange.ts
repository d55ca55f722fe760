import type { BatonModel } from '../../../core/config/model';
import { dayOf, isoOfDay } from '../../../core/dates';
import type { HistoryPolicy } from '../../../core/health/history';
import { nextChangeDay, type KeyedResult } from '../../../core/health/nextChange';
import type { AccountSignals } from '../../../core/health/signals';
import type { LatestSnapshots } from '../history/latestSnapshots';
import { overrideActive, USAGE_MAX_AGE_DAYS, type SignalsInput } from './accountSignals';
import type { ChunkOutcome } from './scoreChunk';
import type { SignalTable } from './signalTable';

/** Days ahead at most: a date field holds it, and nothing the model reads waits longer. */
export const NEXT_CHANGE_HORIZON = 3650;

/**
 * The earliest day after asOf on which account i's written health can change with no new
 * data, before the snapshot rule's share (settleNextChange): the core's (its measures'
 * windows, the trend's baseline), the rows' (agingDay), an override running out, the latest
 * usage period growing too old. `scored` is the account's result on asOf. Without the model,
 * tomorrow (always safe).
 */
export function rowNextChange(
  table: SignalTable,
  i: number,
  signals: SignalsInput,
  model: BatonModel | undefined,
  asOfDay: number,
  asOf: string,
  scored: KeyedResult
): number {
  let next = table.agingDay[i];
  const core = model ? nextChangeDay(signals as AccountSignals, model, asOf, scored) : asOfDay + 1;
  if (core !== null && core < next) next = core;
  // An override counts through its last day (overrideActive).
  if (overrideActive(table, i, asOfDay) && table.overrideUntil[i] >= asOfDay)
    next = Math.min(next, table.overrideUntil[i] + 1);
  const usage = table.usagePeriod(i, 0);
  if (usage && usage.end > asOfDay - USAGE_MAX_AGE_DAYS)
    next = Math.min(next, usage.end + USAGE_MAX_AGE_DAYS);
  return next;
}

/**
 * Lowers each account row's Health_Next_Change__c to what the snapshot rule adds: the next
 * heartbeat after the newest snapshot (today's, when the gate kept one), and today's
 * snapshot becoming the trend's baseline.
 */
export function settleNextChange(
  chunk: ChunkOutcome,
  table: SignalTable,
  latest: LatestSnapshots,
  policy: HistoryPolicy,
  trendDays: number,
  asOfDay: number
) {
  const written = new Set(chunk.snapshotRows.map((row) => row.Account__c));
  for (const row of chunk.accountRows) {
    const i = table.indexOf(row.Id);
    let next = dayOf(String(row.Health_Next_Change__c));
    if (written.has(row.Id)) next = Math.min(next, asOfDay + trendDays);
    const newest = written.has(row.Id) ? asOfDay : latest.stateOf(i)?.day;
    if (newest !== undefined) next = Math.min(next, newest + policy.heartbeatDays);
    row.Health_Next_Change__c = isoOfDay(
      Math.min(Math.max(next, asOfDay + 1), asOfDay + NEXT_CHANGE_HORIZON)
    );
  }
}
