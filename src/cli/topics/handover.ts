import { Command } from 'commander';

/** `baton handover …` commands. */
export function register(program: Command): void {
  program.command('handover').description('handover commands');
}
