import type { Command } from 'commander';
import { resolve } from 'node:path';
import { connectToOrg } from '../../org/connection';
import { loadModelFromOrg } from '../../org/orgModel';
import { selectionFromFlags } from '../../services/health/recompute/accountSelection';
import { countApiCalls } from '../../services/health/recompute/apiCalls';
import { boundHeapGrowth } from '../../services/health/recompute/heapGrowth';
import { coreScorer } from '../../services/health/recompute/coreScorer';
import { loadHistoryPolicy } from '../../services/health/history/historyPolicy';
import { historyUpkeep } from '../../services/health/history/historyUpkeep';
import { terminalProgress } from '../../services/health/recompute/progress';
import { recompute } from '../../services/health/recompute/recompute';
import { orgAccess } from '../../services/health/recompute/restOrBulkAccess';
import {
  formatSummary,
  toReport,
  type RecomputeReport
} from '../../services/health/recompute/summaryFormat';
import type { Connect } from '../../services/touchpoints/connect';
import { UserInputError } from '../../core/errors';
import { recomputeChanged } from '../../services/freshness/incremental';
import { freshnessStatePath, orgIdOf } from '../../services/freshness/rescore';
import { EXIT_FAILURE, runCommand } from '../run';
import { parseAsOf, parseFailuresFile, parseWaveSize } from './healthFlags';
import { TARGET_ORG_OPTION } from '../orgOption';

export interface HealthRecomputeFlags {
  targetOrg?: string;
  accounts?: string;
  where?: string;
  asOf?: string;
  dryRun?: boolean;
  json?: boolean;
  failures?: string;
  waveSize?: string;
  changed?: boolean;
  state?: string;
}

/**
 * Runs one recompute: every flag is checked before connecting (bad input exits 1 naming the
 * flag, nothing read or written); API calls are counted on the connection itself.
 */
export async function healthRecompute(
  flags: HealthRecomputeFlags,
  connect: Connect = connectToOrg
): Promise<RecomputeReport> {
  const selection = selectionFromFlags(flags);
  if (flags.changed && selection.kind !== 'all')
    throw new UserInputError(
      '--changed picks the accounts itself: leave out --accounts and --where',
      'changed'
    );
  const asOf = parseAsOf(flags.asOf);
  const failuresFile = parseFailuresFile(flags.failures);
  const waveAccounts = parseWaveSize(flags.waveSize);
  const conn = await connect(flags.targetOrg);
  boundHeapGrowth();
  const calls = countApiCalls(conn);
  try {
    // The org's own custom metadata, read once per run (its queries are counted too).
    const scorer = coreScorer(await loadModelFromOrg(conn));
    const history = await loadHistoryPolicy(conn);
    const options = {
      asOf,
      dryRun: flags.dryRun,
      failuresFile,
      waveAccounts,
      history,
      // A bar on a terminal only; stderr, so --json keeps stdout to one document.
      progress: terminalProgress(process.stderr)
    };
    let due: RecomputeReport['due'];
    let summary;
    if (flags.changed) {
      const orgId = await orgIdOf(conn);
      const statePath = resolve(flags.state ?? freshnessStatePath(process.cwd(), orgId));
      const run = await recomputeChanged(conn, scorer, {
        ...options,
        orgId,
        statePath,
        changed: true
      });
      summary = run.summary;
      if (run.due) {
        const { ids: _ids, ...reasons } = run.due;
        due = { first: false, ...reasons };
      } else due = { first: true };
    } else summary = await recompute(orgAccess(conn), scorer, { ...options, selection });
    const upkeep = await historyUpkeep(conn, history, summary.asOf, flags.dryRun);
    return { ...toReport(summary, calls.count(), upkeep), ...(due ? { due } : {}) };
  } finally {
    calls.stop();
  }
}

/** `baton health recompute`, added to the `health` topic (src/cli/topics/health.ts). */
export function registerHealthRecompute(health: Command, connect: Connect = connectToOrg): void {
  health
    .command('recompute')
    .description(
      'score every (or the selected) account with the health model and write the Account fields, a snapshot where something changed (Health_History_Policy__mdt), drop alerts, compact old history and report storage; exit 2 when rows failed'
    )
    .option(...TARGET_ORG_OPTION)
    .option('--accounts <ids>', 'only these Account Ids (comma separated)')
    .option(
      '--where <condition>',
      'only Accounts matching a SOQL condition, e.g. "Touch_Tier__c = \'High\'"'
    )
    .option('--as-of <date>', 'score as of this day, YYYY-MM-DD (default today, UTC)')
    .option('--dry-run', 'read and score, write nothing')
    .option('--failures <file>', 'CSV of rows that failed (default health-failures-<date>.csv)')
    .option(
      '--wave-size <accounts>',
      'accounts read per wave when more are selected (default 150000; one wave above the count)'
    )
    .option(
      '--changed',
      'score only the accounts due: a signal or input written since the last --changed run, or Health_Next_Change__c come; the same scores as a full run (the first run is one)'
    )
    .option(
      '--state <file>',
      'where --changed keeps its last run (default .sf/baton/health-<orgId>.json)'
    )
    .option('--json', 'print one JSON document')
    .action(async (flags: HealthRecomputeFlags) => {
      let failed = 0;
      await runCommand(
        flags,
        async () => {
          const report = await healthRecompute(flags, connect);
          failed = report.failed;
          return report;
        },
        formatSummary
      );
      // Written rows stay written; the failed ones are in the CSV, and the run says so.
      if (failed > 0 && !process.exitCode) process.exitCode = EXIT_FAILURE;
    });
}
