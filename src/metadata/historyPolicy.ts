import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { metadataRowsFromXml } from '../core/config/loadXml';
import { historyPolicyOf, HISTORY_POLICY_TYPE, type HistoryPolicy } from '../core/health/history';
import { PROJECT_MODEL_DIR } from './projectModel';

/** Node only: the policy the project ships (its customMetadata folder), e.g. for a stand-in org's tests. */
export function projectHistoryPolicy(dir: string = PROJECT_MODEL_DIR): HistoryPolicy {
  const files = readdirSync(dir)
    .filter((name) => name.startsWith('Health_History_Policy.'))
    .map((name) => ({ name, xml: readFileSync(join(dir, name), 'utf8') }));
  return historyPolicyOf(
    metadataRowsFromXml(files, [HISTORY_POLICY_TYPE])[HISTORY_POLICY_TYPE] ?? []
  );
}
