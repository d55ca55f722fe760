import { loadProjectHandoverSettings } from '../metadata/handoverSettings';
import { loadProjectModel } from '../metadata/projectModel';
import {
  announceEarlyAccountManager,
  registerEarlyAccountManagerTrigger
} from '../services/handover/earlyAccountManager';
import { registerHandoverTrigger } from '../services/handover/trigger';
import { registerHandoverTwins } from '../services/handover/twins';
import { announceDraftedHandover } from '../services/handover/wonDeal';
import { registerWonDealTrigger } from '../services/handover/wonDealTrigger';
import { registerHealthBacktestTwins } from '../services/health/history/backtestRuns';
import { registerOutcomeTrigger } from '../services/health/history/outcomeTrigger';
import { registerHealthTwins } from '../services/health/panel/twins';
import { registerPortfolioTwins } from '../services/portfolio/twins';
import { registerTierCadenceTwins } from '../services/tiers/twins';
import type { LocalOrg } from '../localorg/server';

/**
 * Every Apex entry point's TypeScript twin, registered in one place: the preview's
 * `@salesforce/apex/<Class>.<method>` calls reach these through /services/apexrest-local.
 */
export function registerAllTwins(org: LocalOrg): void {
  registerHandoverTrigger(org.core.records);
  registerOutcomeTrigger(org.core.records);
  registerWonDealTrigger(
    org.core.records,
    (drafted) => {
      // As Apex queues HandoverDraftAnnouncement: the post follows the saved deal, and its
      // failure never undoes the deal.
      const user = org.users.find((one) => one.id === drafted.closedBy);
      const admin = org.users.find((one) => one.persona === 'admin')!;
      setImmediate(() => {
        announceDraftedHandover(org.connectionFor(user ?? admin), drafted).catch((error) =>
          process.emitWarning(`Could not announce handover ${drafted.handoverId}: ${String(error)}`)
        );
      });
    },
    loadProjectHandoverSettings()
  );
  registerEarlyAccountManagerTrigger(
    org.core.records,
    { settings: loadProjectHandoverSettings(), model: loadProjectModel() },
    (joined) => {
      // As Apex queues HandoverEarlyAccountManagerNotice: the post follows the saved deal.
      const user = org.users.find((one) => one.id === joined.movedBy);
      const admin = org.users.find((one) => one.persona === 'admin')!;
      setImmediate(() => {
        announceEarlyAccountManager(org.connectionFor(user ?? admin), joined).catch((error) =>
          process.emitWarning(`Could not tell ${joined.managerId}: ${String(error)}`)
        );
      });
    }
  );
  registerHandoverTwins(org);
  registerHealthTwins(org);
  registerHealthBacktestTwins(org);
  registerTierCadenceTwins(org);
  registerPortfolioTwins(org);
}
