import type { BatonModel } from '../config/model';
import type { Tier } from '../config/records';
import { daysBetween } from '../dates';
import { isHandoverOverdue } from '../handover';
import { CHURNED } from '../health/outcomes';
import { nps } from '../survey';

/**
 * The book's figures a CS lead reads: health by band with ARR at risk, the handover
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

/**
 * A churned customer has no revenue left to save or hours to plan, so it is out of the health
 * bands, ARR at risk, the movers and the workload; churn and retention still count it.
 */
export const isChurned = (account: { stage?: string | null }): boolean => account.stage === CHURNED;

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

/** Health by band and ARR at risk (the ARR showing `atRisk`, atRiskStatus) over the customers not churned. */
export function healthByBand(
  accounts: readonly BookAccount[],
  atRisk: string | null
): {
  bands: BandSummary[];
  arrAtRisk: number;
} {
  const bands = new Map<string, BandSummary>();
  let arrAtRisk = 0;
  for (const account of accounts) {
    if (isChurned(account)) continue;
    const status = account.status ?? 'Not scored';
    const band = bands.get(status) ?? { status, accounts: 0, arr: 0 };
    band.accounts++;
    band.arr += account.arr;
    bands.set(status, band);
    if (status === atRisk) arrAtRisk += account.arr;
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
  id: string;
  arr: number;
  contractStart: string | null;
  stage: string | null;
}

/** A Customer_Outcome__c (churn, contraction, renewal) as retention reads it. */
export interface RetentionOutcome {
  accountId: string;
  /** Churn, Contraction or Renewal. */
  type: string;
  /** Outcome_Date__c, YYYY-MM-DD. */
  date: string;
  /** ARR_Before__c: the ARR just before the outcome. */
  arrBefore: number | null;
}

const ratio = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null;

/**
 * Churn, gross and net revenue retention over the period from periodStart to today (source
 * studies 001 and 003). Decision, from what Baton holds: the cohort is the customers whose
 * contract started before the period, or who renewed during it (a renewal moves
 * Contract_Start__c to the new term's start, but continues a term that was running). A
 * customer's ARR at the start is the ARR before its
 * first outcome in the period (Customer_Outcome__c.ARR_Before__c), else its ARR now; at the end
 * it is its ARR now, 0 once Churned.
 * - churn rate = cohort now Churned ÷ cohort;
 * - gross revenue retention = Σ min(start, end) ÷ Σ start (churn and contraction, no expansion);
 * - net revenue retention = Σ end ÷ Σ start (expansion counted too).
 * The org keeps no other revenue history, so a rise that no outcome recorded (between
 * renewals) counts from the start: net retention may understate expansion, never overstate it.
 */
export function retention(
  accounts: readonly RetentionAccount[],
  periodStart: string,
  outcomes: readonly RetentionOutcome[] = []
): {
  customersAtStart: number;
  lost: number;
  churnRate: number | null;
  grossRevenueRetention: number | null;
  netRevenueRetention: number | null;
} {
  const arrBefore = new Map<string, number>();
  for (const outcome of [...outcomes].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0
  ))
    if (
      outcome.date >= periodStart &&
      outcome.arrBefore !== null &&
      !arrBefore.has(outcome.accountId)
    )
      arrBefore.set(outcome.accountId, outcome.arrBefore);
  const renewed = new Set(
    outcomes
      .filter((outcome) => outcome.type === 'Renewal' && outcome.date >= periodStart)
      .map((outcome) => outcome.accountId)
  );
  const cohort = accounts.filter(
    (account) =>
      (account.contractStart !== null && account.contractStart < periodStart) ||
      renewed.has(account.id)
  );
  let start = 0;
  let kept = 0;
  let end = 0;
  let lost = 0;
  for (const account of cohort) {
    const churned = account.stage === 'Churned';
    const atStart = arrBefore.get(account.id) ?? account.arr;
    const now = churned ? 0 : account.arr;
    if (churned) lost++;
    start += atStart;
    kept += Math.min(atStart, now);
    end += now;
  }
  return {
    customersAtStart: cohort.length,
    lost,
    churnRate: ratio(lost, cohort.length),
    grossRevenueRetention: ratio(kept, start),
    netRevenueRetention: ratio(end, start)
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
