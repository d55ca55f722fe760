import { Command } from 'commander';
import { connectToOrg } from '../../org/connection';
import { registerPortfolioSegment } from '../commands/portfolioSegment';
import type { Connect } from '../../services/touchpoints/connect';

/** `baton portfolio …`: the value × potential portfolio. */
export function register(program: Command, connect: Connect = connectToOrg): void {
  const portfolio = program.command('portfolio').description('portfolio commands');
  registerPortfolioSegment(portfolio, connect);
}
