import type { Connection } from 'jsforce';
import { accountIdSchema } from '../services/health/recompute/accountSelection';
import { dayOfValue } from '../core/dates';
import { statusOrder } from '../core/health/statuses';
import type { Row } from '../services/health/recompute/orgAccess';
import { scoreChunk } from '../services/health/recompute/scoreChunk';
import type { HealthScorer } from '../services/health/recompute/scorer';
import {
  ACCOUNT_FIELDS,
  signalQueries,
  signalWindows
} from '../services/health/recompute/signalQueries';
import { projectHistoryPolicy } from '../metadata/historyPolicy';
import { SignalTable } from '../services/health/recompute/signalTable';

/** The child relationship on Account for each signal object. */
const RELATIONSHIPS: Record<string, string> = {
  Survey_Response__c: 'Survey_Responses__r',
  Usage_Snapshot__c: 'Usage_Snapshots__r',
  Case: 'Cases',
  Task: 'Tasks',
  Event: 'Events',
  Health_Snapshot__c: 'Health_Snapshots__r'
};

/**
 * The bench's baseline: how a client without bulk reads would recompute, one account at a
 * time. Per account: one REST query (the Account with its six signal objects as subqueries,
 * under the same filters as the real recompute), scored by the same code, then two writes
 * (the Account update and the snapshot upsert by its key). Not used by Baton itself.
 */
export async function naiveRecompute(
  conn: Connection,
  scorer: HealthScorer,
  accountIds: string[],
  asOf: string
): Promise<{ accounts: number; written: number }> {
  const asOfDay = dayOfValue(asOf);
  const windows = signalWindows(scorer.model, projectHistoryPolicy().heartbeatDays);
  const subqueries = signalQueries(asOfDay, windows).map((query) => ({
    query,
    relationship: RELATIONSHIPS[/ FROM (\w+)/.exec(query.soql(''))![1]],
    soql: query
      .soql('')
      .replace(/ FROM (\w+)/, (_, object: string) => ` FROM ${RELATIONSHIPS[object]}`)
  }));
  const now = new Date().toISOString();
  let written = 0;
  for (const id of accountIds) {
    accountIdSchema.parse(id);
    const soql = `SELECT ${ACCOUNT_FIELDS.join(', ')}, ${subqueries.map((s) => `(${s.soql})`).join(', ')} FROM Account WHERE Id = '${id}'`;
    const [record] = (await conn.query<Row>(soql)).records;
    if (!record) continue;
    const table = new SignalTable(1, statusOrder(scorer.model));
    table.addAccount(record);
    for (const { query, relationship } of subqueries) {
      const children = (record[relationship] as { records?: Row[] } | null)?.records ?? [];
      for (const child of children) query.fold(table, child);
    }
    const chunk = scoreChunk(
      { table, scorer, asOf, asOfDay, scoredAt: now, computedAt: now },
      0,
      1
    );
    if (chunk.accountRows.length === 0) continue;
    const { Id: accountId, ...accountFields } = chunk.accountRows[0];
    await conn.sobject('Account').update({ Id: String(accountId), ...accountFields });
    await conn.sobject('Health_Snapshot__c').upsert(chunk.snapshotRows[0], 'Snapshot_Key__c');
    written++;
  }
  return { accounts: accountIds.length, written };
}
