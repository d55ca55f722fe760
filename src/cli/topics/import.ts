import { Command } from 'commander';
import { runCommand } from '../run';
import { connectToOrg } from '../../org/connection';
import type { Connect } from '../../services/touchpoints/connect';
import {
  checkImportFlags,
  formatImport,
  importSurveys,
  importUsage,
  type ImportFlags
} from '../../services/imports/commands';
import type { ImportSummary } from '../../services/imports/importRows';
import { isoDateOf } from '../../core/dates';
import { TARGET_ORG_OPTION } from '../orgOption';

type Flags = ImportFlags & { targetOrg?: string; json?: boolean };

/**
 * `baton import surveys|usage --file X.csv`: every row is validated before anything is
 * written. Exit 1 when any row was rejected (the report and the rejected CSV say which), so
 * a scheduled import notices bad data.
 */
export function register(program: Command, connect: Connect = connectToOrg): void {
  const topic = program.command('import').description('import survey answers and usage from CSV');
  const withFlags = (command: Command) =>
    command
      .requiredOption('-f, --file <csv>', 'CSV file with a header row')
      .option(
        '-m, --mapping <json>',
        'JSON {"columns": {baton column: your header}, "values": {column: constant}}'
      )
      .option('--all-or-none', 'write nothing if any row fails validation')
      .option('--rejected <csv>', 'where to write rejected rows (default <file>.rejected.csv)')
      .option(...TARGET_ORG_OPTION)
      .option('--json', 'print one JSON document');

  const run = async (flags: Flags, body: () => Promise<ImportSummary>) => {
    let summary: ImportSummary | undefined;
    await runCommand(
      flags,
      async () => (summary = await body()),
      (result) => formatImport(result)
    );
    if (summary && summary.rejected > 0) process.exitCode = 1;
  };

  withFlags(
    topic
      .command('surveys')
      .description(
        'NPS/CSAT/CES answers: account (account_id | account_external_id | account_name + account_domain), type, score, responded_on, channel, comment, contact_id, response_id'
      )
  ).action((flags: Flags) =>
    run(flags, async () => {
      checkImportFlags(flags);
      return importSurveys(await connect(flags.targetOrg), flags);
    })
  );

  withFlags(
    topic
      .command('usage')
      .description(
        'usage snapshots: account columns, period_end, active_users, logins, cancel_page_visits; records first value'
      )
  ).action((flags: Flags) =>
    run(flags, async () => {
      checkImportFlags(flags);
      return importUsage(await connect(flags.targetOrg), flags, isoDateOf(new Date()));
    })
  );
}
