import type { Command } from 'commander';
import { resolve } from 'node:path';
import { connectToOrg } from '../../org/connection';
import {
  freshnessStatePath,
  orgIdOf,
  rescoreThroughRecompute
} from '../../services/freshness/rescore';
import { watchHealth } from '../../services/freshness/watch';
import type { Connect } from '../../services/touchpoints/connect';
import { runCommand } from '../run';
import { TARGET_ORG_OPTION } from '../orgOption';

export interface HealthWatchFlags {
  targetOrg?: string;
  state?: string;
  failures?: string;
  json?: boolean;
}

/**
 * Watches until `stop` settles (the command: SIGINT or SIGTERM), then ends the subscription
 * after the batch in hand is rescored; says how many accounts it rescored.
 */
export async function healthWatch(
  flags: HealthWatchFlags,
  stop: Promise<unknown>,
  connect: Connect = connectToOrg,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)
): Promise<{ rescored: number; statePath: string }> {
  const conn = await connect(flags.targetOrg);
  const orgId = await orgIdOf(conn);
  const statePath = resolve(flags.state ?? freshnessStatePath(process.cwd(), orgId));
  const watch = await watchHealth({
    conn,
    orgId,
    statePath,
    rescore: rescoreThroughRecompute(conn, resolve(flags.failures ?? 'health-failures-watch.csv')),
    log
  });
  await stop;
  await watch.idle();
  await watch.stop();
  return { rescored: watch.rescored, statePath };
}

/** `baton health watch`, added to the `health` topic (src/cli/topics/health.ts). */
export function registerHealthWatch(health: Command, connect: Connect = connectToOrg): void {
  health
    .command('watch')
    .description(
      'rescore accounts as their signals change: subscribes to the Change Data Capture events of Account, Survey_Response__c, Usage_Snapshot__c, Case and Task, rescores the accounts of each burst within seconds, and resumes after a restart from the replay ids it stored (README, "Fresh health"); runs until Ctrl-C'
    )
    .option(...TARGET_ORG_OPTION)
    .option(
      '--state <file>',
      'where the replay ids are kept (default .sf/baton/health-<orgId>.json)'
    )
    .option('--failures <file>', 'CSV of rows that failed (default health-failures-watch.csv)')
    .option('--json', 'print one JSON document when stopped')
    .action(async (flags: HealthWatchFlags) => {
      const stop = new Promise((done) => {
        process.once('SIGINT', done);
        process.once('SIGTERM', done);
      });
      await runCommand(
        flags,
        () => healthWatch(flags, stop, connect),
        (result) =>
          `Health watch stopped: ${result.rescored} accounts rescored; replay ids in ${result.statePath}`
      );
    });
}
