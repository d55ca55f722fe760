import type { Connection } from 'jsforce';
import { loadModelFromOrg } from '../org/orgModel';
import { assignTiers } from '../services/tiers/assign';
import { coreSuggest } from '../services/tiers/coreSuggest';
import { todayUtc } from '../services/touchpoints/days';
import { corePlanner } from '../services/touchpoints/corePlanner';
import { planAllTouchpoints } from '../services/touchpoints/plan';

/**
 * After the first seed: the same services `baton tier assign` and `baton touchpoints plan`
 * run, in that order, because the plan follows each account's tier. The health recompute
 * comes after this (its cadence measure reads the planned touchpoints). One line each.
 */
export async function planSeededBook(
  conn: Connection,
  log: (line: string) => void,
  asOf = todayUtc()
): Promise<void> {
  // One read of the org's custom metadata serves both steps, as the CLI reads it once per run.
  const model = await loadModelFromOrg(conn);
  const tiers = await assignTiers(conn, coreSuggest(model));
  log(
    `Tiers: ${tiers.changed} changed, ${tiers.unchanged + tiers.suggestionRefreshed} already right, ${tiers.overridden} kept by an override` +
      (tiers.failures.length ? `, ${tiers.failures.length} failed` : '') +
      ` (${tiers.accounts} accounts).`
  );
  const plan = await planAllTouchpoints(conn, { asOf, planner: corePlanner(model) });
  log(
    `Touchpoints: ${plan.planned} of ${plan.accounts} accounts planned (as of ${plan.asOf}), ${plan.created} touchpoints created, ${plan.updated} re-planned` +
      (plan.skipped.length ? `, ${plan.skipped.length} skipped` : '') +
      (plan.failures.length ? `, ${plan.failures.length} failed` : '') +
      '.'
  );
}
