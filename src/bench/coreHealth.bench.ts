import { collectGarbage, MB, MemoryPeak, type BenchLine } from './types';
import { loadProjectModel } from '../metadata/projectModel';
import { TIERS } from '../core/config/records';
import { isoOfDay } from '../core/dates';
import { seededRandom } from '../core/health/backtest';
import { scoreAccounts } from '../core/health/score';
import { accountSignalsSchema, type AccountSignals } from '../core/health/signals';

/**
 * Health score throughput: 1 000 000 synthetic accounts scored in-process, in chunks of
 * 1 000 (generated, scored, dropped) as a streaming recompute would, so memory stays that of
 * one chunk. Only scoring is timed, by wall clock and by this process's CPU time (the
 * machine may be shared: CPU time is the one-core figure). The naive baseline zod-parses
 * each account before scoring it, as a boundary would.
 */
const ACCOUNTS = 1_000_000;
const NAIVE_ACCOUNTS = 100_000;
const CHUNK = 1_000;
const AS_OF = '2025-06-30';
const AS_OF_DAY = 20269;

// Dates come from a pool, as a JSON parse of real data would give many equal strings.
const DAYS = Array.from({ length: 600 }, (_, k) => isoOfDay(AS_OF_DAY - k));
const SENTIMENTS = ['Positive', 'Neutral', 'Negative'] as const;

export function syntheticChunk(start: number, size: number, next: () => number): AccountSignals[] {
  const int = (max: number) => Math.floor(next() * max);
  const day = (maxAge: number) => DAYS[int(maxAge)];
  const accounts: AccountSignals[] = new Array(size);
  for (let k = 0; k < size; k++) {
    const seats = 5 + int(200);
    const surveys = [];
    for (let s = int(6); s > 0; s--) {
      const type = s % 3 === 0 ? 'NPS' : s % 3 === 1 ? 'CSAT' : 'CES';
      const max = type === 'NPS' ? 11 : type === 'CSAT' ? 5 : 7;
      surveys.push({ type, score: (type === 'NPS' ? 0 : 1) + int(max), date: day(400) } as const);
    }
    accounts[k] = {
      id: `001${String(start + k).padStart(12, '0')}`,
      touchTier: TIERS[int(3)],
      contractStart: day(599),
      onboardingStarted: next() < 0.5 ? day(300) : undefined,
      firstValueAt: next() < 0.3 ? day(100) : undefined,
      licensedSeats: seats,
      activeUsers30d: int(seats + 1),
      logins30d: int(3000),
      loginsPrev30d: next() < 0.9 ? int(3000) : undefined,
      surveys,
      openHighPriorityCases: int(3),
      escalations90d: int(2),
      lastTouchpointAt: next() < 0.8 ? day(500) : undefined,
      overdueInvoices: next() < 0.9 ? int(3) : undefined,
      csmSentiment: next() < 0.6 ? { value: SENTIMENTS[int(3)], date: day(120) } : undefined,
      previousScores: [{ date: day(60), score: int(101) }]
    };
  }
  return accounts;
}

function timeScoring(total: number, score: (chunk: AccountSignals[]) => number) {
  const next = seededRandom(42);
  const memory = new MemoryPeak();
  collectGarbage();
  let nanoseconds = 0n;
  let cpuMicros = 0;
  let checksum = 0;
  for (let start = 0; start < total; start += CHUNK) {
    const chunk = syntheticChunk(start, Math.min(CHUNK, total - start), next);
    const cpu = process.cpuUsage();
    const began = process.hrtime.bigint();
    checksum += score(chunk);
    nanoseconds += process.hrtime.bigint() - began;
    const used = process.cpuUsage(cpu);
    cpuMicros += used.user + used.system;
    if (start % (CHUNK * 20) === 0) memory.sample();
  }
  const seconds = Number(nanoseconds) / 1e9;
  return {
    perSecond: Math.round(total / seconds),
    perCpuSecond: Math.round(total / (cpuMicros / 1e6)),
    seconds,
    memory,
    checksum
  };
}

export async function run(): Promise<BenchLine[]> {
  const model = loadProjectModel();
  const sum = (results: ReturnType<typeof scoreAccounts>) => {
    let total = 0;
    for (const result of results) total += result.score ?? 0;
    return total;
  };
  // Warm up the JIT on the same code paths before timing.
  timeScoring(50_000, (chunk) => sum(scoreAccounts(chunk, model, AS_OF)));
  // Three rounds, the fastest reported (the median in the note): on a shared 2-core machine
  // one round's figure swings by ±40 % with what else runs, the fastest least so.
  const rounds = [1, 2, 3]
    .map(() => timeScoring(ACCOUNTS, (chunk) => sum(scoreAccounts(chunk, model, AS_OF))))
    .sort((a, b) => b.perCpuSecond - a.perCpuSecond);
  const fast = rounds[0];
  const median = rounds[1];
  const naive = timeScoring(NAIVE_ACCOUNTS, (chunk) =>
    sum(
      scoreAccounts(
        chunk.map((account) => accountSignalsSchema.parse(account)),
        model,
        AS_OF
      )
    )
  );
  return [
    {
      name: 'health score throughput (CPU time)',
      value: fast.perCpuSecond,
      unit: 'accounts/s',
      baseline: naive.perCpuSecond,
      ratio: fast.perCpuSecond / naive.perCpuSecond,
      note: `per second of this process's CPU time, best of 3 rounds (median ${median.perCpuSecond.toLocaleString('en-US')}): the one-core figure; goal ≥ 500,000/s`
    },
    {
      name: 'health score throughput (wall)',
      value: fast.perSecond,
      unit: 'accounts/s',
      baseline: naive.perSecond,
      ratio: fast.perSecond / naive.perSecond,
      note: `${ACCOUNTS.toLocaleString('en-US')} accounts in ${fast.seconds.toFixed(2)} s; baseline zod-parses each (${NAIVE_ACCOUNTS.toLocaleString('en-US')})`
    },
    {
      name: 'health score peak RSS',
      value: Math.round(fast.memory.rss / MB),
      unit: 'MB',
      note: `chunks of ${CHUNK.toLocaleString('en-US')}`
    },
    { name: 'health score peak heap', value: Math.round(fast.memory.heapUsed / MB), unit: 'MB' }
  ];
}
