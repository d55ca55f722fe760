import { registerHandoverTrigger } from '../services/handover/trigger';
import { registerHandoverTwins } from '../services/handover/twins';
import { registerHealthTwins } from '../services/health/twins';
import { registerPortfolioTwins } from '../services/portfolio/twins';
import { registerTierCadenceTwins } from '../services/tiers/twins';
import type { LocalOrg } from './server';

/**
 * Every Apex entry point's TypeScript twin, registered in one place: the preview's
 * `@salesforce/apex/<Class>.<method>` calls reach these through /services/apexrest-local.
 */
export function registerAllTwins(org: LocalOrg): void {
  registerHandoverTrigger(org.core.records);
  registerHandoverTwins(org);
  registerHealthTwins(org);
  registerTierCadenceTwins(org);
  registerPortfolioTwins(org);
}
