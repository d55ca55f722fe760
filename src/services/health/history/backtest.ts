import type { Connection } from 'jsforce';
import { readBreakdown, type BatonModel, type Tier } from '../../../core';
import {
  bandFlips,
  horizonReport,
  reachableWithin,
  type BacktestOutcome,
  type BacktestSnapshot,
  type HorizonReport
} from '../../../core/health/backtest';
import { loadModelFromOrg } from '../../../org/orgModel';
import { orgAccess } from '../recompute/restOrBulkAccess';
import { idChunks } from '../../../org/soql';
import { idCondition } from '../recompute/signalQueries';

/** Horizons (days before each outcome) the backtest reads the score at, unless told others. */
export const DEFAULT_HORIZONS = [90, 180];
export type { HorizonReport };

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
  // Only what became of a customer: a trial's end (Trial Converted, Trial Not Converted) is
  // neither a churn nor a renewal, and would otherwise count as a bad outcome.
  const kinds = "Type__c IN ('Churn', 'Contraction', 'Renewal')";
  const total = await org.count(`SELECT COUNT() FROM Customer_Outcome__c WHERE ${kinds}`);
  await org.query(
    `SELECT Account__c, Type__c, Outcome_Date__c, ARR_Before__c FROM Customer_Outcome__c WHERE Outcome_Date__c != null AND ${kinds}`,
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
  const inputs = {
    bands: model.bands.map((band) => band.status),
    insufficientStatus: model.insufficientStatus,
    weights: Object.fromEntries(model.measures.map((m) => [m.name, m.weight]))
  };
  return {
    outcomes: outcomes.length,
    bandFlips: bandFlips(snapshots),
    horizons: horizons.map((horizonDays) =>
      horizonReport(outcomes, snapshots, horizonDays, {
        ...inputs,
        reachable: (accountId) => {
          const tier = tiers.get(accountId);
          return reachableWithin(tier ? model.cadence[tier] : undefined, horizonDays);
        }
      })
    )
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
