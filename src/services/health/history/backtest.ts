import type { Connection } from 'jsforce';
import { readBreakdown, type BatonModel, type Tier } from '../../../core';
import {
  auc,
  aucInterval,
  bandFlips,
  byBand,
  calibration,
  churnCaughtReachable,
  measureDiscrimination,
  overridesFared,
  reachableWithin,
  scoresAtHorizon,
  topDecileLift,
  type BacktestOutcome,
  type BacktestSnapshot
} from '../../../core/health/backtest';
import { loadModelFromOrg } from '../../../org/orgModel';
import { orgAccess } from '../recompute/restOrBulkAccess';
import { idChunks } from '../../../org/soql';
import { idCondition } from '../recompute/signalQueries';

/** Horizons (days before each outcome) the backtest reads the score at, unless told others. */
export const DEFAULT_HORIZONS = [90, 180];
/** Fewer bad or good outcomes than this say nothing an admin should act on. */
export const MIN_OUTCOMES_EACH = 10;

export interface HorizonReport {
  horizonDays: number;
  outcomes: number;
  bad: number;
  good: number;
  /** Why nothing is reported, when too few outcomes have a score that old. */
  refused: string | null;
  auc: number | null;
  aucInterval: [number, number] | null;
  lift: ReturnType<typeof topDecileLift> | null;
  bands: ReturnType<typeof byBand>;
  calibration: ReturnType<typeof calibration>;
  measures: ReturnType<typeof measureDiscrimination>;
  overrides: ReturnType<typeof overridesFared> | null;
  /**
   * Churn caught among the accounts the team can reach: those whose tier (Touch_Tier__c,
   * as it is now) meets the customer at least every `horizonDays` (Tier_Cadence__mdt).
   */
  reachable: ReturnType<typeof churnCaughtReachable> | null;
}

export interface BacktestReport {
  outcomes: number;
  /** Band changes between consecutive snapshots of the accounts with outcomes. */
  bandFlips: ReturnType<typeof bandFlips>;
  horizons: HorizonReport[];
}

/**
 * `baton health backtest`: every Customer_Outcome__c (churn and contraction bad, renewal
 * good) against the account's score a horizon before, from its Health_Snapshot__c history.
 */
export async function backtest(
  conn: Connection,
  horizons: number[] = DEFAULT_HORIZONS
): Promise<BacktestReport> {
  const model = await loadModelFromOrg(conn);
  const org = orgAccess(conn);
  const outcomes: BacktestOutcome[] = [];
  const total = await org.count('SELECT COUNT() FROM Customer_Outcome__c');
  await org.query(
    'SELECT Account__c, Type__c, Outcome_Date__c, ARR_Before__c FROM Customer_Outcome__c WHERE Outcome_Date__c != null',
    total,
    (rows) => {
      for (const row of rows)
        outcomes.push({
          accountId: String(row.Account__c),
          type: row.Type__c as BacktestOutcome['type'],
          date: String(row.Outcome_Date__c),
          arr:
            row.ARR_Before__c === null || row.ARR_Before__c === undefined
              ? null
              : Number(row.ARR_Before__c)
        });
    }
  );
  const accountIds = [...new Set(outcomes.map((o) => o.accountId))];
  const snapshots = await historyOf(conn, accountIds, model);
  const tiers = await tiersOf(conn, accountIds);
  // Every scored band below the best one is a warning an account manager could act on.
  const riskBands = model.bands.slice(1).map((band) => band.status);
  const weights = Object.fromEntries(model.measures.map((m) => [m.name, m.weight]));
  const best = model.bands[0]?.status ?? '';
  const worst = model.bands[model.bands.length - 1]?.status ?? '';
  return {
    outcomes: outcomes.length,
    bandFlips: bandFlips(snapshots),
    horizons: horizons.map((horizonDays) => {
      const points = scoresAtHorizon(outcomes, snapshots, horizonDays);
      const bad = points.filter((p) => p.bad).length;
      const good = points.length - bad;
      const refused =
        bad < MIN_OUTCOMES_EACH || good < MIN_OUTCOMES_EACH
          ? `Too few outcomes with a score ${horizonDays} days before them (${bad} churn or contraction, ${good} renewal; at least ${MIN_OUTCOMES_EACH} of each are needed): no statistic would be worth acting on.`
          : null;
      return {
        horizonDays,
        outcomes: points.length,
        bad,
        good,
        refused,
        auc: refused ? null : auc(points),
        aucInterval: refused ? null : aucInterval(points),
        lift: refused ? null : topDecileLift(points),
        bands: refused
          ? []
          : byBand(points, [...model.bands.map((b) => b.status), model.insufficientStatus]),
        calibration: refused ? [] : calibration(points),
        measures: refused ? [] : measureDiscrimination(points, weights),
        overrides: refused ? null : overridesFared(points, best, worst),
        reachable: refused
          ? null
          : churnCaughtReachable(
              points,
              (accountId) => {
                const tier = tiers.get(accountId);
                return reachableWithin(tier ? model.cadence[tier] : undefined, horizonDays);
              },
              riskBands,
              model.insufficientStatus
            )
      };
    })
  };
}

/** Each account's touch tier (the suggested one where none is set). */
async function tiersOf(conn: Connection, accountIds: string[]): Promise<Map<string, Tier>> {
  const tiers = new Map<string, Tier>();
  const org = orgAccess(conn);
  for (const ids of idChunks(accountIds)) {
    await org.query(
      `SELECT Id, Touch_Tier__c, Suggested_Touch_Tier__c FROM Account WHERE ${idCondition('Id', ids)}`,
      ids.length,
      (rows) => {
        for (const row of rows) {
          const tier = (row.Touch_Tier__c || row.Suggested_Touch_Tier__c) as Tier | null;
          if (tier) tiers.set(String(row.Id), tier);
        }
      }
    );
  }
  return tiers;
}

async function historyOf(
  conn: Connection,
  accountIds: string[],
  model: BatonModel
): Promise<Map<string, BacktestSnapshot[]>> {
  const history = new Map<string, BacktestSnapshot[]>();
  const org = orgAccess(conn);
  for (const ids of idChunks(accountIds)) {
    await org.query(
      `SELECT Account__c, Score__c, Status__c, Override_Status__c, Computed_At__c, Breakdown__c FROM Health_Snapshot__c WHERE ${idCondition('Account__c', ids)}`,
      ids.length * 40,
      (rows) => {
        for (const row of rows) {
          const breakdown = readBreakdown(row.Breakdown__c as string | null, model.measures);
          const list = history.get(String(row.Account__c)) ?? [];
          list.push({
            date: String(row.Computed_At__c),
            score:
              row.Score__c === null || row.Score__c === undefined ? null : Number(row.Score__c),
            status: String(row.Status__c ?? ''),
            override: (row.Override_Status__c as string | null) ?? null,
            measures: Object.fromEntries((breakdown?.measures ?? []).map((m) => [m.name, m.score]))
          });
          history.set(String(row.Account__c), list);
        }
      }
    );
  }
  return history;
}
