import { Command } from 'commander';
import { runCommand } from '../run';
import { recordFirstValue } from '../../services/onboarding/firstValue';
import { alertMissedFirstValue } from '../../services/onboarding/missedFirstValue';
import { onboardingTargetDays } from '../../services/onboarding/target';
import { connectToOrg } from '../../org/connection';
import { loadModelFromOrg } from '../../org/orgModel';
import type { Connect } from '../../services/touchpoints/connect';
import {
  asOfOrToday,
  formatPlan,
  onboardingFlagsSchema,
  parseFlags,
  planFlagsSchema
} from '../../services/touchpoints/flags';
import { planAllTouchpoints } from '../../services/touchpoints/plan';
import { TARGET_ORG_OPTION } from '../orgOption';

type OrgFlags = { targetOrg?: string; json?: boolean };

/** `baton touchpoints plan|onboarding`: the scheduled cadence jobs. */
export function register(program: Command, connect: Connect = connectToOrg): void {
  const topic = program.command('touchpoints').description('plan touchpoints and track onboarding');
  const withOrg = (command: Command) =>
    command
      .option(...TARGET_ORG_OPTION)
      .option('--as-of <date>', 'plan as of this day, YYYY-MM-DD (default today, UTC)')
      .option('--dry-run', 'compute and report, write nothing')
      .option('--json', 'print one JSON document');

  withOrg(
    topic
      .command('plan')
      .description(
        "create or re-plan each account's tier touchpoints as Tasks owned by its account manager, and set Next_Touchpoint_Due__c"
      )
      .option('--horizon <days>', 'how far ahead to plan, e.g. 365d', '365d')
  ).action((flags: OrgFlags & { horizon: string; asOf?: string; dryRun?: boolean }) =>
    runCommand(
      flags,
      async () => {
        const { horizon, asOf, dryRun } = parseFlags(planFlagsSchema, flags);
        return planAllTouchpoints(await connect(flags.targetOrg), {
          asOf: asOfOrToday(asOf),
          horizonDays: horizon,
          dryRun
        });
      },
      formatPlan
    )
  );

  withOrg(
    topic
      .command('onboarding')
      .description(
        'record first value from usage, and alert the account manager (once) when onboarding passes its target without it'
      )
      .option(
        '--target-days <n>',
        "onboarding target in days (default: the time-to-first-value measure's Full_At__c)"
      )
  ).action((flags: OrgFlags & { targetDays?: string; asOf?: string; dryRun?: boolean }) =>
    runCommand(
      flags,
      async () => {
        const { asOf, targetDays, dryRun } = parseFlags(onboardingFlagsSchema, flags);
        const conn = await connect(flags.targetOrg);
        const day = asOfOrToday(asOf);
        const firstValue = await recordFirstValue(conn, { asOf: day, dryRun });
        const alerts = await alertMissedFirstValue(conn, {
          asOf: day,
          // The org's own time-to-first-value measure, as the Apex card and the health score use.
          targetDays: targetDays ?? onboardingTargetDays(await loadModelFromOrg(conn)),
          dryRun
        });
        return { asOf: day, dryRun: Boolean(dryRun), firstValue, alerts };
      },
      (result) =>
        [
          `First value recorded on ${result.firstValue.recorded.length} accounts.`,
          `${result.alerts.alerts.length} accounts passed the onboarding target without first value; ${result.alerts.posted} alerts posted.`,
          ...result.alerts.failures.map((f) => `  failed for ${f.accountId}: ${f.message}`)
        ].join('\n')
    )
  );
}
