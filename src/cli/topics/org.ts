import { Command } from 'commander';
import { UserInputError } from '../../core/errors';
import { connectToOrg } from '../../org/connection';
import { seedDemoBook } from '../../localorg/seed/seed';
import { healthEveryMinutes } from '../../localorg/healthTimer';
import { DEFAULT_PORT, resetLocalOrg, startOrgCommand } from '../../localorg/start';
import { runCommand } from '../run';

/** `baton org start|reset|seed`: the embedded local org. */
export function register(program: Command): void {
  const org = program
    .command('org')
    .description('The embedded local org (SQLite, Salesforce REST API on 127.0.0.1)');
  org
    .command('start')
    .description('Start the local org and the preview; seeds the demo book the first time')
    .option('--port <port>', 'port on 127.0.0.1', String(DEFAULT_PORT))
    .option('--data-dir <dir>', 'where the SQLite file lives', '.localorg')
    .option('--reset', 'start from an empty org')
    .option('--headless', 'no preview, API only')
    .option('--no-seed', 'do not seed the demo book into an empty org')
    .option(
      '--health-every <minutes>',
      'recompute health every N minutes while running (0: off; default BATON_HEALTH_EVERY_MINUTES or 60)'
    )
    .action(
      async (options: {
        port: string;
        dataDir: string;
        reset?: boolean;
        headless?: boolean;
        seed: boolean;
        healthEvery?: string;
      }) => {
        const port = Number(options.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
          process.stderr.write(`Error: --port must be a port number, got ${options.port}\n`);
          process.exitCode = 1;
          return;
        }
        let healthEvery: number;
        try {
          healthEvery = healthEveryMinutes(options.healthEvery);
        } catch (error) {
          process.stderr.write(`Error: ${(error as Error).message}\n`);
          process.exitCode = 1;
          return;
        }
        const { org: started, stopHealthTimer } = await startOrgCommand({
          port,
          healthEveryMinutes: healthEvery,
          dataDir: options.dataDir,
          reset: options.reset,
          headless: options.headless,
          seed: options.seed
        });
        const stop = () => {
          stopHealthTimer();
          void started.close().then(() => process.exit(0));
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }
    );
  org
    .command('reset')
    .description('Delete the local org data (the next start seeds a fresh demo book)')
    .option('--data-dir <dir>', 'where the SQLite file lives', '.localorg')
    .option('--json', 'machine output')
    .action((options: { dataDir: string; json?: boolean }) =>
      runCommand(
        options,
        async () => (resetLocalOrg(options.dataDir), { reset: options.dataDir }),
        (r) => `Removed ${r.reset}.`
      )
    );
  org
    .command('seed')
    .description('Add the demo book to an org (the running local org by default)')
    .option('--accounts <n>', 'number of accounts', '60')
    .option('--seed <s>', 'random seed: the same seed gives the same book', '1')
    .option('--target-org <alias>', 'an sf CLI alias or username; default: the local org')
    .option('--json', 'machine output')
    .action((options: { accounts: string; seed: string; targetOrg?: string; json?: boolean }) =>
      runCommand(
        options,
        async () => {
          const accounts = Number(options.accounts);
          if (!Number.isInteger(accounts) || accounts < 1)
            throw new UserInputError(
              `--accounts must be a whole number ≥ 1, got ${options.accounts}`,
              'accounts'
            );
          return seedDemoBook(await connectToOrg(options.targetOrg), {
            accounts,
            seed: Number(options.seed),
            force: true
          });
        },
        (r) =>
          `Seeded: ${Object.entries(r.counts)
            .map(([k, v]) => `${v} ${k}`)
            .join(', ')}`
      )
    );
}
