import type { Command } from 'commander';
import { UserInputError } from '../../core';
import { connectToOrg } from '../../org/connection';
import { loadModelFromOrg } from '../../org/orgModel';
import { coreScorer } from '../../services/health/recompute/coreScorer';
import { explainAccount } from '../../services/health/explain/explain';
import { loadHistoryPolicy } from '../../services/health/history/historyPolicy';
import { formatExplanation, type Explanation } from '../../services/health/explain/explainFormat';
import { orgAccess } from '../../services/health/recompute/restOrBulkAccess';
import type { Connect } from '../../services/touchpoints/connect';
import { runCommand } from '../run';
import { parseAsOf } from './healthFlags';
import { isoDateOf } from '../../core/dates';
import { TARGET_ORG_OPTION } from '../orgOption';

export interface HealthExplainFlags {
  account: string;
  asOf?: string;
  targetOrg?: string;
  json?: boolean;
}

/** Scores one account live and explains it; the account is found by Id or exact name. */
export async function healthExplain(
  flags: HealthExplainFlags,
  connect: Connect = connectToOrg
): Promise<Explanation> {
  const account = (flags.account ?? '').trim();
  if (!account) throw new UserInputError('--account: give an Account Id or name', 'account');
  const asOf = parseAsOf(flags.asOf) ?? isoDateOf(new Date());
  const conn = await connect(flags.targetOrg);
  // Scored with the org's own custom metadata, as recompute and the panel's Apex do.
  return explainAccount(orgAccess(conn), coreScorer(await loadModelFromOrg(conn)), {
    account,
    asOf,
    history: await loadHistoryPolicy(conn)
  });
}

/** `baton health explain`, added to the `health` topic (src/cli/topics/health.ts). */
export function registerHealthExplain(health: Command, connect: Connect = connectToOrg): void {
  health
    .command('explain')
    .description("show one account's health: score, per-measure breakdown, top drivers, quadrant")
    .requiredOption('--account <idOrName>', 'an Account Id (001…) or exact Account name')
    .option('--as-of <date>', 'score as of this day, YYYY-MM-DD (default today, UTC)')
    .option(...TARGET_ORG_OPTION)
    .option('--json', 'print one JSON document')
    .action((flags: HealthExplainFlags) =>
      runCommand(flags, () => healthExplain(flags, connect), formatExplanation)
    );
}
