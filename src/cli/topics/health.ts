import { Command } from 'commander';
import { registerHealthScore } from '../commands/healthScore';

/**
 * `baton health …`. Each command lives in its own module under src/cli/commands/ and is
 * registered here with one line (recompute and explain join the same way).
 */
export function register(program: Command): void {
  const health = program.command('health').description('customer health commands');
  registerHealthScore(health);
}
