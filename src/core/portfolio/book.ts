import type { BatonModel } from '../config/model';
import type { Tier } from '../config/records';
import { daysBetween } from '../dates';
import { isHandoverOverdue } from '../handover';
import { nps } from '../survey';

/**
 * The book's figures a CS lead reads (issue 21): health by band with ARR at risk, the handover
 * queue, and the retention figures studies 001 and 003 report, all from rows the org holds.
 */
export interface BookAccount {
  id: string;
  arr: number;
  /** The status shown: an active override, else the computed band. */
  status: string | null;
  stage: string | null;
}

export interface BandSummary {
  status: string;
  accounts: number;
  arr: number;
}

/** The statuses whose ARR counts as at risk. */
export const AT_RISK_STATUSES = ['Red'];

type HealthFields = {
  computed: string | null;
  override: string | null;
  overrideUntil: string | null;
};

/** An override is in force until the end of its until day, or with no until at all. */
export const overrideInForce = (account: HealthFields, asOf: string): boolean =>
  !!account.override && (!account.overrideUntil || account.overrideUntil >= asOf);

/** The status an account shows: an override in force wins over the computed band. */
export function shownStatus(account: HealthFields, asOf: string): string | null {
  return overrideInForce(account, asOf) ? account.override : account.computed;
}

export function healthByBand(accounts: readonly BookAccount[]): {
  bands: BandSummary[];
  arrAtRisk: number;
} {
  const bands = new Map<string, BandSummary>();
  let arrAtRisk = 0;
  for (const account of accounts) {
    const status = account.status ?? 'Not scored';
    const band = bands.get(status) ?? { status, accounts: 0, arr: 0 };
    band.accounts++;
    band.arr += account.arr;
    bands.set(status, band);
    if (AT_RISK_STATUSES.includes(status)) arrAtRisk += account.arr;
  }
  return { bands: [...bands.values()].sort((a, b) => b.arr - a.arr), arrAtRisk };
}

export interface QueueHandover {
  id: string;
  accountName: string | null;
  status: string;
  tier: Tier | null;
  accountManager: string | null;
  seller: string | null;
  submittedAt: string | null;
  acceptedAt: string | null;
  returnedAt: string | null;
}

export interface QueueEntry {
  id: string;
  accountName: string | null;
  accountManager: string | null;
  seller: string | null;
  state: 'awaiting' | 'overdue' | 'returned';
  /** Whole days since it was submitted (awaiting, overdue) or returned. */
  ageDays: number;
}

export interface ManagerAnswers {
  accountManager: string;
  accepted: number;
  returned: number;
  /** Accepted ÷ answered; null before any answer. */
  acceptanceRate: number | null;
  /** Median days from submission to acceptance. */
  medianDaysToAccept: number | null;
}

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return Math.round(value * 10) / 10;
};
const hoursBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 3_600_000;

/**
 * Handovers waiting on someone, oldest first: submitted and within the tier's answer time
 * (awaiting), past it (overdue, src/core/handover.ts), or returned and not yet resubmitted.
 * Per account manager: acceptance rate over answered handovers and median days to accept.
 */
export function handoverQueue(
  handovers: readonly QueueHandover[],
  asOf: string,
  model: BatonModel
): { queue: QueueEntry[]; managers: ManagerAnswers[] } {
  const queue: QueueEntry[] = [];
  const answers = new Map<string, { accepted: number; returned: number; days: number[] }>();
  for (const handover of handovers) {
    const entry = {
      id: handover.id,
      accountName: handover.accountName,
      accountManager: handover.accountManager,
      seller: handover.seller
    };
    if (handover.status === 'Submitted' && handover.submittedAt) {
      const overdue = isHandoverOverdue(handover, asOf, handover.tier ?? undefined, model);
      queue.push({
        ...entry,
        state: overdue ? 'overdue' : 'awaiting',
        ageDays: daysBetween(handover.submittedAt.slice(0, 10), asOf)
      });
    } else if (handover.status === 'Returned') {
      const since = handover.returnedAt ?? handover.submittedAt;
      queue.push({
        ...entry,
        state: 'returned',
        ageDays: since ? daysBetween(since.slice(0, 10), asOf) : 0
      });
    }
    if (
      !handover.accountManager ||
      (handover.status !== 'Accepted' && handover.status !== 'Returned')
    )
      continue;
    const tally = answers.get(handover.accountManager) ?? { accepted: 0, returned: 0, days: [] };
    if (handover.status === 'Accepted') {
      tally.accepted++;
      if (handover.submittedAt && handover.acceptedAt)
        tally.days.push(hoursBetween(handover.submittedAt, handover.acceptedAt) / 24);
    } else tally.returned++;
    answers.set(handover.accountManager, tally);
  }
  const managers = [...answers.entries()]
    .map(([accountManager, tally]) => ({
      accountManager,
      accepted: tally.accepted,
      returned: tally.returned,
      acceptanceRate:
        Math.round((tally.accepted / (tally.accepted + tally.returned)) * 1000) / 1000,
      medianDaysToAccept: median(tally.days)
    }))
    .sort((a, b) => a.accountManager.localeCompare(b.accountManager));
  return { queue: queue.sort((a, b) => b.ageDays - a.ageDays), managers };
}

export interface RetentionAccount {
  arr: number;
  contractStart: string | null;
  stage: string | null;
}

/**
 * Churn and gross revenue retention over the period that ends at asOf: the customers at its
 * start are those whose contract started before it; the lost are those now Churned. The org
 * keeps no revenue history, so gross retention weighs each customer by its current ARR and
 * net retention (which needs the start's revenue) is not reported.
 */
export function retention(
  accounts: readonly RetentionAccount[],
  periodStart: string
): {
  customersAtStart: number;
  lost: number;
  churnRate: number | null;
  grossRevenueRetention: number | null;
} {
  const cohort = accounts.filter(
    (account) => account.contractStart !== null && account.contractStart < periodStart
  );
  const lost = cohort.filter((account) => account.stage === 'Churned');
  const cohortArr = cohort.reduce((sum, account) => sum + account.arr, 0);
  const lostArr = lost.reduce((sum, account) => sum + account.arr, 0);
  const ratio = (part: number, whole: number) =>
    whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null;
  return {
    customersAtStart: cohort.length,
    lost: lost.length,
    churnRate: ratio(lost.length, cohort.length),
    grossRevenueRetention: ratio(cohortArr - lostArr, cohortArr)
  };
}

/** NPS per calendar month (YYYY-MM), oldest first, by the survey core's one NPS rule. */
export function npsByMonth(
  responses: readonly { score: number; respondedOn: string }[]
): { month: string; responses: number; nps: number }[] {
  const months = new Map<string, number[]>();
  for (const response of responses) {
    const month = response.respondedOn.slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), response.score]);
  }
  return [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, scores]) => ({ month, responses: scores.length, nps: nps(scores)!.nps }));
}
