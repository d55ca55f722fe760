import { Command } from 'commander';
import { registerHealthBacktest } from '../commands/healthBacktest';
import { registerHealthCompact } from '../commands/healthCompact';
import { registerHealthExplain } from '../commands/healthExplain';
import { registerHealthRecompute } from '../commands/healthRecompute';
import { registerHealthScore } from '../commands/healthScore';
import { registerHealthWatch } from '../commands/healthWatch';
import { connectToOrg } from '../../org/connection';
import type { Connect } from '../../services/touchpoints/connect';

/**
 * `baton health …`. Each command lives in its own module under src/cli/commands/ and is
 * registered here with one line. Org-backed commands connect through `connectToOrg` (the
 * local org unless --target-org), or a test's own.
 */
export function register(program: Command, connect: Connect = connectToOrg): void {
  const health = program.command('health').description('customer health commands');
  registerHealthScore(health);
  registerHealthRecompute(health, connect);
  registerHealthExplain(health, connect);
  registerHealthCompact(health, connect);
  registerHealthBacktest(health, connect);
  registerHealthWatch(health, connect);
}
