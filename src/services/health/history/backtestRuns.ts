import type { Connection } from 'jsforce';
import type { TwinHost } from '../../apexTwins';
import type { BacktestReport } from './backtest';

/**
 * A backtest run kept in the org (Health_Backtest__c, one record per horizon, all sharing
 * Run_At__c) for the admins' "Does the score predict?" card, and the TypeScript twin of the
 * Apex HealthBacktestController that reads the latest run back.
 */

/** One horizon of the latest run, as the card reads it. */
export interface BacktestHorizonView {
  horizonDays: number;
  auc: number | null;
  aucLow: number | null;
  aucHigh: number | null;
  lift: number | null;
  baseRate: number | null;
  bad: number;
  good: number;
  leftOut: number;
  refused: string | null;
}

export interface LatestBacktest {
  runAt: string;
  horizons: BacktestHorizonView[];
}

/** Rounded to the field's scale here, as the org would round it on save. */
const round = (value: number | null | undefined, places: number) =>
  value === null || value === undefined ? null : Number(value.toFixed(places));

/** The records of one run: a horizon each, its full report as JSON beside the figures. */
export function backtestRecords(report: BacktestReport, runAt: Date): Record<string, unknown>[] {
  return report.horizons.map((horizon) => ({
    Run_At__c: runAt.toISOString(),
    Horizon_Days__c: horizon.horizonDays,
    AUC__c: round(horizon.auc, 3),
    AUC_Low__c: round(horizon.aucInterval?.[0], 3),
    AUC_High__c: round(horizon.aucInterval?.[1], 3),
    Lift__c: round(horizon.lift?.lift, 2),
    Base_Rate__c: round(horizon.lift?.baseRate, 3),
    Bad_Outcomes__c: horizon.bad,
    Good_Outcomes__c: horizon.good,
    Left_Out__c: horizon.tooLittleData.outcomes,
    Refused__c: horizon.refused,
    Report__c: JSON.stringify(horizon)
  }));
}

/** `baton health backtest --save`: writes the run's records, returning their Ids. */
export async function saveBacktest(
  conn: Connection,
  report: BacktestReport,
  runAt: Date = new Date()
): Promise<string[]> {
  const records = backtestRecords(report, runAt);
  if (records.length === 0) return [];
  const results = await conn.sobject('Health_Backtest__c').create(records);
  return results.map((result) => {
    if (!result.success)
      throw new Error(`Could not save the backtest: ${JSON.stringify(result.errors)}`);
    return result.id as string;
  });
}

const FIELDS =
  'Horizon_Days__c, AUC__c, AUC_Low__c, AUC_High__c, Lift__c, Base_Rate__c, Bad_Outcomes__c, Good_Outcomes__c, Left_Out__c, Refused__c';

type Row = Record<string, unknown>;
const numberOrNull = (value: unknown) =>
  value === null || value === undefined ? null : Number(value);

/**
 * HealthBacktestController.getLatest's twin: the latest run's horizons, shortest first, or
 * null before any run was saved. Reads through the caller's connection, as user mode does.
 */
export async function getLatest(conn: Connection): Promise<LatestBacktest | null> {
  const latest = await conn.query<Row>(
    'SELECT Run_At__c FROM Health_Backtest__c WHERE Run_At__c != null ORDER BY Run_At__c DESC LIMIT 1'
  );
  const runAt = latest.records[0]?.Run_At__c;
  if (runAt === undefined || runAt === null) return null;
  const rows = await conn.query<Row>(
    `SELECT ${FIELDS} FROM Health_Backtest__c WHERE Run_At__c = ${String(runAt)} ORDER BY Horizon_Days__c`
  );
  return {
    runAt: String(runAt),
    horizons: rows.records.map((row) => ({
      horizonDays: Number(row.Horizon_Days__c),
      auc: numberOrNull(row.AUC__c),
      aucLow: numberOrNull(row.AUC_Low__c),
      aucHigh: numberOrNull(row.AUC_High__c),
      lift: numberOrNull(row.Lift__c),
      baseRate: numberOrNull(row.Base_Rate__c),
      bad: Number(row.Bad_Outcomes__c ?? 0),
      good: Number(row.Good_Outcomes__c ?? 0),
      leftOut: Number(row.Left_Out__c ?? 0),
      refused: (row.Refused__c as string | null | undefined) ?? null
    }))
  };
}

/** HealthBacktestController.getLatest as a local-org Apex twin. */
export function registerHealthBacktestTwins(org: TwinHost): void {
  org.registerApexTwin('HealthBacktestController', 'getLatest', (ctx) => getLatest(ctx.conn));
}
