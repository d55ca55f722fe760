import type { BenchLine } from '../../bench/types';
import { benchAccounts, measured, seededBenchOrg } from '../touchpoints/benchOrg';
import { assignTiers } from './assign';
import { coreSuggest } from './coreSuggest';

/** `baton tier assign` on 100 000 accounts (BENCH_SCALE shrinks it) in a local org. */
export async function run(): Promise<BenchLine[]> {
  const count = benchAccounts();
  const testOrg = await seededBenchOrg(count, '2026-06-01', false);
  try {
    const calls = () => testOrg.org.apiRequestCount();
    const suggest = coreSuggest();
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
