import { Command } from 'commander';
import { registerTierSuggest } from '../commands/tierSuggest';
import { registerTierAssign } from '../commands/tierAssign';
import { connectToOrg } from '../../org/connection';
import type { Connect } from '../../services/touchpoints/connect';

/**
 * `baton tier …`: one line per command; each lives in its own module. Org-backed commands
 * connect through `connectToOrg` (the local org unless --target-org), or a test's own.
 */
export function register(program: Command, connect: Connect = connectToOrg): void {
  const tier = program.command('tier').description('tier commands');
  registerTierAssign(tier, connect);
  registerTierSuggest(tier);
}
