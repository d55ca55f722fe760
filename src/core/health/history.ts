import { z } from 'zod';
import { BatonError } from '../errors';

/**
 * How much health history an org keeps (Health_History_Policy__mdt). Decision: a snapshot is
 * written only when a reader would notice the difference, or as a heartbeat, so the trend's
 * baseline (the newest snapshot at least the trend's days old) is always within reach, and
 * old history thins to one a month before it goes.
 */
export interface HistoryPolicy {
  /** A score move of at least this many points is a new snapshot (1: any move, the trend exact). */
  scoreMovePoints: number;
  /** A snapshot at least this often; the trend reads this many days behind its baseline day. */
  heartbeatDays: number;
  /** Every snapshot younger than this many months is kept. */
  keepAllMonths: number;
  /** Then one a month (the month's newest) up to this many months; older ones are deleted. */
  keepMonthlyMonths: number;
}

/** The custom metadata type that holds the policy. */
export const HISTORY_POLICY_TYPE = 'Health_History_Policy__mdt';

export const DEFAULT_HISTORY_POLICY: HistoryPolicy = {
  scoreMovePoints: 1,
  heartbeatDays: 14,
  keepAllMonths: 12,
  keepMonthlyMonths: 36
};

export const historyPolicyRecord = z.object({
  DeveloperName: z.string().min(1),
  Score_Move_Points__c: z.number().finite().min(1).nullish(),
  Heartbeat_Days__c: z.number().int().min(1).max(90).nullish(),
  Keep_All_Months__c: z.number().int().min(2).nullish(),
  Keep_Monthly_Months__c: z.number().int().min(0).nullish()
});

const policyError = (record: string, field: string, message: string) =>
  new BatonError(
    'INVALID_MODEL',
    `Health_History_Policy__mdt.${record}: ${field || 'record'}: ${message}`,
    `Health_History_Policy__mdt.${record}.${field}`
  );

/** The policy from the org's records (the one named Default, else the only one), defaults filled in. */
export function historyPolicyOf(records: Record<string, unknown>[]): HistoryPolicy {
  const parsed = records.map((row) => {
    const result = historyPolicyRecord.safeParse(row);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    throw policyError(String(row.DeveloperName ?? '?'), issue.path.join('.'), issue.message);
  });
  const record = parsed.find((r) => r.DeveloperName === 'Default') ?? parsed[0];
  const policy: HistoryPolicy = {
    scoreMovePoints: record?.Score_Move_Points__c ?? DEFAULT_HISTORY_POLICY.scoreMovePoints,
    heartbeatDays: record?.Heartbeat_Days__c ?? DEFAULT_HISTORY_POLICY.heartbeatDays,
    keepAllMonths: record?.Keep_All_Months__c ?? DEFAULT_HISTORY_POLICY.keepAllMonths,
    keepMonthlyMonths: record?.Keep_Monthly_Months__c ?? DEFAULT_HISTORY_POLICY.keepMonthlyMonths
  };
  if (policy.keepMonthlyMonths < policy.keepAllMonths && policy.keepMonthlyMonths !== 0)
    throw policyError(
      record?.DeveloperName ?? 'Default',
      'Keep_Monthly_Months__c',
      'must be 0 (no monthly history) or at least Keep_All_Months__c'
    );
  return policy;
}

/** What a snapshot says to a reader: the computed score and status, coverage, an override. */
export interface SnapshotState {
  day: number;
  score: number | null;
  status: string;
  coverage: number;
  /** The status an active override showed, else null. */
  override: string | null;
}

export type SnapshotReason =
  'first' | 'sameDay' | 'status' | 'score' | 'coverage' | 'override' | 'heartbeat';

/**
 * Why today's state is written as a snapshot, or null when the latest one still says it.
 * The same day's snapshot is rewritten in place (its key is the account and the day), so
 * an account never has two a day.
 */
export function snapshotReason(
  latest: SnapshotState | null,
  now: SnapshotState,
  policy: HistoryPolicy,
  minCoverage: number
): SnapshotReason | null {
  if (!latest) return 'first';
  if (latest.day === now.day) return 'sameDay';
  if (latest.status !== now.status) return 'status';
  if ((latest.score === null) !== (now.score === null)) return 'score';
  if (
    latest.score !== null &&
    now.score !== null &&
    Math.abs(now.score - latest.score) >= policy.scoreMovePoints
  )
    return 'score';
  if (latest.coverage >= minCoverage !== now.coverage >= minCoverage) return 'coverage';
  if (latest.override !== now.override) return 'override';
  if (now.day - latest.day >= policy.heartbeatDays) return 'heartbeat';
  return null;
}

/** A YYYY-MM-DD day as months since year 0, so "12 months" means calendar months. */
const monthOf = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

export interface StoredSnapshot {
  id: string;
  accountId: string;
  /** YYYY-MM-DD (or an ISO date-time) of Computed_At__c. */
  date: string;
}

/**
 * Decides, snapshot by snapshot, which ones the policy no longer keeps: older than
 * keepAllMonths (whole calendar months before asOf's), all but the month's newest per
 * account; older than keepMonthlyMonths, all. Snapshots must come by account, newest first
 * (ORDER BY Account__c, Computed_At__c DESC), so a stream of any length needs no memory.
 * Idempotent and safe to interrupt: what is kept never depends on what was deleted.
 */
export class HistoryThinning {
  private readonly current: number;
  private lastKey = '';

  constructor(
    asOf: string,
    private readonly policy: HistoryPolicy
  ) {
    this.current = monthOf(asOf);
  }

  /** The first day (YYYY-MM-DD) of the oldest month kept whole: older snapshots are candidates. */
  static keepAllFrom(asOf: string, policy: HistoryPolicy): string {
    const month = monthOf(asOf) - policy.keepAllMonths + 1;
    const year = Math.floor(month / 12);
    return `${String(year).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01`;
  }

  isDoomed(snapshot: StoredSnapshot): boolean {
    const age = this.current - monthOf(snapshot.date);
    if (age < this.policy.keepAllMonths) return false;
    if (age >= this.policy.keepMonthlyMonths) return true;
    const key = `${snapshot.accountId}/${snapshot.date.slice(0, 7)}`;
    if (key === this.lastKey) return true;
    this.lastKey = key;
    return false;
  }
}

/** The Ids HistoryThinning deletes from `snapshots`, in any order. */
export function snapshotsToDelete(
  snapshots: readonly StoredSnapshot[],
  asOf: string,
  policy: HistoryPolicy
): string[] {
  const thinning = new HistoryThinning(asOf, policy);
  return [...snapshots]
    .sort((a, b) =>
      a.accountId !== b.accountId
        ? a.accountId < b.accountId
          ? -1
          : 1
        : a.date !== b.date
          ? a.date < b.date
            ? 1
            : -1
          : 0
    )
    .filter((snapshot) => thinning.isDoomed(snapshot))
    .map((snapshot) => snapshot.id);
}
