import { Command } from 'commander';

/** `baton tier …` commands. */
export function register(program: Command): void {
  program.command('tier').description('tier commands');
}
