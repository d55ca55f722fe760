import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOrgProcess } from './orgProcess';
import { collectGarbage, MB, MemoryPeak, type BenchLine } from './types';
import { loadModelFromOrg } from '../org/orgModel';
import { measured } from './benchOrg';
import { countApiCalls } from '../services/health/recompute/apiCalls';
import { boundHeapGrowth } from '../services/health/recompute/heapGrowth';
import { coreScorer } from '../services/health/recompute/coreScorer';
import { naiveRecompute } from '../testkit/naiveRecompute';
import { recomputeChanged } from '../services/freshness/incremental';
import { isoDateOf } from '../core/dates';
import { loadHistoryPolicy } from '../services/health/history/historyPolicy';

/**
 * `baton health recompute` over every account of a local org, each with 10 signal rows
 * (benchSignals.ts): 100 000 accounts by default, BENCH_HEALTH_ACCOUNTS=1000000 for the
 * million (`BENCH_HEALTH_ACCOUNTS=1000000 npm run bench -- health/recompute`: ~5 min on
 * 2 cores, 3 of them seeding 11 M rows). The local org runs in its own process, seeded
 * straight through its Records layer (not measured); the recompute runs in this one and goes
 * through jsforce → HTTP → local org like a real run, so the two processes' peak RSS are apart:
 * the recompute's is what a scheduled job needs, the org's is what Salesforce would carry.
 * Baseline in the same run: naiveRecompute (one REST query + two writes per account) on a
 * sample, extrapolated per 100 000 accounts.
 */
const DEFAULT_ACCOUNTS = 100_000;
const BASELINE_SAMPLE = 1_000;
const PER = 100_000;

export function healthBenchAccounts(): number {
  const text = process.env.BENCH_HEALTH_ACCOUNTS;
  if (text === undefined || text === '') return DEFAULT_ACCOUNTS;
  const count = Number(text);
  if (!Number.isInteger(count) || count < 20)
    throw new Error(`BENCH_HEALTH_ACCOUNTS must be a whole number ≥ 20, got "${text}"`);
  return count;
}

const thousands = (value: number) => Math.round(value).toLocaleString('en-US');

export async function run(): Promise<BenchLine[]> {
  const count = healthBenchAccounts();
  const asOf = isoDateOf(new Date());
  const seedStart = performance.now();
  const testOrg = await startOrgProcess({ kind: 'health', accounts: count, asOf });
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const { conn } = testOrg;
  const orgCalls = async () => (await testOrg.stats()).apiRequests;
  const clientCalls = countApiCalls(conn);
  const peak = new MemoryPeak();
  try {
    // As `baton health recompute` sets it for its process.
    boundHeapGrowth();
    collectGarbage();
    await testOrg.resetPeak();
    peak.sample();
    const sampler = setInterval(() => peak.sample(), 25);
    // As `baton health recompute --changed` runs the first time (a full run that leaves the
    // state the next one starts from): the model read from the org, then the recompute.
    const statePath = join(mkdtempSync(join(tmpdir(), 'baton-bench-changed-')), 'state.json');
    const changedRun = async () =>
      recomputeChanged(conn, coreScorer(await loadModelFromOrg(conn)), {
        history: await loadHistoryPolicy(conn),
        orgId: 'bench',
        statePath,
        changed: true,
        // The org runs on this machine: no clock skew to allow for (the seed was just written).
        skewMs: 0,
        asOf,
        failuresFile: join(tmpdir(), `baton-bench-health-failures-${asOf}.csv`)
      });
    // The seed's last rows are stamped this second: start on the next, so they are not new.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000)));
    const first = await measured(orgCalls, changedRun).finally(() => clearInterval(sampler));
    const full = { ...first, result: first.result.summary };
    peak.sample();
    const orgPeakRss = (await testOrg.stats()).peakRss;
    const clientCount = clientCalls.count();

    // 1 % of the accounts get a new answer; the next --changed run scores what that moved.
    const touched = (
      await conn.query<{ Id: string }>(`SELECT Id FROM Account LIMIT ${Math.ceil(count / 100)}`)
    ).records.map((record) => record.Id);
    await conn.bulk2.loadAndWaitForResults({
      object: 'Survey_Response__c',
      operation: 'insert',
      input: `Account__c,Type__c,Score__c,Responded_On__c\n${touched.map((id) => `${id},CSAT,2,${asOf}`).join('\n')}\n`
    });
    const incremental = await measured(orgCalls, changedRun);
    const changed = incremental.result.summary;

    const sample = (
      await conn.query<{ Id: string }>(`SELECT Id FROM Account LIMIT ${BASELINE_SAMPLE}`)
    ).records.map((record) => record.Id);
    const naive = await measured(orgCalls, async () =>
      naiveRecompute(conn, coreScorer(await loadModelFromOrg(conn)), sample, asOf)
    );

    const summary = full.result;
    const rate = count / full.seconds;
    const naiveRate = sample.length / naive.seconds;
    const callsPer = (full.calls * PER) / count;
    const naiveCallsPer = (naive.calls * PER) / sample.length;
    const scale = `${thousands(count)} accounts × 10 signal rows`;
    const statuses = Object.entries(summary.byStatus)
      .map(([status, n]) => `${status} ${thousands(n)}`)
      .join(', ');
    const baselineNote = `baseline: 1 REST query + 2 writes per account, ${thousands(sample.length)} accounts`;
    return [
      {
        name: `recompute wall time, ${thousands(count)} accounts`,
        value: full.seconds,
        unit: 's',
        note: `${scale}; ${statuses}; ${summary.failed} failed; goal 1 000 000 in ≤ 60 s`
      },
      {
        name: 'recompute throughput',
        value: Math.round(rate),
        unit: 'accounts/s',
        baseline: Math.round(naiveRate),
        ratio: rate / naiveRate,
        note: baselineNote
      },
      {
        name: `recompute --changed after 1 % new answers: accounts scored`,
        value: changed.scored,
        unit: 'accounts',
        baseline: summary.scored,
        ratio: summary.scored / Math.max(1, changed.scored),
        note: `ratio = full ÷ incremental (times fewer); baseline: the full (first) run; ${thousands(touched.length)} accounts got a CSAT answer; due: ${JSON.stringify({ ...incremental.result.due, ids: undefined })}; ${changed.failed} failed`
      },
      {
        name: 'recompute --changed after 1 % new answers: wall time',
        value: incremental.seconds,
        unit: 's',
        baseline: full.seconds,
        ratio: full.seconds / incremental.seconds,
        note: 'ratio = full ÷ incremental (times less); goal: the work follows the 1 %, not the book'
      },
      {
        name: 'recompute --changed after 1 % new answers: API calls',
        value: incremental.calls,
        unit: 'requests',
        baseline: full.calls,
        ratio: full.calls / Math.max(1, incremental.calls),
        note: 'ratio = full ÷ incremental (times fewer)'
      },
      {
        name: 'recompute API calls',
        value: full.calls,
        unit: 'requests',
        note: `counted by the org; the connection counted ${clientCount}; ${summary.alertsPosted} alerts posted`
      },
      {
        name: 'recompute API calls per 100 000 accounts',
        value: Math.round(callsPer * 10) / 10,
        unit: 'requests',
        baseline: Math.round(naiveCallsPer),
        ratio: naiveCallsPer / callsPer,
        note: `ratio = baseline ÷ value (times fewer); goal ≤ 50 and ≥ 100×; ${baselineNote}`
      },
      {
        name: 'records written by the recompute',
        value: summary.scored + summary.snapshots.written,
        unit: 'records',
        note: `${thousands(summary.scored)} Account updates, ${thousands(summary.snapshots.written)} snapshots (${Object.entries(
          summary.snapshots.byReason
        )
          .map(([reason, n]) => `${reason} ${thousands(n ?? 0)}`)
          .join(', ')}), ${thousands(summary.snapshots.unchanged)} accounts needed none`
      },
      {
        name: 'recompute peak RSS',
        value: Math.round(peak.rss / MB),
        unit: 'MB',
        note: `the recompute's process; heap ${Math.round(peak.heapUsed / MB)} MB; goal ≤ 500 MB`
      },
      {
        name: 'local org peak RSS during the recompute',
        value: Math.round(orgPeakRss / MB),
        unit: 'MB',
        note: 'its own process (what a real org carries on its servers)'
      },
      {
        name: 'setup: seed (not measured above)',
        value: Math.round(seedSeconds),
        unit: 's',
        note: `${thousands((count * 11) / seedSeconds)} rows/s, ${thousands(count * 11)} rows straight through the local org's Records layer (no HTTP)`
      }
    ];
  } finally {
    clientCalls.stop();
    await testOrg.close();
  }
}
