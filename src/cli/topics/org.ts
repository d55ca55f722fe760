import { Command } from 'commander';
import { UserInputError } from '../../core/errors';
import { rmSync } from 'node:fs';
import { connectToOrg, localAuthFile } from '../../org/connection';
import { localOrgLogin, localOrgStatus, type LocalOrgStatus } from '../../org/localOrgSignIn';
import { seedDemoBook } from '../../devstack/seed/seed';
import { healthEveryMinutes } from '../../devstack/healthTimer';
import { DEFAULT_PORT, resetLocalOrg, startOrgCommand } from '../../devstack/start';
import { registerOrgStorage } from '../commands/orgStorage';
import type { Connect } from '../../services/touchpoints/connect';
import { runCommand } from '../run';

/** `baton org start|status|login|reset|seed|storage`: the embedded local org, and any org's storage. */
export function register(program: Command, connect: Connect = connectToOrg): void {
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
      '--demo-personas',
      'let anyone switch among the non-admin demo personas in the preview (default BATON_DEMO_PERSONAS=1)'
    )
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
        demoPersonas?: boolean;
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
          seed: options.seed,
          demoPersonas: options.demoPersonas || undefined
        });
        const stop = () => {
          stopHealthTimer();
          // Its token dies with the org: `baton org status` then says at once that none runs.
          rmSync(localAuthFile(started.core.dataDir), { force: true });
          void started.close().then(() => process.exit(0));
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }
    );
  org
    .command('status')
    .description('Whether the local org of a data dir runs and is ready (exit 0 only when ready)')
    .option('--data-dir <dir>', 'where the SQLite file lives', '.localorg')
    .option('--json', 'machine output')
    .action(async (options: { dataDir: string; json?: boolean }) => {
      let status: LocalOrgStatus | undefined;
      await runCommand(
        options,
        async () => (status = await localOrgStatus(options.dataDir)),
        (s) =>
          `${s.ready ? 'Ready' : 'Starting'}: ${s.instanceUrl} (data in ${s.dataDir}${s.alias ? `, sf alias ${s.alias}` : ''}); ${s.users.length} demo users`
      );
      if (status && !status.ready) process.exitCode = 1;
    });
  org
    .command('login')
    .description('Print a link (and a token) that signs a demo user in to the running local org')
    .option('--user <who>', 'a username, or seller, am, lead, admin', 'seller')
    .option('--data-dir <dir>', 'where the SQLite file lives', '.localorg')
    .option(
      '--target-org <alias>',
      'the local org by its sf alias (default: the data dir, else baton-local)'
    )
    .option('--json', 'machine output: { username, userId, instanceUrl, accessToken, loginUrl }')
    .action((options: { user: string; dataDir: string; targetOrg?: string; json?: boolean }) =>
      runCommand(
        options,
        () => localOrgLogin(options),
        (r) => `Open, as ${r.username} (works until the org stops):\n  ${r.loginUrl}`
      )
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
  registerOrgStorage(org, connect);
}
