import { Command } from 'commander';

/** `baton touchpoints …` commands. */
export function register(program: Command): void {
  program.command('touchpoints').description('touchpoints commands');
}
