import { Command } from 'commander';

/** `baton import …` commands. */
export function register(program: Command): void {
  program.command('import').description('import commands');
}
