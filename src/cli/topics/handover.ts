import { Command } from 'commander';
import type { Connection } from 'jsforce';
import { runCommand } from '../run';
import { connectToOrg } from '../../org/connection';
import { UserInputError, zodInputError } from '../../core/errors';
import {
  acceptById,
  returnById,
  readHandoverFile,
  submitDrafts,
  type HandoverSummary
} from '../../services/handover/commands';
import { remindHeadline, remindOverdueHandovers } from '../../services/handover/remind';
import { escalateHeadline, escalateOverdueHandovers } from '../../services/handover/escalate';
import { HandoverIdParams } from '../../services/handover/schemas';
import { isIsoDate, isoDateOf } from '../../core';
import { TARGET_ORG_OPTION } from '../orgOption';

/** Opens the org a command runs against; tests pass their own. */
export type Connect = (targetOrg?: string) => Promise<Connection>;

/** The local org by default (`npm start`), or an sf CLI alias/username with --target-org. */
const connectWithSf: Connect = (targetOrg) => connectToOrg(targetOrg);

function handoverId(value: string): string {
  const parsed = HandoverIdParams.safeParse({ handoverId: value });
  if (!parsed.success)
    throw zodInputError(parsed.error, { prefix: '--id: ', place: () => '', root: '', field: 'id' });
  return parsed.data.handoverId;
}

const human = (rows: HandoverSummary[]) =>
  rows
    .map(
      (row) =>
        `${row.name || row.id}  ${row.status}${row.feedElementId ? `  post ${row.feedElementId}` : ''}`
    )
    .join('\n');

type Flags = { targetOrg?: string; json?: boolean };

/** `baton handover submit|accept|return`: the handover for integrations and migrations. */
export function register(program: Command, connect: Connect = connectWithSf): void {
  const topic = program
    .command('handover')
    .description(
      'submit, accept and return handovers; remind account managers of overdue ones and escalate'
    );
  const withOrg = (command: Command) =>
    command.option(...TARGET_ORG_OPTION).option('--json', 'print one JSON document');

  withOrg(
    topic
      .command('submit')
      .description(
        'save each handover in the file as a draft and submit it (posts to Chatter once)'
      )
      .requiredOption(
        '-f, --file <path>',
        'JSON: one Handover__c record or an array (Id, or Account__c for new ones)'
      )
  ).action((flags: Flags & { file: string }) =>
    runCommand(
      flags,
      async () => {
        const drafts = readHandoverFile(flags.file);
        return submitDrafts(await connect(flags.targetOrg), drafts);
      },
      human
    )
  );

  withOrg(
    topic
      .command('accept')
      .description('accept a submitted handover as the connected user')
      .requiredOption('-i, --id <id>', 'Handover__c Id')
  ).action((flags: Flags & { id: string }) =>
    runCommand(
      flags,
      async () => {
        const id = handoverId(flags.id);
        return acceptById(await connect(flags.targetOrg), id);
      },
      human
    )
  );

  withOrg(
    topic
      .command('return')
      .description('return a submitted handover to its seller with a reason')
      .requiredOption('-i, --id <id>', 'Handover__c Id')
      .requiredOption('-r, --reason <text>', 'what the seller must fix')
  ).action((flags: Flags & { id: string; reason: string }) =>
    runCommand(
      flags,
      async () => {
        const id = handoverId(flags.id);
        if (!flags.reason.trim()) throw new UserInputError('--reason: must not be empty', 'reason');
        return returnById(await connect(flags.targetOrg), id, flags.reason);
      },
      human
    )
  );

  withOrg(
    topic
      .command('remind')
      .description(
        'comment once a day on each overdue handover post, @mentioning its account manager'
      )
      .option('--as-of <YYYY-MM-DD>', 'the day to remind for (default: today, UTC)')
      .option('--dry-run', 'list the overdue handovers, post nothing')
  ).action((flags: Flags & { asOf?: string; dryRun?: boolean }) =>
    runCommand(
      flags,
      async () => {
        const asOf = flags.asOf ?? isoDateOf(new Date());
        if (!isIsoDate(asOf))
          throw new UserInputError(`--as-of: not a date YYYY-MM-DD: ${asOf}`, 'as-of');
        return remindOverdueHandovers(await connect(flags.targetOrg), {
          asOf,
          dryRun: flags.dryRun
        });
      },
      remindHeadline
    )
  );

  withOrg(
    topic
      .command('escalate')
      .description(
        'tell the escalation lead (Portfolio_Setting__mdt) once about each handover still unanswered after the reminders'
      )
      .option('--as-of <YYYY-MM-DD>', 'the day to escalate for (default: today, UTC)')
      .option('--dry-run', 'list the handovers to escalate, post nothing')
  ).action((flags: Flags & { asOf?: string; dryRun?: boolean }) =>
    runCommand(
      flags,
      async () => {
        const asOf = flags.asOf ?? isoDateOf(new Date());
        if (!isIsoDate(asOf))
          throw new UserInputError(`--as-of: not a date YYYY-MM-DD: ${asOf}`, 'as-of');
        return escalateOverdueHandovers(await connect(flags.targetOrg), {
          asOf,
          dryRun: flags.dryRun
        });
      },
      escalateHeadline
    )
  );
}
