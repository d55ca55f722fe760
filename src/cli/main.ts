import { Command } from 'commander';
import * as handover from './topics/handover';
import * as health from './topics/health';
import * as importTopic from './topics/import';
import * as org from './topics/org';
import * as portfolio from './topics/portfolio';
import * as tier from './topics/tier';
import * as touchpoints from './topics/touchpoints';

// Commander rather than oclif: one small dependency, sub-second start through tsx, and the
// same `baton <topic> <command> --flags` shape and exit codes as the sf CLI.
const program = new Command('baton')
  .description('Baton: handover and customer health on Salesforce Accounts')
  .showHelpAfterError();

for (const topic of [org, health, tier, touchpoints, importTopic, handover, portfolio]) {
  topic.register(program);
}

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
