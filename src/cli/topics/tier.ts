import { Command } from 'commander';
import { runPure } from './pureOutput';
import { tierSuggest, type TierSuggestOptions } from './tierSuggest';
import { registerTierAssign } from '../../services/tiers/assignCommand';

/** `baton tier …` commands. */
export function register(program: Command): void {
  const tier = program.command('tier').description('tier commands');
  registerTierAssign(tier);
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
