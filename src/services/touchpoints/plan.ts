import type { Connection } from 'jsforce';
import { loadModelFromOrg } from '../../org/orgModel';
import { corePlanner } from './corePlanner';
import { planAndWrite, type PlanSummary, type TouchpointPlanner } from './planAccounts';
import { readAllPlanInputs, readPlanInputsFor } from './planInputs';
import { assertIsoDay } from '../../core/dates';

export const DEFAULT_HORIZON_DAYS = 365;

export interface PlanTouchpointsOptions {
  /** YYYY-MM-DD: the day the plan is made; touchpoints due before it are not created. */
  asOf: string;
  /** Days ahead the plan covers (default 365). */
  horizonDays?: number;
  dryRun?: boolean;
  /**
   * The core cadence planner; by default over the org's own Tier_Cadence__mdt records, read
   * once for the call (pass one to share a model already read in the same run).
   */
  planner?: TouchpointPlanner;
}

/**
 * Plans the touchpoints of the given accounts (the handover's accept step calls this for
 * the one account it just accepted; run it after Account_Manager__c is set). Tasks are
 * upserted by Touchpoint_Key__c, so calling it again, or running `baton touchpoints plan`
 * later, updates them instead of duplicating.
 */
export async function planTouchpointsForAccounts(
  conn: Connection,
  accountIds: readonly string[],
  options: PlanTouchpointsOptions
): Promise<PlanSummary> {
  const asOf = assertIsoDay(options.asOf);
  const inputs = await readPlanInputsFor(conn, accountIds, asOf);
  return planAndWrite(conn, inputs, options.planner ?? corePlanner(await loadModelFromOrg(conn)), {
    asOf,
    horizonDays: options.horizonDays ?? DEFAULT_HORIZON_DAYS,
    dryRun: options.dryRun
  });
}

/** Plans every account with a contract start, an onboarding start or an accepted handover. */
export async function planAllTouchpoints(
  conn: Connection,
  options: PlanTouchpointsOptions
): Promise<PlanSummary> {
  const asOf = assertIsoDay(options.asOf);
  const inputs = await readAllPlanInputs(conn, asOf);
  return planAndWrite(conn, inputs, options.planner ?? corePlanner(await loadModelFromOrg(conn)), {
    asOf,
    horizonDays: options.horizonDays ?? DEFAULT_HORIZON_DAYS,
    dryRun: options.dryRun
  });
}
