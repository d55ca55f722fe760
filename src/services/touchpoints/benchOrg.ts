import { startTestOrg } from '../../localorg/testing';
import { addDays } from './days';

/** Accounts a tier/touchpoint bench runs on: 100 000 × BENCH_SCALE (e.g. 0.01 for a smoke run). */
export function benchAccounts(): number {
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  return Math.max(10, Math.round(100_000 * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/**
 * A fresh local org with `count` accounts spread over the tier rules (MRR 50–6 000, growth
 * 1–5, 3 % strategic, 2 % with a tier override), written straight into its store: seeding is
 * not what the bench measures, and it keeps the API call count to the command under test.
 */
export async function seededBenchOrg(count: number, asOf: string, withTiers: boolean) {
  const testOrg = await startTestOrg({ twins: false });
  const core = testOrg.org.core;
  const admin = testOrg.org.users.find((user) => user.persona === 'admin')!;
  const manager = testOrg.org.users.find((user) => user.persona === 'accountManager') ?? admin;
  const tiers = ['High', 'Low', 'Tech'] as const;
  core.transaction(() => {
    for (let k = 0; k < count; k++) {
      const tier = tiers[k % 3];
      core.records.create(
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
          Onboarding_Started__c: addDays(asOf, -(k % 300) + 3)
        },
        { id: admin.id }
      );
    }
  });
  return testOrg;
}

/** Runs `work` and returns its seconds and the API requests it sent. */
export async function measured<T>(
  apiRequestCount: () => number,
  work: () => Promise<T>
): Promise<{ result: T; seconds: number; calls: number }> {
  const before = apiRequestCount();
  const started = process.hrtime.bigint();
  const result = await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { result, seconds, calls: apiRequestCount() - before };
}
