import type { Connection } from 'jsforce';
import { z } from 'zod';
import { sameSalesforceId, TIERS, type BatonModel, type Tier } from '../../core';
import { addDays, isoDateOf } from '../../core/dates';
import {
  handoverQueue,
  healthByBand,
  isChurned,
  npsByMonth,
  overrideInForce,
  retention,
  shownStatus
} from '../../core/portfolio/book';
import { atRiskStatus } from '../../core/health/statuses';
import { snapshotsToRead, weekMovers, withDrivers } from '../../core/portfolio/movers';
import type { PortfolioSettings } from '../../core/portfolio/settings';
import { trialConversion } from '../../core/portfolio/trials';
import { SEGMENTS } from '../../core/portfolio/value';
import { accountLoad, managerLoads, overdueByManager } from '../../core/portfolio/workload';
import { loadModelFromOrg } from '../../org/orgModel';
import { loadHandoverSettings } from '../handover/settings';
import { loadHistoryPolicy } from '../health/history/historyPolicy';
import { readMany, type Row } from '../touchpoints/records';
import { loadPortfolioSettings } from './settingsFromOrg';

/**
 * TypeScript twin of the Apex class PortfolioController.getPortfolio: the CS lead's book in
 * one call, whatever its size: the settings, model, history policy and handover settings
 * (the model's five types in one batch call and 5 more custom metadata queries), then a
 * COUNT() and one query (Bulk API 2.0 above 10 000 rows) each for accounts, handovers, open
 * touchpoints, the snapshot scores since the week's baseline, a year of outcomes and a year
 * of NPS answers, and one for the shown movers' breakdowns. Filters are matched in memory, so
 * no caller text reaches SOQL. The shared contract BatonPortfolioContract pins it to the Apex
 * class.
 */
export const LIST_LIMIT = 1000;
/** Overrides and too-little-data accounts listed beside the chart (the bands count them all). */
export const SIDE_LIST_LIMIT = 100;

const userId = z.string().regex(/^005[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/, 'not a User Id');
export const portfolioParams = z.object({
  accountManagerId: userId.nullish(),
  tier: z.enum(TIERS).nullish(),
  segment: z.enum(SEGMENTS).nullish(),
  stage: z.string().max(40).nullish()
});
export type PortfolioFilters = z.infer<typeof portfolioParams>;

const str = (value: unknown) =>
  value === null || value === undefined || value === '' ? null : String(value);
const num = (value: unknown) => (str(value) === null ? null : Number(value));
const nameOf = (row: Row, relation: string) =>
  str((row[relation] as { Name?: unknown } | null)?.Name);

const ACCOUNT_SOQL =
  'SELECT Id, Name, MRR__c, Touch_Tier__c, Customer_Stage__c, Account_Manager__c, Account_Manager__r.Name, Health_Status__c, Health_Score__c, Health_Coverage__c, Health_Override__c, Health_Override_Until__c, Health_Override_Reason__c, Health_Override_Set_By__r.Name, Growth_Potential__c, Profitability__c, Reference_Value__c, Portfolio_Value__c, Portfolio_Segment__c, Portfolio_Strategy__c, Contract_Start__c, Onboarding_Started__c FROM Account';

export interface PortfolioAccount {
  id: string;
  name: string | null;
  arr: number;
  tier: string | null;
  stage: string | null;
  accountManagerId: string | null;
  accountManager: string | null;
  status: string | null;
  /** A health override is in force. */
  overridden: boolean;
  overrideUntil: string | null;
  /** Who set the override in force. */
  overrideSetBy: string | null;
  score: number | null;
  potential: number | null;
  contractStart: string | null;
  profitability: number | null;
  value: number | null;
  segment: string | null;
  strategy: string | null;
}

function accountOf(row: Row, asOf: string): PortfolioAccount {
  const computed = str(row.Health_Status__c);
  const override = str(row.Health_Override__c);
  const overrideUntil = str(row.Health_Override_Until__c);
  const overridden = overrideInForce({ computed, override, overrideUntil }, asOf);
  const status = shownStatus({ computed, override, overrideUntil }, asOf);
  return {
    id: String(row.Id),
    name: str(row.Name),
    arr: (num(row.MRR__c) ?? 0) * 12,
    tier: str(row.Touch_Tier__c),
    stage: str(row.Customer_Stage__c),
    accountManagerId: str(row.Account_Manager__c),
    accountManager: nameOf(row, 'Account_Manager__r'),
    status,
    overridden,
    overrideUntil: overridden ? overrideUntil : null,
    overrideSetBy: overridden ? nameOf(row, 'Health_Override_Set_By__r') : null,
    score: num(row.Health_Score__c),
    potential: num(row.Growth_Potential__c),
    contractStart: str(row.Contract_Start__c),
    profitability: num(row.Profitability__c),
    value: num(row.Portfolio_Value__c),
    segment: str(row.Portfolio_Segment__c),
    strategy: str(row.Portfolio_Strategy__c)
  };
}

const matches = (account: PortfolioAccount, filters: PortfolioFilters) =>
  (!filters.accountManagerId ||
    sameSalesforceId(account.accountManagerId, filters.accountManagerId)) &&
  (!filters.tier || account.tier === filters.tier) &&
  (!filters.segment || account.segment === filters.segment) &&
  (!filters.stage || account.stage === filters.stage);

function workload(
  accountRows: Row[],
  tasks: Row[],
  asOf: string,
  model: BatonModel,
  settings: PortfolioSettings
) {
  const names = new Map<string, string | null>();
  const loads = accountRows.map((row) => {
    const managerId = str(row.Account_Manager__c);
    if (managerId) names.set(managerId, nameOf(row, 'Account_Manager__r'));
    const tier = str(row.Touch_Tier__c);
    return {
      ...accountLoad(
        {
          id: String(row.Id),
          name: str(row.Name),
          accountManagerId: managerId,
          tier: (TIERS as readonly string[]).includes(tier ?? '') ? (tier as Tier) : null,
          contractStart: str(row.Contract_Start__c),
          acceptedAt: str(row.Onboarding_Started__c),
          stage: str(row.Customer_Stage__c)
        },
        asOf,
        model,
        settings
      ),
      accountManagerId: managerId,
      stage: str(row.Customer_Stage__c)
    };
  });
  const overdue = overdueByManager(
    tasks.map((task) => ({ ownerId: str(task.OwnerId), dueDate: str(task.ActivityDate) })),
    asOf
  );
  return {
    capacityHours: settings.capacityHours,
    // Busiest first, then by name, as the Apex PortfolioWorkload lists them.
    managers: managerLoads(loads, overdue, settings)
      .map((load) => ({ ...load, name: names.get(load.accountManagerId) ?? null }))
      .sort((a, b) => b.hours - a.hours || ((a.name ?? '') < (b.name ?? '') ? -1 : 1)),
    accountHours: Object.fromEntries(loads.map((load) => [load.id, load.hours]))
  };
}

/** Twin of PortfolioController.getPortfolio. */
export async function getPortfolio(conn: Connection, params: unknown) {
  const filters = portfolioParams.parse(params ?? {});
  const asOf = isoDateOf(new Date());
  const [settings, model, history, handoverSettings] = await Promise.all([
    loadPortfolioSettings(conn),
    loadModelFromOrg(conn),
    loadHistoryPolicy(conn),
    loadHandoverSettings(conn)
  ]);
  const weekStart = `${addDays(asOf, -7)}T00:00:00Z`;
  const baselineFrom = `${addDays(asOf, -7 - history.heartbeatDays)}T00:00:00Z`;
  const yearAgo = addDays(asOf, -365);
  const [accountRows, handoverRows, taskRows, snapshotRows, outcomeRows, npsRows] =
    await Promise.all([
      readMany(conn, ACCOUNT_SOQL),
      readMany(
        conn,
        "SELECT Id, Status__c, Account__c, Account__r.Name, Account__r.Touch_Tier__c, Account_Manager__r.Name, Seller__r.Name, Submitted_At__c, Accepted_At__c, Returned_At__c FROM Handover__c WHERE Status__c != 'Draft'"
      ),
      readMany(
        conn,
        'SELECT OwnerId, ActivityDate, WhatId FROM Task WHERE IsClosed = false AND Touchpoint_Key__c != null'
      ),
      readMany(
        conn,
        `SELECT Id, Account__c, Score__c, Computed_At__c FROM Health_Snapshot__c WHERE Computed_At__c >= ${baselineFrom} ORDER BY Computed_At__c ASC`
      ),
      readMany(
        conn,
        `SELECT Account__c, Type__c, Outcome_Date__c, ARR_Before__c FROM Customer_Outcome__c WHERE Outcome_Date__c >= ${yearAgo} ORDER BY Outcome_Date__c ASC, CreatedDate ASC`
      ),
      readMany(
        conn,
        `SELECT Score__c, Responded_On__c, Account__c FROM Survey_Response__c WHERE Type__c = 'NPS' AND Responded_On__c >= ${yearAgo}`
      )
    ]);
  const all = accountRows.map((row) => accountOf(row, asOf));
  const shown = all.filter((account) => matches(account, filters));
  const ids = new Set(shown.map((account) => account.id));
  const keptRows = accountRows.filter((row) => ids.has(String(row.Id)));
  // Movers are read for the customers not churned only, as the health bands are.
  const names = new Map(
    shown.filter((account) => !isChurned(account)).map((account) => [account.id, account.name])
  );
  const queue = handoverQueue(
    handoverRows
      .filter((row) => ids.has(String(row.Account__c)))
      .map((row) => ({
        id: String(row.Id),
        accountName: nameOf(row, 'Account__r'),
        status: String(row.Status__c),
        tier: (str((row.Account__r as Row | null)?.Touch_Tier__c) as Tier | null) ?? null,
        accountManager: nameOf(row, 'Account_Manager__r'),
        seller: nameOf(row, 'Seller__r'),
        submittedAt: str(row.Submitted_At__c),
        acceptedAt: str(row.Accepted_At__c),
        returnedAt: str(row.Returned_At__c)
      })),
    asOf,
    model
  );
  const load = workload(
    keptRows,
    // A churned customer's open touchpoints are no one's workload either.
    taskRows.filter((task) => names.has(String(task.WhatId))),
    asOf,
    model,
    settings
  );
  const overrides = shown.filter((account) => account.overridden).slice(0, SIDE_LIST_LIMIT);
  const picks = weekMovers(
    snapshotRows.map((row) => ({
      id: String(row.Id),
      accountId: String(row.Account__c),
      score: num(row.Score__c),
      computedAt: String(row.Computed_At__c)
    })),
    names,
    weekStart
  );
  const outcomes = outcomeRows
    .filter((row) => ids.has(String(row.Account__c)))
    .map((row) => ({
      accountId: String(row.Account__c),
      type: String(row.Type__c),
      date: String(row.Outcome_Date__c),
      arrBefore: num(row.ARR_Before__c)
    }));
  const toRead = snapshotsToRead(picks);
  const breakdownRows = toRead.length
    ? await readMany(
        conn,
        `SELECT Id, Breakdown__c FROM Health_Snapshot__c WHERE Id IN (${toRead.map((id) => `'${id}'`).join(', ')})`
      )
    : [];
  return {
    asOf,
    totalAccounts: shown.length,
    accounts: [...shown]
      .sort((a, b) => b.arr - a.arr)
      .slice(0, LIST_LIMIT)
      .map((account) => ({ ...account, hours: load.accountHours[account.id] ?? 0 })),
    ...healthByBand(shown, atRiskStatus(model)),
    movers: withDrivers(
      picks,
      new Map(breakdownRows.map((row) => [String(row.Id), str(row.Breakdown__c)])),
      model
    ),
    overrides,
    insufficientData: shown
      .filter((account) => !isChurned(account) && account.status === model.insufficientStatus)
      .slice(0, SIDE_LIST_LIMIT)
      .map(({ id, name }) => ({ id, name })),
    queue: queue.queue,
    answerRates: queue.managers,
    workload: { capacityHours: load.capacityHours, managers: load.managers },
    retention: retention(shown, yearAgo, outcomes),
    trials: trialConversion(outcomes, yearAgo, handoverSettings.trialConversionGoal),
    nps: npsByMonth(
      npsRows
        .filter((row) => ids.has(String(row.Account__c)))
        .map((row) => ({ score: Number(row.Score__c), respondedOn: String(row.Responded_On__c) }))
    ),
    managers: [
      ...new Map(
        all.filter((a) => a.accountManagerId).map((a) => [a.accountManagerId!, a.accountManager])
      ).entries()
    ].map(([id, name]) => ({ id, name }))
  };
}
export type PortfolioView = Awaited<ReturnType<typeof getPortfolio>>;
