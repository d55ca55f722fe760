import type { Command } from 'commander';
import { connectToOrg } from '../../org/connection';
import { formatStorage, orgStorage } from '../../services/storage/orgStorage';
import type { Connect } from '../../services/touchpoints/connect';
import { runCommand } from '../run';
import { TARGET_ORG_OPTION } from '../orgOption';

/** `baton org storage`, added to the `org` topic (src/cli/topics/org.ts). */
export function registerOrgStorage(org: Command, connect: Connect = connectToOrg): void {
  org
    .command('storage')
    .description(
      "Baton's records per object, their data storage at 2 KB a record, and their share of the org's DataStorageMB (/limits)"
    )
    .option(...TARGET_ORG_OPTION)
    .option('--json', 'print one JSON document')
    .action(async (flags: { targetOrg?: string; json?: boolean }) => {
      await runCommand(
        flags,
        async () => orgStorage(await connect(flags.targetOrg)),
        formatStorage
      );
    });
}
