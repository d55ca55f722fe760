import { type BatonModel } from '../../../core';
import { dayOfValue, isoOfDay, soqlDateTime } from '../../../core/dates';
import type { LatestSnapshots } from '../history/latestSnapshots';
import type { SignalTable } from './signalTable';

/** The Account fields a score reads: the model's inputs and the override in force. */
export const ACCOUNT_SCORE_INPUTS: readonly string[] = [
  'Touch_Tier__c',
  'Contract_Start__c',
  'Onboarding_Started__c',
  'First_Value_At__c',
  'Licensed_Seats__c',
  'Overdue_Invoices__c',
  'CSM_Sentiment__c',
  'CSM_Sentiment_Date__c',
  'Health_Override__c',
  'Health_Override_Until__c'
];

/** Fields of Account the recompute reads: the score's inputs plus what the alerts compare. */
export const ACCOUNT_FIELDS = [
  'Id',
  ...ACCOUNT_SCORE_INPUTS,
  'Health_Status__c',
  'Health_Alert_Status__c'
];

/**
 * The windows the queries read, from the model: surveys within their measure's
 * Window_Days__c (Health_Measure__mdt); snapshots back to the trend's baseline, the newest
 * at least `trendDays` old (Health_Band__mdt), which lies within `heartbeatDays` before it
 * since one is written at least that often (Health_History_Policy__mdt).
 */
export interface SignalWindows {
  trendDays: number;
  heartbeatDays: number;
  /** Per survey type, the days its measure looks back (0: no active measure reads it). */
  surveyDays: Record<SurveyType, number>;
}

export type SurveyType = 'NPS' | 'CSAT' | 'CES';
const SURVEY_KINDS: Record<SurveyType, string> = { NPS: 'nps', CSAT: 'csat', CES: 'ces' };

/** A model's windows (the longest when two measures read one survey type). */
export function signalWindows(model: BatonModel, heartbeatDays: number): SignalWindows {
  const surveyDays = { NPS: 0, CSAT: 0, CES: 0 };
  for (const type of Object.keys(surveyDays) as SurveyType[])
    for (const measure of model.measures)
      if (measure.kind === SURVEY_KINDS[type])
        surveyDays[type] = Math.max(surveyDays[type], measure.windowDays);
  return { trendDays: model.trend.days, heartbeatDays, surveyDays };
}

export type Row = Record<string, unknown>;

/** One signal source: a query over all selected accounts and how its rows fold into the table. */
export interface SignalQuery {
  name: string;
  /** SOQL with `{accounts}` where the account condition goes (or nothing when all). */
  soql: (accountCondition: string) => string;
  /** Field naming the Account on this object, for the per-Id condition. */
  accountField: string;
  fold: (table: SignalTable, row: Row) => void;
}

const and = (condition: string) => (condition ? ` AND ${condition}` : '');
const truthy = (value: unknown) => value === true || value === 'true';

/**
 * The handful of queries that load every health input, one per object for the whole set of
 * accounts (not one per account). Each query filters to the rows the model can use (date
 * windows, open or escalated cases, completed meetings), so what crosses the wire stays small.
 */
export function signalQueries(
  asOfDay: number,
  windows: SignalWindows,
  latest?: LatestSnapshots
): SignalQuery[] {
  const baselineDay = asOfDay - windows.trendDays;
  const { surveyDays } = windows;
  const oldestSurveyDay = asOfDay - Math.max(surveyDays.NPS, surveyDays.CSAT, surveyDays.CES);
  // A meeting dated later (an Event ahead in the calendar) is the last one from its day.
  const touchpoint = (table: SignalTable, row: Row) => {
    const i = table.indexOf(row.WhatId);
    if (i < 0) return;
    const day = dayOfValue(row.ActivityDate);
    if (day > asOfDay) table.agesOn(i, day);
    else table.addTouchpoint(i, row.ActivityDate);
  };
  return [
    {
      name: 'surveys',
      accountField: 'Account__c',
      soql: (accounts) =>
        `SELECT Account__c, Type__c, Score__c, Responded_On__c FROM Survey_Response__c WHERE Responded_On__c > ${isoOfDay(oldestSurveyDay)}${and(accounts)}`,
      fold: (table, row) => {
        const i = table.indexOf(row.Account__c);
        // A later-dated answer counts from its day: the account's score can change then.
        const answered = dayOfValue(row.Responded_On__c);
        if (i >= 0 && answered > asOfDay) return table.agesOn(i, answered);
        // An answer counts only inside its own type's window, as the core's measure reads it.
        // An unknown type goes to the table, which counts it as ignored.
        const days = surveyDays[row.Type__c as SurveyType] as number | undefined;
        if (i >= 0 && (days === undefined || answered > asOfDay - days))
          table.addSurvey(i, row.Type__c, row.Score__c, true);
      }
    },
    {
      name: 'usage',
      accountField: 'Account__c',
      soql: (accounts) =>
        `SELECT Account__c, Period_End__c, Active_Users__c, Logins__c FROM Usage_Snapshot__c WHERE Period_End__c > ${isoOfDay(asOfDay - 90)}${and(accounts)}`,
      fold: (table, row) => {
        const i = table.indexOf(row.Account__c);
        if (i < 0) return;
        const end = dayOfValue(row.Period_End__c);
        if (end > asOfDay) table.agesOn(i, end);
        else table.addUsage(i, row.Period_End__c, row.Active_Users__c, row.Logins__c);
      }
    },
    {
      name: 'cases',
      accountField: 'AccountId',
      soql: (accounts) =>
        `SELECT AccountId, Priority, IsClosed, IsEscalated, CreatedDate FROM Case WHERE ((IsClosed = false AND Priority = 'High') OR (IsEscalated = true AND CreatedDate >= ${soqlDateTime(asOfDay - 89)} AND CreatedDate < ${soqlDateTime(asOfDay + 1)}))${and(accounts)}`,
      fold: (table, row) => {
        const i = table.indexOf(row.AccountId);
        if (i < 0) return;
        if (!truthy(row.IsClosed) && row.Priority === 'High') table.openHighCases[i]++;
        const created = dayOfValue(row.CreatedDate);
        if (truthy(row.IsEscalated) && created > asOfDay - 90 && created <= asOfDay) {
          table.escalations[i]++;
          // Out of the 90 days on this day.
          table.agesOn(i, created + 90);
        }
      }
    },
    {
      name: 'tasks',
      accountField: 'WhatId',
      soql: (accounts) =>
        `SELECT WhatId, ActivityDate FROM Task WHERE IsClosed = true AND Type IN ('Meeting', 'Call')${and(accounts)}`,
      fold: (table, row) => touchpoint(table, row)
    },
    {
      name: 'events',
      accountField: 'WhatId',
      soql: (accounts) =>
        `SELECT WhatId, ActivityDate FROM Event WHERE Type IN ('Meeting', 'Call')${and(accounts)}`,
      fold: (table, row) => touchpoint(table, row)
    },
    {
      name: 'snapshots',
      accountField: 'Account__c',
      soql: (accounts) =>
        `SELECT Account__c, Score__c, Status__c, Coverage__c, Override_Status__c, Computed_At__c FROM Health_Snapshot__c WHERE Computed_At__c >= ${soqlDateTime(baselineDay - windows.heartbeatDays)} AND Computed_At__c < ${soqlDateTime(asOfDay + 1)}${and(accounts)}`,
      fold: (table, row) => {
        const i = table.indexOf(row.Account__c);
        if (i < 0) return;
        const day = dayOfValue(row.Computed_At__c);
        if (day <= baselineDay) table.addPreviousScore(i, row.Computed_At__c, row.Score__c);
        // A newer snapshot becomes the trend's baseline once it is old enough.
        else table.agesOn(i, day + windows.trendDays);
        latest?.add(i, row);
      }
    }
  ];
}

/** The Account query; `condition` is a recomposed --where clause or an Id list. */
export function accountQuery(condition: string): string {
  return `SELECT ${ACCOUNT_FIELDS.join(', ')} FROM Account${condition ? ` WHERE ${condition}` : ''}`;
}

/** `Field IN ('001…', …)` for Ids already validated as Account Ids. */
export function idCondition(field: string, ids: string[]): string {
  return `${field} IN (${ids.map((id) => `'${id}'`).join(', ')})`;
}
