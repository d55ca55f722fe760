import type { Command } from 'commander';
import { connectToOrg } from '../../org/connection';
import { loadModelFromOrg } from '../../org/orgModel';
import type { Connect } from '../../services/touchpoints/connect';
import { assignHeadline, assignTiers, type TierAssignSummary } from '../../services/tiers/assign';
import { coreSuggest } from '../../services/tiers/coreSuggest';
import { failureLine, listedLines, registerDryRunCommand } from '../orgOption';

const LISTED = 50;

export function formatAssign(summary: TierAssignSummary): string {
  return [
    assignHeadline(summary),
    ...listedLines(
      summary.changes,
      LISTED,
      (change) =>
        `  ${change.name ?? change.accountId} (${change.accountId}): ${change.from ?? 'none'} → ${change.to} — ${change.reason}`
    ),
    ...summary.overridesDiffering
      .slice(0, LISTED)
      .map(
        (held) =>
          `  override kept: ${held.name ?? held.accountId} stays ${held.tier} (suggested ${held.suggested})`
      ),
    ...summary.failures.slice(0, 20).map(failureLine)
  ].join('\n');
}

/** `baton tier assign`, added to the `tier` topic (src/cli/topics/tier.ts). */
export function registerTierAssign(topic: Command, connect: Connect = connectToOrg): void {
  registerDryRunCommand(
    topic,
    {
      name: 'assign',
      description:
        "suggest every account's touch tier and set it where no override reason exists; reports from → to with the reason",
      connect,
      format: formatAssign
    },
    // The org's own Touch_Tier_Rule__mdt records, read once for every account.
    async (conn, options) => assignTiers(conn, coreSuggest(await loadModelFromOrg(conn)), options)
  );
}
