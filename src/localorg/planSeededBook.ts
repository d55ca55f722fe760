import type { Connection } from 'jsforce';
import { assignTiers } from '../services/tiers/assign';
import { coreSuggest } from '../services/tiers/coreSuggest';
import { todayUtc } from '../services/touchpoints/days';
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
  const tiers = await assignTiers(conn, coreSuggest());
  log(
    `Tiers: ${tiers.changed} changed, ${tiers.unchanged + tiers.suggestionRefreshed} already right, ${tiers.overridden} kept by an override` +
      (tiers.failures.length ? `, ${tiers.failures.length} failed` : '') +
      ` (${tiers.accounts} accounts).`
  );
  const plan = await planAllTouchpoints(conn, { asOf });
  log(
    `Touchpoints: ${plan.planned} of ${plan.accounts} accounts planned (as of ${plan.asOf}), ${plan.created} touchpoints created, ${plan.updated} re-planned` +
      (plan.skipped.length ? `, ${plan.skipped.length} skipped` : '') +
      (plan.failures.length ? `, ${plan.failures.length} failed` : '') +
      '.'
  );
}
