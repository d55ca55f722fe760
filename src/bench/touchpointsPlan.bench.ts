import type { BenchLine } from './types';
import { startOrgProcess } from './orgProcess';
import { benchAccounts, measured } from './benchOrg';
import { corePlanner } from '../services/touchpoints/corePlanner';
import { planAllTouchpoints } from '../services/touchpoints/plan';
import { loadProjectModel } from '../metadata/projectModel';

const AS_OF = '2026-06-01';

/** `baton touchpoints plan` on 100 000 accounts (BENCH_SCALE shrinks it) in a local org. */
export async function run(): Promise<BenchLine[]> {
  const count = benchAccounts();
  const testOrg = await startOrgProcess({
    kind: 'accounts',
    accounts: count,
    asOf: AS_OF,
    withTiers: true
  });
  try {
    const calls = async () => (await testOrg.stats()).apiRequests;
    const options = { asOf: AS_OF, horizonDays: 365, planner: corePlanner(loadProjectModel()) };
    const first = await measured(calls, () => planAllTouchpoints(testOrg.conn, options));
    const rerun = await measured(calls, () => planAllTouchpoints(testOrg.conn, options));
    const note = `${count.toLocaleString('en-US')} accounts`;
    const tasks = `${first.result.created.toLocaleString('en-US')} Tasks created`;
    return [
      {
        name: 'touchpoints plan, first run',
        value: first.seconds,
        unit: 's',
        note: `${note}, ${tasks}`
      },
      { name: 'touchpoints plan, first run API calls', value: first.calls, unit: 'requests', note },
      {
        name: 'touchpoints plan, first run throughput',
        value: Math.round(count / first.seconds),
        unit: 'accounts/s',
        note
      },
      {
        name: 'touchpoints plan, rerun (no change)',
        value: rerun.seconds,
        unit: 's',
        note: `${note}, ${rerun.result.created + rerun.result.updated + rerun.result.cancelled} writes`
      },
      { name: 'touchpoints plan, rerun API calls', value: rerun.calls, unit: 'requests', note }
    ];
  } finally {
    await testOrg.close();
  }
}
