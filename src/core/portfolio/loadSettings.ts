import { metadataRowsFromXml } from '../config/loadXml';
import { PROJECT_MODEL_DIR, readModelFiles } from '../config/loadFiles';
import { parsePortfolioSettings, PORTFOLIO_MDT_TYPES, type PortfolioSettings } from './settings';

/** Node only: the portfolio settings shipped in the project's custom metadata records. */
export function loadProjectPortfolioSettings(dir: string = PROJECT_MODEL_DIR): PortfolioSettings {
  return parsePortfolioSettings(metadataRowsFromXml(readModelFiles(dir), PORTFOLIO_MDT_TYPES));
}
