import type { Connection } from 'jsforce';
import { loadModelFromOrg } from '../org/orgModel';
import { assignHeadline, assignTiers } from '../services/tiers/assign';
import { coreSuggest } from '../services/tiers/coreSuggest';
import { corePlanner } from '../services/touchpoints/corePlanner';
import { planHeadline } from '../services/touchpoints/flags';
import { planAllTouchpoints } from '../services/touchpoints/plan';
import { segmentAccounts, segmentHeadline } from '../services/portfolio/segment';
import { loadPortfolioSettings } from '../services/portfolio/settingsFromOrg';
import { isoDateOf } from '../core/dates';

/**
 * After the first seed: the same services `baton tier assign`, `baton touchpoints plan` and
 * `baton portfolio segment` run, in that order, because the plan follows each account's tier
 * (and the CS lead's portfolio needs the segments). The health recompute comes after this
 * (its cadence measure reads the planned touchpoints). One line each.
 */
export async function planSeededBook(
  conn: Connection,
  log: (line: string) => void,
  asOf = isoDateOf(new Date())
): Promise<void> {
  // One read of the org's custom metadata serves both steps, as the CLI reads it once per run.
  const model = await loadModelFromOrg(conn);
  log(`Tiers: ${assignHeadline(await assignTiers(conn, coreSuggest(model)))}`);
  log(
    `Touchpoints: ${planHeadline(await planAllTouchpoints(conn, { asOf, planner: corePlanner(model) }))}`
  );
  const segments = await segmentAccounts(conn, await loadPortfolioSettings(conn));
  log(`Portfolio: ${segmentHeadline(segments)}`);
}
