import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from 'jsforce';
import { PROJECT_MODEL_DIR } from '../../../metadata/projectModel';
import { metadataRowsFromXml } from '../../../core/config/loadXml';
import { historyPolicyOf, type HistoryPolicy } from '../../../core/health/history';

const TYPE = 'Health_History_Policy__mdt';
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

/** The policy the project ships (its customMetadata folder), for runs without an org's. */
export function projectHistoryPolicy(dir: string = PROJECT_MODEL_DIR): HistoryPolicy {
  const files = readdirSync(dir)
    .filter((name) => name.startsWith('Health_History_Policy.'))
    .map((name) => ({ name, xml: readFileSync(join(dir, name), 'utf8') }));
  return historyPolicyOf(metadataRowsFromXml(files, [TYPE])[TYPE] ?? []);
}
