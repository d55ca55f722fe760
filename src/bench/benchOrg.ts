import { startTestOrg } from '../testkit/testOrg';
import { addDays } from '../core/dates';

/** Accounts a tier/touchpoint bench runs on: 100 000 × BENCH_SCALE (e.g. 0.01 for a smoke run). */
export function benchAccounts(): number {
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  return Math.max(10, Math.round(100_000 * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

type Fields = Record<string, unknown>;

/** Accounts written per SQLite transaction: a million accounts never sit in one transaction. */
const ACCOUNTS_PER_TRANSACTION = 2_000;

/** What a bench adds to each seeded account: more Account fields and its related rows. */
export interface BenchFill {
  account?: (k: number) => Fields;
  /** Called right after account `k` is created; `create` writes one related record. */
  related?: (accountId: string, k: number, create: (type: string, fields: Fields) => void) => void;
}

/**
 * A fresh local org with `count` accounts spread over the tier rules (MRR 50–6 000, growth
 * 1–5, 3 % strategic, 2 % with a tier override), written straight into its store through its
 * Records layer (the same validation as the API, without HTTP): seeding is not what the bench
 * measures, and it keeps the API call count to the command under test. Rows are generated
 * and written in chunks, so memory stays flat at any count.
 */
export async function seededBenchOrg(
  count: number,
  asOf: string,
  withTiers: boolean,
  fill: BenchFill = {}
) {
  const testOrg = await startTestOrg({ twins: false });
  const core = testOrg.org.core;
  const admin = testOrg.org.users.find((user) => user.persona === 'admin')!;
  const manager = testOrg.org.users.find((user) => user.persona === 'accountManager') ?? admin;
  const tiers = ['High', 'Low', 'Tech'] as const;
  const writer = { id: admin.id };
  const create = (type: string, fields: Fields) => void core.records.create(type, fields, writer);
  // A standing book was written long before the 72 hours an org keeps change events for, so
  // none of its rows is kept as one (millions would sit in the org's store, as none would in
  // an org's).
  const changeLog = core.records.changeLog;
  core.records.changeLog = undefined;
  try {
    for (let from = 0; from < count; from += ACCOUNTS_PER_TRANSACTION) {
      core.transaction(() => {
        for (let k = from; k < Math.min(count, from + ACCOUNTS_PER_TRANSACTION); k++) {
          const tier = tiers[k % 3];
          const id = core.records.create(
            'Account',
            {
              Name: `Bench ${k}`,
              MRR__c: 50 + ((k * 7919) % 5951),
              Growth_Potential__c: 1 + (k % 5),
              Strategic_Account__c: k % 33 === 0,
              Touch_Tier__c: withTiers || k % 50 === 0 ? tier : null,
              Touch_Tier_Override_Reason__c: k % 50 === 0 ? 'Bench override' : null,
              Account_Manager__c: manager.id,
              Contract_Start__c: addDays(asOf, -(k % 300)),
              Onboarding_Started__c: addDays(asOf, -(k % 300) + 3),
              ...fill.account?.(k)
            },
            writer
          );
          fill.related?.(id, k, create);
        }
      });
      // Lets the org's server (same process) and timers breathe between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    core.records.changeLog = changeLog;
  }
  return testOrg;
}

/** Runs `work` and returns its seconds and the API requests it sent. */
export async function measured<T>(
  apiRequestCount: () => number | Promise<number>,
  work: () => Promise<T>
): Promise<{ result: T; seconds: number; calls: number }> {
  const before = await apiRequestCount();
  const started = process.hrtime.bigint();
  const result = await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { result, seconds, calls: (await apiRequestCount()) - before };
}
