import type { BenchLine } from './types';
import { startOrgProcess } from './orgProcess';
import { benchAccounts, measured } from './benchOrg';
import { assignTiers } from '../services/tiers/assign';
import { coreSuggest } from '../services/tiers/coreSuggest';
import { loadProjectModel } from '../metadata/projectModel';

/** `baton tier assign` on 100 000 accounts (BENCH_SCALE shrinks it) in a local org. */
export async function run(): Promise<BenchLine[]> {
  const count = benchAccounts();
  const testOrg = await startOrgProcess({
    kind: 'accounts',
    accounts: count,
    asOf: '2026-06-01',
    withTiers: false
  });
  try {
    const calls = async () => (await testOrg.stats()).apiRequests;
    const suggest = coreSuggest(loadProjectModel());
    const first = await measured(calls, () => assignTiers(testOrg.conn, suggest));
    const rerun = await measured(calls, () => assignTiers(testOrg.conn, suggest));
    const note = `${count.toLocaleString('en-US')} accounts`;
    return [
      {
        name: 'tier assign, first run',
        value: first.seconds,
        unit: 's',
        note: `${note}, ${first.result.changed.toLocaleString('en-US')} changed`
      },
      { name: 'tier assign, first run API calls', value: first.calls, unit: 'requests', note },
      {
        name: 'tier assign, first run throughput',
        value: Math.round(count / first.seconds),
        unit: 'accounts/s',
        note
      },
      {
        name: 'tier assign, rerun (no change)',
        value: rerun.seconds,
        unit: 's',
        note: `${note}, ${rerun.result.changed} changed`
      },
      { name: 'tier assign, rerun API calls', value: rerun.calls, unit: 'requests', note }
    ];
  } finally {
    await testOrg.close();
  }
}
