import type { Connection } from 'jsforce';
import { idChunks } from '../../org/soql';
import { idList, readAll, readByValues, saveRows } from '../touchpoints/records';
import { addDays, assertIsoDay, daysBetween } from '../../core/dates';

/** The Task that remembers an account was alerted, so the alert fires once per account. */
export const alertKeyOf = (accountId: string) => `${accountId.slice(0, 15)}:onboarding-alert`;
export const isAlertKey = (key: string) => key.endsWith(':onboarding-alert');

/** Default onboarding target: the time-to-first-value target of the health model. */
export const DEFAULT_TARGET_DAYS = 30;

export interface MissedFirstValueOptions {
  asOf: string;
  targetDays?: number;
  accountIds?: readonly string[];
  dryRun?: boolean;
}

export interface MissedFirstValueAlert {
  accountId: string;
  accountManagerId: string;
  onboardingStarted: string;
  days: number;
}

export interface MissedFirstValueResult {
  alerts: MissedFirstValueAlert[];
  posted: number;
  failures: { accountId: string; message: string }[];
}

type Segment = { type: 'Text'; text: string } | { type: 'Mention'; id: string };

export function alertSegments(alert: MissedFirstValueAlert, targetDays: number): Segment[] {
  return [
    { type: 'Mention', id: alert.accountManagerId },
    {
      type: 'Text',
      text: ` onboarding started ${alert.onboardingStarted} (${alert.days} days ago) and the customer has not reached first value yet; the target is ${targetDays} days. Check in on adoption.`
    }
  ];
}

/**
 * Alerts the account manager on the Account's feed when onboarding has passed its target
 * without first value. Posted once: a closed Task keyed `<Account>:onboarding-alert`
 * remembers it (a closed, typeless Task counts as no meeting for health).
 */
export async function alertMissedFirstValue(
  conn: Connection,
  options: MissedFirstValueOptions
): Promise<MissedFirstValueResult> {
  assertIsoDay(options.asOf);
  const targetDays = options.targetDays ?? DEFAULT_TARGET_DAYS;
  const startedBy = addDays(options.asOf, -targetDays - 1);
  const base = `SELECT Id, Account_Manager__c, Onboarding_Started__c FROM Account WHERE First_Value_At__c = null AND Account_Manager__c != null AND Onboarding_Started__c <= ${startedBy} AND Customer_Stage__c != 'Churned'`;
  const scope = options.accountIds
    ? idChunks(options.accountIds).map((ids) => ` AND Id IN ${idList(ids)}`)
    : [''];
  const late = [];
  for (const condition of scope) late.push(...(await readAll(conn, base + condition)));
  const alerted = new Set(
    (
      await readByValues(
        conn,
        (list) => `SELECT Touchpoint_Key__c FROM Task WHERE Touchpoint_Key__c IN ${list}`,
        late.map((row) => alertKeyOf(String(row.Id)))
      )
    ).map((row) => String(row.Touchpoint_Key__c))
  );
  const alerts = late
    .filter((row) => !alerted.has(alertKeyOf(String(row.Id))))
    .map((row) => ({
      accountId: String(row.Id),
      accountManagerId: String(row.Account_Manager__c),
      onboardingStarted: String(row.Onboarding_Started__c),
      days: daysBetween(String(row.Onboarding_Started__c), options.asOf)
    }));
  const result: MissedFirstValueResult = { alerts, posted: 0, failures: [] };
  if (options.dryRun) return result;
  for (const alert of alerts) {
    try {
      await conn.request({
        method: 'POST',
        url: '/chatter/feed-elements',
        body: JSON.stringify({
          feedElementType: 'FeedItem',
          subjectId: alert.accountId,
          body: { messageSegments: alertSegments(alert, targetDays) }
        }),
        headers: { 'content-type': 'application/json' }
      });
    } catch (error) {
      result.failures.push({ accountId: alert.accountId, message: (error as Error).message });
      continue;
    }
    // Remembered only after the post went out: a failed post is retried by the next run.
    const failed = await saveRows(
      conn,
      'Task',
      { kind: 'upsert', externalIdField: 'Touchpoint_Key__c' },
      [
        {
          Touchpoint_Key__c: alertKeyOf(alert.accountId),
          WhatId: alert.accountId,
          OwnerId: alert.accountManagerId,
          Subject: `Onboarding passed ${targetDays} days without first value (alerted)`,
          ActivityDate: options.asOf,
          Status: 'Completed',
          Automated_Step__c: true
        }
      ]
    );
    if (failed.length)
      result.failures.push({ accountId: alert.accountId, message: failed[0].message });
    else result.posted++;
  }
  return result;
}
