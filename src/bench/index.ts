import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import * as coreHealth from './coreHealth.bench';
import * as localOrg from './localOrgBulk.bench';
import * as mixedLoad from './localOrgMixed.bench';
import * as healthRecompute from './healthRecompute.bench';
import * as tierAssign from './tierAssign.bench';
import * as touchpointsPlan from './touchpointsPlan.bench';
import type { BenchLine, BenchModule } from './types';

/**
 * Registered benchmarks: `src/<area>/*.bench.ts` modules exporting `run()`. Add yours here
 * (one line). `npm run bench -- <filter>` runs those whose name contains the filter.
 */
const BENCHES: { name: string; module: BenchModule }[] = [
  { name: 'core/health', module: coreHealth },
  { name: 'health/recompute', module: healthRecompute },
  { name: 'localorg/bulk', module: localOrg },
  { name: 'localorg/mixed', module: mixedLoad },
  { name: 'tiers/assign', module: tierAssign },
  { name: 'touchpoints/plan', module: touchpointsPlan }
];

const RESULTS = resolve(__dirname, '../../bench-results');

function table(rows: { bench: string; line: BenchLine }[]): string {
  const cells = rows.map(({ bench, line }) => [
    bench,
    line.name,
    formatNumber(line.value),
    line.unit,
    line.baseline === undefined ? '' : formatNumber(line.baseline),
    line.ratio === undefined ? '' : `${line.ratio.toFixed(1)}×`,
    line.note ?? ''
  ]);
  const header = ['bench', 'measure', 'value', 'unit', 'baseline', 'ratio', 'note'];
  const widths = header.map((title, k) =>
    Math.max(title.length, ...cells.map((row) => row[k].length))
  );
  const line = (row: string[]) =>
    row
      .map((cell, k) => cell.padEnd(widths[k]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join(
    '\n'
  );
}

const formatNumber = (value: number) =>
  Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(2);

interface SavedLine extends BenchLine {
  bench: string;
  ranAt: string;
}

/** The lines of benches not run this time, from the last file, so a filtered run keeps them. */
function otherBenches(file: string, ran: Set<string>): SavedLine[] {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { results?: SavedLine[] };
    return (saved.results ?? []).filter((line) => line.ranAt && !ran.has(line.bench));
  } catch {
    return [];
  }
}

/**
 * Each bench runs in a fresh node process: peak RSS is per process and never shrinks, so a
 * bench run after another would report the other's peak as its own.
 */
function runInOwnProcess(name: string): Promise<BenchLine[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, resolve(__dirname, '../../bin/bench.js'), CHILD_FLAG, name],
      { stdio: ['ignore', 'pipe', 'inherit'] }
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`bench ${name} exited with ${code}`));
      // Anything a bench printed itself comes before the marker.
      resolvePromise(JSON.parse(output.split(RESULT_MARKER).pop()!) as BenchLine[]);
    });
  });
}

const CHILD_FLAG = '--bench-child';
const RESULT_MARKER = '\n@@bench-lines@@\n';

async function runChild(name: string): Promise<void> {
  const bench = BENCHES.find((entry) => entry.name === name);
  if (!bench) throw new Error(`no bench named "${name}"`);
  process.stdout.write(RESULT_MARKER + JSON.stringify(await bench.module.run()));
}

export async function main(args: string[]): Promise<void> {
  if (args[0] === CHILD_FLAG) return runChild(args[1]);
  const filter = args[0] ?? '';
  const rows: { bench: string; line: BenchLine }[] = [];
  const selected = BENCHES.filter((entry) => entry.name.includes(filter));
  if (selected.length === 0) throw new Error(`no bench matches "${filter}"`);
  for (const bench of selected) {
    process.stderr.write(`running ${bench.name}…\n`);
    const lines = await runInOwnProcess(bench.name);
    for (const line of lines) rows.push({ bench: bench.name, line });
  }
  process.stdout.write(table(rows) + '\n');
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, 'latest.json');
  const ranAt = new Date().toISOString();
  const kept = otherBenches(file, new Set(selected.map((bench) => bench.name)));
  writeFileSync(
    file,
    JSON.stringify(
      {
        ranAt,
        node: process.version,
        cpu: cpus()[0]?.model ?? 'unknown',
        cpus: cpus().length,
        gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
        results: [...kept, ...rows.map(({ bench, line }) => ({ bench, ranAt, ...line }))]
      },
      null,
      2
    ) + '\n'
  );
  process.stderr.write(`wrote ${file}\n`);
}
