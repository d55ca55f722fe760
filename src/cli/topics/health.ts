import { Command } from 'commander';

/** `baton health …` commands. */
export function register(program: Command): void {
  program.command('health').description('health commands');
}
