import { Command } from 'commander';
import { registerTierSuggest } from '../commands/tierSuggest';
import { registerTierAssign } from '../../services/tiers/assignCommand';

/** `baton tier …`: one line per command; each lives in its own module. */
export function register(program: Command): void {
  const tier = program.command('tier').description('tier commands');
  registerTierAssign(tier);
  registerTierSuggest(tier);
}
