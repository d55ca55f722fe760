import { Command } from 'commander';
import { runPure } from './pureOutput';
import { formatScores, healthScore } from './healthScore';

/** `baton health …` commands. */
export function register(program: Command): void {
  const health = program.command('health').description('health commands');
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
