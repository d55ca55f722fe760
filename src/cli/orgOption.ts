import type { Command } from 'commander';
import type { Connection } from 'jsforce';
import type { Connect } from '../services/touchpoints/connect';
import { runCommand } from './run';

/** `-o, --target-org`, which every command that talks to an org takes, worded once. */
export const TARGET_ORG_OPTION: [flags: string, description: string] = [
  '-o, --target-org <alias>',
  'org alias or username (sf CLI auth store); default: the local org'
];

/**
 * A report's list cut at `limit` lines, and a line saying how many more `--json` lists.
 * @param line one item as its indented line
 */
export function listedLines<T>(items: readonly T[], limit: number, line: (item: T) => string) {
  const lines = items.slice(0, limit).map(line);
  if (items.length > limit) lines.push(`  … and ${items.length - limit} more (--json lists all)`);
  return lines;
}

/** A record a bulk change could not write, as the reports list it. */
export const failureLine = (failure: { accountId: string; errorCode: string; message: string }) =>
  `  failed ${failure.accountId}: ${failure.errorCode} ${failure.message}`;

/**
 * A command that changes an org's records in bulk and can report the changes instead:
 * --target-org, --dry-run and --json, then `run` on the org's connection.
 */
export function registerDryRunCommand<T>(
  topic: Command,
  command: { name: string; description: string; connect: Connect; format: (result: T) => string },
  run: (conn: Connection, options: { dryRun?: boolean }) => Promise<T>
): void {
  topic
    .command(command.name)
    .description(command.description)
    .option(...TARGET_ORG_OPTION)
    .option('--dry-run', 'report the changes, write nothing')
    .option('--json', 'print one JSON document')
    .action((flags: { targetOrg?: string; dryRun?: boolean; json?: boolean }) =>
      runCommand(
        flags,
        async () => run(await command.connect(flags.targetOrg), { dryRun: flags.dryRun }),
        command.format
      )
    );
}
