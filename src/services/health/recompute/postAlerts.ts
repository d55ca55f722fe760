import { idChunks } from '../../../org/soql';
import { alertKeyLine, alertMessage } from './alerts';
import type { Failure } from './failures';
import { idCondition } from './signalQueries';
import type { OrgAccess, Row } from './orgAccess';
import type { PendingAlert } from './scoreChunk';
import { withRetry, errorCodeOf, type RetryOptions } from './retry';

const accountKey = (accountId: string, key: string) => `${accountId.slice(0, 15)}:${key}`;

/**
 * Posts each alert to its Account's feed, mentioning the account manager, then marks it sent
 * (Health_Alert_Status__c loses its Pending marker, alerts.ts). An alert owed by an interrupted
 * run is posted only if no post with its key is on the feed yet. A post that fails after
 * retries is reported and stays owed: the next run posts it.
 */
export async function postAlerts(
  org: OrgAccess,
  alerts: PendingAlert[],
  retry: RetryOptions = {}
): Promise<{ posted: number; failures: Failure[] }> {
  const managers = new Map<string, string | null>();
  await forIdPages(org, alerts, 'SELECT Id, Account_Manager__c FROM Account WHERE', 'Id', (row) =>
    managers.set(String(row.Id).slice(0, 15), (row.Account_Manager__c as string) || null)
  );
  const onFeed = await keysOnFeed(
    org,
    alerts.filter((alert) => alert.resumed)
  );
  let posted = 0;
  const failures: Failure[] = [];
  const sent: Row[] = [];
  for (const alert of alerts) {
    if (onFeed.has(accountKey(alert.accountId, alert.key))) {
      sent.push({ Id: alert.accountId, Health_Alert_Status__c: alert.newStatus });
      continue;
    }
    const segments = alertMessage({
      ...alert,
      accountManagerId: managers.get(alert.accountId.slice(0, 15)) ?? null
    });
    try {
      await withRetry(() => org.post(alert.accountId, segments), retry);
      posted++;
      sent.push({ Id: alert.accountId, Health_Alert_Status__c: alert.newStatus });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push({
        accountId: alert.accountId,
        object: 'FeedItem',
        errorCode: errorCodeOf(error),
        message: `Alert not posted: ${message}`
      });
    }
  }
  // A mark that fails leaves the alert owed; the next run finds its post and only marks it.
  if (sent.length > 0) await org.update('Account', sent).catch(() => undefined);
  return { posted, failures };
}

/** Account-and-key of each resumed alert whose post is already on its account's feed. */
async function keysOnFeed(org: OrgAccess, resumed: PendingAlert[]): Promise<Set<string>> {
  const onFeed = new Set<string>();
  if (resumed.length === 0) return onFeed;
  // A key is the deciding run's start: its post can be no older.
  const since = new Date(Math.min(...resumed.map((alert) => parseInt(alert.key, 36))));
  const select = `SELECT ParentId, Body FROM FeedItem WHERE CreatedDate >= ${since.toISOString()} AND`;
  const keyOf = new Map(resumed.map((alert) => [alert.accountId.slice(0, 15), alert.key]));
  await forIdPages(org, resumed, select, 'ParentId', (row) => {
    const key = keyOf.get(String(row.ParentId).slice(0, 15));
    if (key && String(row.Body ?? '').includes(alertKeyLine(key)))
      onFeed.add(accountKey(String(row.ParentId), key));
  });
  return onFeed;
}

/** Rows of `select` (ending in WHERE or AND) for the alerts' accounts, IDS_PER_QUERY a query. */
async function forIdPages(
  org: OrgAccess,
  alerts: PendingAlert[],
  select: string,
  idField: string,
  onRow: (row: Row) => void
): Promise<void> {
  for (const page of idChunks(alerts)) {
    const ids = page.map((alert) => alert.accountId);
    await org.query(`${select} ${idCondition(idField, ids)}`, ids.length, (rows: Row[]) =>
      rows.forEach(onRow)
    );
  }
}
