import { metadataRowsFromXml } from '../core/config/loadXml';
import {
  HANDOVER_SETTING_TYPE,
  parseHandoverSettings,
  type HandoverSettings
} from '../core/handoverWays';
import { PROJECT_MODEL_DIR, readModelFiles } from './projectModel';

/** Node only: the Handover_Setting__mdt records the project ships (the local org serves them). */
export function loadProjectHandoverSettings(dir: string = PROJECT_MODEL_DIR): HandoverSettings {
  const rows = metadataRowsFromXml(readModelFiles(dir), [HANDOVER_SETTING_TYPE]);
  return parseHandoverSettings(rows[HANDOVER_SETTING_TYPE] ?? []);
}
