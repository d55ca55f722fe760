import { chmodSync, existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { onOrgStarted } from './previewStart';
import { registerAllTwins } from './twins';
import { recomputeHealth } from '../services/health/recompute/recompute';
import { rescoreThroughRecompute } from '../services/freshness/rescore';
import { watchHealth } from '../services/freshness/watch';
import { localAuthFile, type LocalAuth } from '../org/connection';
import { healthEveryMinutes, startHealthTimer } from './healthTimer';
import { startReminderTimer } from './reminderTimer';
import { remindHeadline, remindOverdueHandovers } from '../services/handover/remind';
import { escalateHeadline, escalateOverdueHandovers } from '../services/handover/escalate';
import { planSeededBook } from './planSeededBook';
import { registerSfAlias } from '../localorg/sfAlias';
import { seedDemoBook } from './seed/seed';
import { startLocalOrg, type LocalOrg } from '../localorg/server';
import { isoDateOf } from '../core/dates';

export interface OrgStartOptions {
  port?: number;
  dataDir?: string;
  reset?: boolean;
  projectDir?: string;
  /** Skip the preview (for headless service use). */
  headless?: boolean;
  /** Seed the demo book into an empty org (default true). */
  seed?: boolean;
  /** Minutes between health recomputes while running; default BATON_HEALTH_EVERY_MINUTES or 60; 0: off. */
  healthEveryMinutes?: number;
  /** Rescore accounts as their signals change (Change Data Capture, `baton health watch`); default true. */
  watchHealth?: boolean;
  /** Anyone may switch among the non-admin personas in the preview; default BATON_DEMO_PERSONAS=1. */
  demoPersonas?: boolean;
  log?: (line: string) => void;
}

export const DEFAULT_PORT = 6101;

/** Forgets the local org: its SQLite file, tokens and auth file. */
export function resetLocalOrg(dataDir = resolve('.localorg')): void {
  rmSync(dataDir, { recursive: true, force: true });
}

function writeAuth(org: LocalOrg, dataDir: string) {
  const admin = org.users.find((u) => u.persona === 'admin')!;
  const auth: LocalAuth = {
    instanceUrl: org.instanceUrl,
    accessToken: admin.token,
    username: admin.username,
    userId: admin.id
  };
  const file = localAuthFile(dataDir);
  // Written aside and renamed: `baton org status` polling for it never reads half a file.
  writeFileSync(`${file}.new`, JSON.stringify(auth, null, 2), { mode: 0o600 });
  chmodSync(`${file}.new`, 0o600);
  renameSync(`${file}.new`, file);
}

/**
 * `baton org start` (and `npm start`): the local org on 127.0.0.1, seeded with the demo book
 * the first time, health computed (after the seed, then on a timer), the preview served, and
 * the login URL printed.
 */
export async function startOrgCommand(
  options: OrgStartOptions = {}
): Promise<{ org: LocalOrg; url: string; stopHealthTimer: () => void }> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const healthEvery = options.healthEveryMinutes ?? healthEveryMinutes();
  const dataDir = resolve(options.dataDir ?? '.localorg');
  if (options.reset) resetLocalOrg(dataDir);
  const fresh = !existsSync(join(dataDir, 'org.sqlite'));
  const org = await startLocalOrg({
    dataDir,
    port: options.port ?? DEFAULT_PORT,
    projectDir: options.projectDir ?? resolve(__dirname, '..', '..')
  });
  org.signIn.demoPersonas = options.demoPersonas ?? process.env.BATON_DEMO_PERSONAS === '1';
  writeAuth(org, dataDir);
  log(`Local org listening on ${org.instanceUrl} (data in ${dataDir})`);
  try {
    return await prepare(org, { ...options, dataDir, fresh, log, healthEvery });
  } catch (error) {
    // A start that fails half way stops its org: `baton org status` must not say "starting" forever.
    rmSync(localAuthFile(dataDir), { force: true });
    await org.close();
    throw error;
  }
}

/** Everything after the org listens: the demo book, health, the preview, the timer, the alias. */
async function prepare(
  org: LocalOrg,
  options: OrgStartOptions & {
    dataDir: string;
    fresh: boolean;
    log: (line: string) => void;
    healthEvery: number;
  }
): Promise<{ org: LocalOrg; url: string; stopHealthTimer: () => void }> {
  const { dataDir, fresh, log, healthEvery } = options;
  // Before the seed: the triggers guard its writes too, and a headless org serves the twins.
  registerAllTwins(org);
  const admin = org.connectionFor(org.users.find((u) => u.persona === 'admin')!);
  const seed = options.seed === false ? { seeded: false, counts: {} } : await seedDemoBook(admin);
  if (seed.seeded)
    log(
      `Seeded the demo book: ${Object.entries(seed.counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}`
    );
  else if (options.seed === false) log('Seeding skipped (--no-seed).');
  else if (fresh) log('The org already had accounts; nothing seeded.');
  // Tiers, then touchpoints, before the health recompute below: cadence reads the plan.
  if (seed.seeded) await planSeededBook(admin, log);
  // Rows that fail are listed next to the org's data, not in the working folder.
  const recompute = () =>
    recomputeHealth(admin, { failuresFile: join(dataDir, 'health-failures.csv') });
  let url = org.instanceUrl;
  if (!options.headless) {
    url = await onOrgStarted(org, { seeded: seed.seeded, log, recomputeHealth: recompute });
  } else if (seed.seeded) {
    log(`Health: ${await recompute()}`);
  }
  const health = startHealthTimer(recompute, healthEvery, log);
  // Overdue handovers: each account manager is reminded once a day, and the escalation lead
  // told once when the reminders went unanswered (both idempotent).
  const reminders = startReminderTimer(async () => {
    const asOf = isoDateOf(new Date());
    const reminded = remindHeadline(await remindOverdueHandovers(admin, { asOf }));
    return `${reminded}; ${escalateHeadline(await escalateOverdueHandovers(admin, { asOf }))}`;
  }, log);
  // Signals reach the scores within seconds; the timer covers what the days passing change.
  const watch =
    options.watchHealth === false
      ? undefined
      : await watchHealth({
          conn: admin,
          orgId: org.organizationId(),
          statePath: join(dataDir, 'health-watch.json'),
          rescore: rescoreThroughRecompute(admin, join(dataDir, 'health-failures.csv')),
          log
        });
  // Its CometD client says goodbye while the org still answers, whoever closes the org.
  if (watch) org.beforeClose(() => watch.stop());
  const timer = { stop: () => (health.stop(), reminders.stop(), void watch?.stop()) };
  if (healthEvery > 0) log(`Health recomputes every ${healthEvery} min.`);
  // This start's new admin token replaces the alias's old one; then `baton org status` says ready.
  void registerSfAlias(org).then(({ alias, message }) => {
    if (message) log(message);
    Object.assign(org.readiness, { ready: true, alias });
  });
  return { org, url, stopHealthTimer: timer.stop };
}
