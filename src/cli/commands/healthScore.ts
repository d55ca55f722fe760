import { loadProjectModel } from '../../metadata/projectModel';
import { asShown } from '../../core/health/shown';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  healthInputSchema,
  jsonPath,
  scoreAccounts,
  UserInputError,
  zodInputError,
  type HealthResult
} from '../../core';
import { runPure } from './pureOutput';

/** `baton health score --input FILE [--model DIR] [--json]`: pure, needs no org. */
export function registerHealthScore(health: Command): void {
  health
    .command('score')
    .description('score accounts from a JSON file with the health model (no org needed)')
    .requiredOption('--input <file>', 'JSON: { asOf, accounts: [...] }')
    .option('--model <dir>', "custom metadata records directory (default: the project's)")
    .option('--json', 'print one JSON document')
    .action((options: { input: string; model?: string; json?: boolean }) =>
      runPure(options, () => healthScore(options), formatScores)
    );
}

/**
 * Reads the input file, validates it with zod at this boundary (the first bad value is
 * named by its JSON path), then scores every account with the unchecked fast path.
 */
export function healthScore(options: { input: string; model?: string }): {
  results: HealthResult[];
} {
  let raw: string;
  try {
    raw = readFileSync(options.input, 'utf8');
  } catch (error) {
    throw new UserInputError(
      `--input: cannot read ${options.input}: ${(error as Error).message}`,
      'input'
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new UserInputError(`${options.input}: not JSON: ${(error as Error).message}`, 'input');
  }
  const parsed = healthInputSchema.safeParse(json);
  if (!parsed.success) throw zodInputError(parsed.error, { place: jsonPath });
  const model = loadProjectModel(options.model);
  return {
    results: scoreAccounts(parsed.data.accounts, model, parsed.data.asOf).map((result) =>
      asShown(result, model.insufficientStatus)
    )
  };
}

const fixed = (value: number | null, digits = 0) => (value === null ? '–' : value.toFixed(digits));

/** One block per account: score line, then the drivers. */
export function formatScores({ results }: { results: HealthResult[] }): string {
  if (results.length === 0) return 'No accounts in the input.';
  return results
    .map((result) => {
      const trend =
        result.trend === null
          ? 'no trend'
          : `${result.trend > 0 ? '+' : ''}${result.trend} (${result.trendDirection})`;
      const head = `${result.id}: ${fixed(result.score)} ${result.status} · coverage ${fixed(result.coverage, 2)} · ${trend} · ${result.quadrant ?? 'no quadrant'}`;
      return [head, ...result.drivers.map((driver) => `  ${driver}`)].join('\n');
    })
    .join('\n');
}
