import { alertMessage } from './alerts';
import type { Failure } from './failures';
import { idCondition } from './signalQueries';
import type { OrgAccess, Row } from './orgAccess';
import type { PendingAlert } from './scoreChunk';
import { withRetry, errorCodeOf, type RetryOptions } from './retry';

const IDS_PER_QUERY = 300;

/**
 * Posts each alert to its Account's feed, mentioning the account manager. The account
 * managers are read only for the (few) alerted accounts. A post that fails after retries is
 * reported, and the account's Health_Alert_Status__c is put back so the next run tries again.
 */
export async function postAlerts(
  org: OrgAccess,
  alerts: PendingAlert[],
  retry: RetryOptions = {}
): Promise<{ posted: number; failures: Failure[] }> {
  const managers = new Map<string, string | null>();
  for (let k = 0; k < alerts.length; k += IDS_PER_QUERY) {
    const ids = alerts.slice(k, k + IDS_PER_QUERY).map((alert) => alert.accountId);
    await org.query(
      `SELECT Id, Account_Manager__c FROM Account WHERE ${idCondition('Id', ids)}`,
      ids.length,
      (rows: Row[]) => {
        for (const row of rows)
          managers.set(String(row.Id).slice(0, 15), (row.Account_Manager__c as string) || null);
      }
    );
  }
  let posted = 0;
  const failures: Failure[] = [];
  const revert: Row[] = [];
  for (const alert of alerts) {
    const segments = alertMessage({
      ...alert,
      accountManagerId: managers.get(alert.accountId.slice(0, 15)) ?? null
    });
    try {
      await withRetry(() => org.post(alert.accountId, segments), retry);
      posted++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push({
        accountId: alert.accountId,
        object: 'FeedItem',
        errorCode: errorCodeOf(error),
        message: `Alert not posted: ${message}`
      });
      revert.push({ Id: alert.accountId, Health_Alert_Status__c: alert.alertedBefore });
    }
  }
  if (revert.length > 0) {
    await org.update('Account', revert).catch(() => undefined);
  }
  return { posted, failures };
}
