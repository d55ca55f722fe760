import { Command } from 'commander';

/** `baton org …` commands. */
export function register(program: Command): void {
  program.command('org').description('org commands');
}
