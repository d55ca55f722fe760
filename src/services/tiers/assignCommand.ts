import type { Command } from 'commander';
import { runCommand } from '../../cli/run';
import { connectToOrg } from '../../org/connection';
import { loadModelFromOrg } from '../../org/orgModel';
import type { Connect } from '../touchpoints/connect';
import { assignTiers, type TierAssignSummary } from './assign';
import { coreSuggest } from './coreSuggest';

const LISTED = 50;

/** The run in one sentence: the report's first line, and what `npm start` logs. */
export const assignHeadline = (summary: TierAssignSummary) =>
  `${summary.dryRun ? 'Would change' : 'Changed'} the tier of ${summary.changed} of ${summary.accounts} accounts; suggestion refreshed on ${summary.suggestionRefreshed}; ${summary.unchanged} unchanged; ${summary.overridden} kept by an override` +
  (summary.failures.length ? `; ${summary.failures.length} failed.` : '.');

export function formatAssign(summary: TierAssignSummary): string {
  const lines = [assignHeadline(summary)];
  for (const change of summary.changes.slice(0, LISTED))
    lines.push(
      `  ${change.name ?? change.accountId} (${change.accountId}): ${change.from ?? 'none'} → ${change.to} — ${change.reason}`
    );
  if (summary.changes.length > LISTED)
    lines.push(`  … and ${summary.changes.length - LISTED} more (--json lists all)`);
  for (const held of summary.overridesDiffering.slice(0, LISTED))
    lines.push(
      `  override kept: ${held.name ?? held.accountId} stays ${held.tier} (suggested ${held.suggested})`
    );
  for (const failure of summary.failures.slice(0, 20))
    lines.push(`  failed ${failure.accountId}: ${failure.errorCode} ${failure.message}`);
  return lines.join('\n');
}

/** `baton tier assign`, added to the `tier` topic (src/cli/topics/tier.ts). */
export function registerTierAssign(topic: Command, connect: Connect = connectToOrg): void {
  topic
    .command('assign')
    .description(
      "suggest every account's touch tier and set it where no override reason exists; reports from → to with the reason"
    )
    .option(
      '-o, --target-org <alias>',
      'org alias or username (sf CLI auth store); default: the local org'
    )
    .option('--dry-run', 'report the changes, write nothing')
    .option('--json', 'print one JSON document')
    .action((flags: { targetOrg?: string; dryRun?: boolean; json?: boolean }) =>
      runCommand(
        flags,
        async () => {
          const conn = await connect(flags.targetOrg);
          // The org's own Touch_Tier_Rule__mdt records, read once for every account.
          const suggest = coreSuggest(await loadModelFromOrg(conn));
          return assignTiers(conn, suggest, { dryRun: flags.dryRun });
        },
        formatAssign
      )
    );
}
