import type { Command } from 'commander';
import { suggestTier, UserInputError } from '../../core';
import { loadProjectModel } from '../../metadata/projectModel';
import { runPure } from './pureOutput';

/** `baton tier suggest --mrr N --potential 1-5 [--strategic] [--json]`: pure, needs no org. */
export function registerTierSuggest(tier: Command): void {
  tier
    .command('suggest')
    .description('suggest a touch tier from MRR, growth potential and the strategic flag')
    .requiredOption('--mrr <amount>', 'monthly recurring revenue')
    .requiredOption('--potential <1-5>', 'growth potential 1–5')
    .option('--strategic', 'a strategic account')
    .option('--model <dir>', "custom metadata records directory (default: the project's)")
    .option('--json', 'print one JSON document')
    .action((options: TierSuggestOptions) =>
      runPure(
        options,
        () => tierSuggest(options),
        (result) => `${result.suggested} touch (ARR ${result.arr}): ${result.reason}`
      )
    );
}

export interface TierSuggestOptions {
  mrr: string;
  potential: string;
  strategic?: boolean;
  model?: string;
  json?: boolean;
}

/** `baton tier suggest`: flags checked here, the rule is the core's. */
export function tierSuggest(options: TierSuggestOptions) {
  const mrr = Number(options.mrr);
  if (options.mrr.trim() === '' || !Number.isFinite(mrr) || mrr < 0)
    throw new UserInputError(`--mrr: must be a number ≥ 0, got ${options.mrr}`, 'mrr');
  const potential = Number(options.potential);
  if (!Number.isInteger(potential) || potential < 1 || potential > 5)
    throw new UserInputError(
      `--potential: must be a whole number 1–5, got ${options.potential}`,
      'potential'
    );
  const { arr, suggested, reason } = suggestTier(
    { mrr, growthPotential: potential, strategic: options.strategic === true },
    loadProjectModel(options.model)
  );
  return { arr, suggested, reason };
}
