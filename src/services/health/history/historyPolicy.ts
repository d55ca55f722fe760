import type { Connection } from 'jsforce';
import {
  historyPolicyOf,
  HISTORY_POLICY_TYPE as TYPE,
  type HistoryPolicy
} from '../../../core/health/history';

const FIELDS = [
  'DeveloperName',
  'Score_Move_Points__c',
  'Heartbeat_Days__c',
  'Keep_All_Months__c',
  'Keep_Monthly_Months__c'
];

/**
 * The org's history policy, as an admin left it in Setup. An org on a Baton version without
 * the type keeps history by the defaults rather than stopping its recompute.
 */
export async function loadHistoryPolicy(conn: Connection): Promise<HistoryPolicy> {
  try {
    const result = await conn.query<Record<string, unknown>>(
      `SELECT ${FIELDS.join(', ')} FROM ${TYPE} ORDER BY DeveloperName`
    );
    return historyPolicyOf(result.records.map(({ attributes: _attributes, ...row }) => row));
  } catch (error) {
    if ((error as { errorCode?: string }).errorCode === 'INVALID_TYPE') return historyPolicyOf([]);
    throw error;
  }
}
