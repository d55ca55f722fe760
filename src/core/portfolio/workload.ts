import type { BatonModel } from '../config/model';
import type { Tier } from '../config/records';
import { planTouchpoints } from '../cadence';
import { addDays } from '../dates';
import { isChurned } from './book';
import type { PortfolioSettings } from './settings';

/**
 * An account manager's yearly load (source 002's cadence table): the touchpoints the cadence
 * planner schedules for each account in the twelve months from asOf, each weighted by its
 * kind's hours, summed per account manager against the configured capacity. The planner is the
 * one source of the schedule, so a changed Tier_Cadence__mdt changes the load too.
 */
export interface WorkloadAccount {
  id: string;
  name: string | null;
  accountManagerId: string | null;
  tier: Tier | null;
  contractStart: string | null;
  acceptedAt?: string | null;
  /** Customer_Stage__c: a churned customer plans nothing and counts for no one. */
  stage?: string | null;
}

export interface AccountLoad {
  id: string;
  touchpoints: number;
  hours: number;
}

export interface ManagerLoad {
  accountManagerId: string;
  accounts: number;
  touchpoints: number;
  hours: number;
  capacityHours: number;
  /** Hours over capacity; 0 when within it. */
  overBy: number;
  overdueTouchpoints: number;
}

export const YEAR_DAYS = 365;

/** `recurring-meeting-3` and its siblings are one kind. */
export const kindOf = (kind: string) => kind.replace(/-\d+$/, '');

/** The account's touchpoints due in [asOf, asOf + 365) and their hours. No tier or churned: no plan. */
export function accountLoad(
  account: WorkloadAccount,
  asOf: string,
  model: BatonModel,
  settings: PortfolioSettings
): AccountLoad {
  if (!account.tier || isChurned(account)) return { id: account.id, touchpoints: 0, hours: 0 };
  const end = addDays(asOf, YEAR_DAYS);
  const due = planTouchpoints(
    {
      accountId: account.id,
      tier: account.tier,
      contractStart: account.contractStart ?? asOf,
      acceptedAt: account.acceptedAt ?? null,
      asOf,
      horizonDays: YEAR_DAYS
    },
    model
  ).filter((touchpoint) => touchpoint.dueDate >= asOf && touchpoint.dueDate < end);
  const hours = due.reduce(
    (sum, touchpoint) => sum + (settings.hoursByKind[kindOf(touchpoint.kind)] ?? 0),
    0
  );
  return { id: account.id, touchpoints: due.length, hours: Math.round(hours * 10) / 10 };
}

/** Per account manager, busiest first; accounts without one, and churned ones, are left out. */
export function managerLoads(
  loads: readonly (AccountLoad & { accountManagerId: string | null; stage?: string | null })[],
  overdueByManager: Readonly<Record<string, number>>,
  settings: PortfolioSettings
): ManagerLoad[] {
  const byManager = new Map<string, ManagerLoad>();
  for (const load of loads) {
    if (!load.accountManagerId || isChurned(load)) continue;
    const entry = byManager.get(load.accountManagerId) ?? {
      accountManagerId: load.accountManagerId,
      accounts: 0,
      touchpoints: 0,
      hours: 0,
      capacityHours: settings.capacityHours,
      overBy: 0,
      overdueTouchpoints: overdueByManager[load.accountManagerId] ?? 0
    };
    entry.accounts++;
    entry.touchpoints += load.touchpoints;
    entry.hours = Math.round((entry.hours + load.hours) * 10) / 10;
    entry.overBy = Math.max(0, Math.round((entry.hours - entry.capacityHours) * 10) / 10);
    byManager.set(load.accountManagerId, entry);
  }
  return [...byManager.values()].sort((a, b) => b.hours - a.hours);
}

/** Overdue: an open touchpoint due before asOf, counted for its owner. */
export function overdueByManager(
  openTouchpoints: readonly { ownerId: string | null; dueDate: string | null }[],
  asOf: string
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const touchpoint of openTouchpoints)
    if (touchpoint.ownerId && touchpoint.dueDate && touchpoint.dueDate < asOf)
      counts[touchpoint.ownerId] = (counts[touchpoint.ownerId] ?? 0) + 1;
  return counts;
}

export interface MoveEffect {
  accountId: string;
  hours: number;
  from: { accountManagerId: string; hoursBefore: number; hoursAfter: number; overByAfter: number };
  to: { accountManagerId: string; hoursBefore: number; hoursAfter: number; overByAfter: number };
}

/** What moving one account from its manager to another would change, before any write. */
export function moveEffect(
  load: AccountLoad & { accountManagerId: string },
  toManagerId: string,
  managers: readonly ManagerLoad[],
  settings: PortfolioSettings
): MoveEffect {
  const hoursOf = (id: string) =>
    managers.find((manager) => manager.accountManagerId === id)?.hours ?? 0;
  const side = (id: string, delta: number) => {
    const before = hoursOf(id);
    const after = Math.round((before + delta) * 10) / 10;
    return {
      accountManagerId: id,
      hoursBefore: before,
      hoursAfter: after,
      overByAfter: Math.max(0, Math.round((after - settings.capacityHours) * 10) / 10)
    };
  };
  return {
    accountId: load.id,
    hours: load.hours,
    from: side(load.accountManagerId, -load.hours),
    to: side(toManagerId, load.hours)
  };
}
