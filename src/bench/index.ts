import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import * as coreHealth from '../core/health.bench';
import * as localOrg from '../localorg/localorg.bench';
import * as tierAssign from '../services/tiers/tierAssign.bench';
import * as touchpointsPlan from '../services/touchpoints/touchpointsPlan.bench';
import type { BenchLine, BenchModule } from './types';

/**
 * Registered benchmarks: `src/<area>/*.bench.ts` modules exporting `run()`. Add yours here
 * (one line). `npm run bench -- <filter>` runs those whose name contains the filter.
 */
const BENCHES: { name: string; module: BenchModule }[] = [
  { name: 'core/health', module: coreHealth },
  { name: 'localorg/bulk', module: localOrg },
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

export async function main(args: string[]): Promise<void> {
  const filter = args[0] ?? '';
  const rows: { bench: string; line: BenchLine }[] = [];
  for (const bench of BENCHES.filter((entry) => entry.name.includes(filter))) {
    process.stderr.write(`running ${bench.name}…\n`);
    const lines = await bench.module.run();
    for (const line of lines) rows.push({ bench: bench.name, line });
  }
  process.stdout.write(table(rows) + '\n');
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, 'latest.json');
  writeFileSync(
    file,
    JSON.stringify(
      {
        ranAt: new Date().toISOString(),
        node: process.version,
        cpu: cpus()[0]?.model ?? 'unknown',
        gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
        results: rows.map(({ bench, line }) => ({ bench, ...line }))
      },
      null,
      2
    ) + '\n'
  );
  process.stderr.write(`wrote ${file}\n`);
}
