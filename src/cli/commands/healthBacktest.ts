import type { Command } from 'commander';
import { UserInputError } from '../../core/errors';
import { connectToOrg } from '../../org/connection';
import {
  backtest,
  DEFAULT_HORIZONS,
  type BacktestReport,
  type HorizonReport
} from '../../services/health/history/backtest';
import { saveBacktest } from '../../services/health/history/backtestRuns';
import type { Connect } from '../../services/touchpoints/connect';
import { runCommand } from '../run';
import { TARGET_ORG_OPTION } from '../orgOption';

/** `--horizons 90,180`: whole days, each at least 1. */
export function parseHorizons(text: string | undefined): number[] {
  if (text === undefined) return DEFAULT_HORIZONS;
  const days = text.split(',').map((part) => part.trim());
  if (days.length === 0 || days.some((day) => !/^\d+$/.test(day) || Number(day) < 1))
    throw new UserInputError(
      `--horizons: whole days separated by commas, got "${text}"`,
      'horizons'
    );
  return days.map(Number);
}

const pct = (share: number) => `${Math.round(share * 100)} %`;
const two = (value: number) => value.toFixed(2);

/** Each statistic with one plain sentence, per horizon. */
export function formatBacktest(report: BacktestReport & { saved?: string[] }): string {
  const flips = report.bandFlips;
  const lines = [
    `${report.outcomes} outcomes (churn, contraction, renewal) in the org.`,
    flips.rate === null
      ? 'No account with outcomes has two snapshots yet, so band changes cannot be counted.'
      : `Band changes: ${pct(flips.rate)} of ${flips.pairs} snapshot-to-next pairs of these accounts changed band; a score that flips often is hard to act on.`
  ];
  for (const horizon of report.horizons) lines.push('', ...horizonLines(horizon));
  if (report.saved)
    lines.push(
      '',
      `Saved as ${report.saved.length} Health_Backtest__c records (one per horizon): admins see the latest run on the "Does the score predict?" card.`
    );
  return lines.join('\n');
}

function horizonLines(h: HorizonReport): string[] {
  const head = `Score ${h.horizonDays} days before each outcome (${h.outcomes} outcomes: ${h.bad} churn or contraction, ${h.good} renewal)`;
  if (h.refused) return [head, `  ${h.refused}`];
  const lines = [head];
  const thin = h.tooLittleData;
  if (thin.outcomes > 0)
    lines.push(
      `  Left out: ${thin.outcomes} outcomes (${thin.bad} churn or contraction, ${thin.good} renewal) whose score then rested on too little data; the account showed no number to act on, so they prove nothing either way.`
    );
  const [low, high] = h.aucInterval ?? [NaN, NaN];
  lines.push(
    `  AUC ${two(h.auc!)} (95 % interval ${two(low)}–${two(high)}): the chance that a customer who left had a lower score than one who renewed; 0.5 is a coin toss.`
  );
  if (h.lift)
    lines.push(
      `  Lowest-scored tenth: ${pct(h.lift.topRate)} churned or contracted against ${pct(h.lift.baseRate)} overall${h.lift.lift === null ? '' : ` (${h.lift.lift.toFixed(1)} times the base rate)`}.`
    );
  for (const band of h.bands)
    lines.push(
      `  ${band.status}: ${band.count} outcomes, ${pct(band.badRate ?? 0)} churned or contracted (95 % interval ${pct(band.interval![0])}–${pct(band.interval![1])}), ${Math.round(band.arrLost)} ARR lost.`
    );
  lines.push(
    `  Calibration by score decile (lowest first): ${h.calibration.map((d) => `${Math.round(d.meanScore)}→${pct(d.badRate)}`).join(', ')}; a falling rate means higher scores fared better.`
  );
  if (h.reachable) lines.push(`  ${reachableSentence(h.reachable, h.horizonDays)}`);
  if (h.overrides)
    lines.push(
      h.overrides.rate === null
        ? '  No outcome had a Green or Red override in force at the horizon, so overrides cannot be judged.'
        : `  Overrides: ${h.overrides.right} of ${h.overrides.overridden} Green or Red overrides (${pct(h.overrides.rate)}) said what became of the customer.`
    );
  for (const m of h.measures)
    lines.push(
      `  ${m.measure}: AUC ${m.auc === null ? '–' : two(m.auc)} on ${m.outcomes} outcomes; weight ${m.weight}, suggested ${m.suggestedWeight} (not applied: change Health_Measure__mdt to accept it).`
    );
  return lines;
}

function reachableSentence(r: NonNullable<HorizonReport['reachable']>, days: number): string {
  const away = `${r.churns - r.reachable} more churned where the tier plans no meeting that often`;
  const thin =
    r.tooLittleData > 0 ? `; ${r.tooLittleData} had too little data for a score then` : '';
  if (r.rate === null)
    return r.reachable === 0
      ? `Churn caught among reachable accounts: none of the ${r.churns} churned accounts had a tier that meets them at least every ${days} days, so no warning this early could have reached an account manager in time.`
      : `Churn caught among reachable accounts: the ${r.reachable} churned accounts whose tier meets them at least every ${days} days all had too little data for a score ${days} days before; ${away}.`;
  return `Churn caught among reachable accounts: of ${r.reachable - r.tooLittleData} churned accounts with a score whose tier meets them at least every ${days} days, the score had ${r.caught} (${pct(r.rate)}, 95 % interval ${pct(r.interval![0])}–${pct(r.interval![1])}) in a warning band ${days} days before${thin}; ${away}.`;
}

/** `baton health backtest`, added to the `health` topic (src/cli/topics/health.ts). */
export function registerHealthBacktest(health: Command, connect: Connect = connectToOrg): void {
  health
    .command('backtest')
    .description(
      "whether the health score predicted churn: each Customer_Outcome__c against the account's score a horizon before, from snapshot history only (AUC with interval, lift, bands, calibration, each measure's discrimination and suggested weights, never applied)"
    )
    .option(...TARGET_ORG_OPTION)
    .option('--horizons <days>', 'days before each outcome, comma separated (default 90,180)')
    .option('--json', 'print one JSON document')
    .option('--save', "keep the run in the org (Health_Backtest__c) for the admins' card")
    .action(
      async (flags: { targetOrg?: string; horizons?: string; json?: boolean; save?: boolean }) => {
        await runCommand(
          flags,
          async () => {
            const horizons = parseHorizons(flags.horizons);
            const conn = await connect(flags.targetOrg);
            const report = await backtest(conn, horizons);
            return flags.save ? { ...report, saved: await saveBacktest(conn, report) } : report;
          },
          formatBacktest
        );
      }
    );
}
