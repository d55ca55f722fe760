import { metadataRowsFromXml } from '../core/config/loadXml';
import { PROJECT_MODEL_DIR, readModelFiles } from './projectModel';
import {
  parsePortfolioSettings,
  PORTFOLIO_MDT_TYPES,
  type PortfolioSettings
} from '../core/portfolio/settings';

/** Node only: the portfolio settings shipped in the project's custom metadata records. */
export function loadProjectPortfolioSettings(dir: string = PROJECT_MODEL_DIR): PortfolioSettings {
  return parsePortfolioSettings(metadataRowsFromXml(readModelFiles(dir), PORTFOLIO_MDT_TYPES));
}
