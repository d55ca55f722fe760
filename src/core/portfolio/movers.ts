import type { BatonModel } from '../config/model';
import { readBreakdown } from '../health/breakdown';

/**
 * The week's movers. Recompute writes a snapshot only when something a reader
 * would notice changed, or as a heartbeat, so the week alone may hold one snapshot of an
 * account that fell: each account with a snapshot in the week compares its newest one with the
 * newest computed before the week (the heartbeat keeps one within reach), else with the week's
 * first. Both need a score: a score gone to too little data is listed as such, not as a move.
 * The driver is the measure whose lost points changed most. The Apex PortfolioMovers does the
 * same; the shared contract BatonPortfolioContract pins both.
 */
export interface SnapshotScore {
  id: string;
  accountId: string;
  score: number | null;
  /** Computed_At__c, ISO. */
  computedAt: string;
}

export interface Mover {
  id: string;
  name: string | null;
  change: number;
  driver: string | null;
  driverFi: string | null;
}

/** A mover before its driver is named: the two snapshots compared. */
export interface MoverPick {
  id: string;
  name: string | null;
  change: number;
  fromId: string;
  toId: string;
}

/** Movers shown each way. */
export const MOVERS = 5;

/** Largest move first, then by name, so equal moves list the same in Apex and here. */
const byDistance = (a: MoverPick, b: MoverPick) =>
  Math.abs(b.change) - Math.abs(a.change) || ((a.name ?? '') < (b.name ?? '') ? -1 : 1);

/** The measure of `after` whose lost points differ most from the same key's in `before`. */
function driverOf(before: string | null, after: string | null, model: BatonModel) {
  const old = readBreakdown(before, model.measures);
  let driver: { name: string; label: string } | null = null;
  let most = 0;
  for (const measure of readBreakdown(after, model.measures)?.measures ?? []) {
    const was = old?.measures.find((candidate) => candidate.key === measure.key);
    const change = Math.abs((measure.pointsLost ?? 0) - (was?.pointsLost ?? 0));
    if (change > most) [most, driver] = [change, measure];
  }
  if (!driver) return { driver: null, driverFi: null };
  const labelFi = model.measures.find((measure) => measure.name === driver.name)?.labelFi;
  return { driver: driver.label, driverFi: labelFi || driver.label };
}

/**
 * Breakdowns are read afterwards for the shown movers only (withDrivers): a book's week of
 * breakdowns is far larger than its scores.
 * @param snapshots the shown accounts' snapshots computed since weekStart − the heartbeat days,
 *   oldest first, without breakdowns
 * @param names the names by Id of the shown accounts not churned (book.ts isChurned); other
 *   accounts' snapshots are ignored
 * @param weekStart the week's first instant (ISO)
 */
export function weekMovers(
  snapshots: readonly SnapshotScore[],
  names: ReadonlyMap<string, string | null>,
  weekStart: string
): { up: MoverPick[]; down: MoverPick[] } {
  const start = Date.parse(weekStart);
  const before = new Map<string, SnapshotScore>();
  const firstInWeek = new Map<string, SnapshotScore>();
  const lastInWeek = new Map<string, SnapshotScore>();
  for (const snapshot of snapshots) {
    if (!names.has(snapshot.accountId)) continue;
    if (Date.parse(snapshot.computedAt) < start) before.set(snapshot.accountId, snapshot);
    else {
      if (!firstInWeek.has(snapshot.accountId)) firstInWeek.set(snapshot.accountId, snapshot);
      lastInWeek.set(snapshot.accountId, snapshot);
    }
  }
  const moved: MoverPick[] = [];
  for (const [id, to] of lastInWeek) {
    const from = before.get(id) ?? firstInWeek.get(id)!;
    if (from === to || from.score === null || to.score === null) continue;
    const change = Math.round((to.score - from.score) * 100) / 100;
    if (change !== 0)
      moved.push({ id, name: names.get(id) ?? null, change, fromId: from.id, toId: to.id });
  }
  const pick = (up: boolean) =>
    moved
      .filter((mover) => (up ? mover.change > 0 : mover.change < 0))
      .sort(byDistance)
      .slice(0, MOVERS);
  return { up: pick(true), down: pick(false) };
}

/** The snapshots whose breakdowns name the picked movers' drivers. */
export const snapshotsToRead = (picks: { up: MoverPick[]; down: MoverPick[] }) => [
  ...new Set([...picks.up, ...picks.down].flatMap((pick) => [pick.fromId, pick.toId]))
];

/** Each picked mover with the measure that moved most, in English and Finnish. */
export function withDrivers(
  picks: { up: MoverPick[]; down: MoverPick[] },
  breakdowns: ReadonlyMap<string, string | null>,
  model: BatonModel
): { up: Mover[]; down: Mover[] } {
  const named = (list: MoverPick[]) =>
    list.map(({ id, name, change, fromId, toId }) => ({
      id,
      name,
      change,
      ...driverOf(breakdowns.get(fromId) ?? null, breakdowns.get(toId) ?? null, model)
    }));
  return { up: named(picks.up), down: named(picks.down) };
}
