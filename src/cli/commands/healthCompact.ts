import type { Command } from 'commander';
import { connectToOrg } from '../../org/connection';
import {
  compactHistory,
  type CompactionResult
} from '../../services/health/history/compactHistory';
import { loadHistoryPolicy } from '../../services/health/history/historyPolicy';
import type { Connect } from '../../services/touchpoints/connect';
import { EXIT_FAILURE, runCommand } from '../run';
import { parseAsOf } from './healthFlags';
import { isoDateOf } from '../../core/dates';
import { TARGET_ORG_OPTION } from '../orgOption';

export interface HealthCompactFlags {
  targetOrg?: string;
  asOf?: string;
  dryRun?: boolean;
  json?: boolean;
}

/** Applies the org's Health_History_Policy__mdt to its snapshots (flags checked before connecting). */
export async function healthCompact(
  flags: HealthCompactFlags,
  connect: Connect = connectToOrg
): Promise<CompactionResult> {
  const asOf = parseAsOf(flags.asOf) ?? isoDateOf(new Date());
  const conn = await connect(flags.targetOrg);
  return compactHistory(conn, await loadHistoryPolicy(conn), asOf, { dryRun: flags.dryRun });
}

export function formatCompaction(result: CompactionResult): string {
  const verb = result.dryRun ? 'would delete' : 'deleted';
  return [
    `History before ${result.keepAllFrom} (older than the months kept whole): ${result.examined} snapshots examined, ${verb} ${result.deleted}`,
    ...(result.failed ? [`  failed: ${result.failed} (run again: what is kept never changes)`] : [])
  ].join('\n');
}

/** `baton health compact`, added to the `health` topic (src/cli/topics/health.ts). */
export function registerHealthCompact(health: Command, connect: Connect = connectToOrg): void {
  health
    .command('compact')
    .description(
      "thin old Health_Snapshot__c history by the org's Health_History_Policy__mdt (every snapshot for the months kept whole, then the newest of each month, then none) with Bulk deletes; safe to run again or after an interruption"
    )
    .option(...TARGET_ORG_OPTION)
    .option('--as-of <date>', 'compact as of this day, YYYY-MM-DD (default today, UTC)')
    .option('--dry-run', 'count what would be deleted, delete nothing')
    .option('--json', 'print one JSON document')
    .action(async (flags: HealthCompactFlags) => {
      let failed = 0;
      await runCommand(
        flags,
        async () => {
          const result = await healthCompact(flags, connect);
          failed = result.failed;
          return result;
        },
        formatCompaction
      );
      if (failed > 0 && !process.exitCode) process.exitCode = EXIT_FAILURE;
    });
}
