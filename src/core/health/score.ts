import type { BatonModel } from '../config/model';
import { dayOf } from '../dates';
import { UserInputError } from '../errors';
import { detailEn } from './details';
import { breakdownFacts, driversOf, roundScore } from './drivers';
import { ensureSlots, ensureSurveySlots, slots as slotsImport } from './slots';
import * as measureRules from './measures';
import { planOf, type Plan, type TierPlan } from './plan';
import type { AccountSignals } from './signals';

export type QuadrantKey = 'healthy' | 'satisfiedNotSucceeding' | 'succeedingUnhappy' | 'atRisk';

export interface MeasureResult {
  /** Stable key the panel translates: the measure kind. */
  key: string;
  /** DeveloperName of the Health_Measure__mdt record. */
  name: string;
  label: string;
  group: string;
  value: number | null;
  score: number | null;
  weight: number;
  pointsLost: number | null;
  detail: string | null;
}

/** What only a stored breakdown needs (scoreAccount's `facts` option): see breakdownFacts. */
export interface HealthFacts {
  /** Each driver's parts: [position in measures, points, a, b]. */
  drivers: number[][];
  /** Each measure's text: the sentiment's word (Positive, Neutral, Negative), else undefined. */
  texts: (string | undefined)[];
}

export interface HealthResult {
  id: string;
  score: number | null;
  status: string;
  coverage: number;
  trend: number | null;
  trendDirection: 'up' | 'down' | 'flat' | null;
  quadrant: QuadrantKey | null;
  measures: MeasureResult[];
  drivers: string[];
  driversFi: string[];
  /** With the `facts` option only, so scoring alone allocates nothing for it. */
  facts?: HealthFacts;
  measuresUsed: number;
  measuresApplicable: number;
}

function quadrantOf(model: BatonModel, outcome: number, experience: number): QuadrantKey {
  const succeeding = outcome >= model.quadrantSplit;
  const satisfied = experience >= model.quadrantSplit;
  if (succeeding) return satisfied ? 'healthy' : 'succeedingUnhappy';
  return satisfied ? 'satisfiedNotSucceeding' : 'atRisk';
}

function statusOf(model: BatonModel, score: number | null, coverage: number): string {
  if (score === null || coverage < model.minCoverage) return model.insufficientStatus;
  const bands = model.bands;
  for (let k = 0; k < bands.length; k++)
    if (score >= bands[k].min && score <= bands[k].max) return bands[k].status;
  return model.insufficientStatus;
}

function trendOf(
  model: BatonModel,
  signals: AccountSignals,
  score: number | null,
  asOfDay: number
) {
  const previous = signals.previousScores;
  if (score === null || !previous) return null;
  const latestAllowed = asOfDay - model.trend.days;
  let bestDay = -Infinity;
  let bestScore = 0;
  for (let k = 0; k < previous.length; k++) {
    const day = dayOfText(previous[k].date);
    // Same-day ties take the higher score, so the input order never matters.
    if (
      day <= latestAllowed &&
      (day > bestDay || (day === bestDay && previous[k].score > bestScore))
    ) {
      bestDay = day;
      bestScore = previous[k].score;
    }
  }
  return bestDay === -Infinity ? null : score - bestScore;
}

// tsx compiles imports to getters; the hot loop binds what it calls once.
const factsFor = measureRules.measureFacts;
const scoreFor = measureRules.measureScore;
const { NO_DATA, NOT_APPLICABLE } = measureRules;
const english = detailEn;
const dayOfText = dayOf;
const slots = slotsImport;
const drivers3 = driversOf;

/**
 * Scores one account with the model. Pure and
 * allocation-light: the input is trusted to match accountSignalsSchema (validate at the
 * boundary); survey scores are still range-checked because the maths depends on them.
 * @param options.facts also return `facts`, what a stored breakdown needs (the recompute)
 */
export function scoreAccount(
  signals: AccountSignals,
  model: BatonModel,
  asOf: string,
  options: { facts?: boolean } = {}
): HealthResult {
  const asOfDay = dayOf(asOf);
  if (Number.isNaN(asOfDay))
    throw new UserInputError(`asOf: not a date YYYY-MM-DD: ${asOf}`, 'asOf');
  return scoreWithPlan(signals, model, planOf(model), asOfDay, options.facts === true);
}

/** The measure loop's sums for the last account tallied (scoring is synchronous, so one will do). */
const tally = {
  count: 0,
  applicableWeight: 0,
  dataWeight: 0,
  weighted: 0,
  used: 0,
  outcomeWeight: 0,
  outcomeSum: 0,
  experienceWeight: 0,
  experienceSum: 0
};

/** Each measure's facts and score into the slots, and their weighted sums into `tally`. */
function tallyMeasures(signals: AccountSignals, tier: TierPlan, asOfDay: number): void {
  const measures = tier.measures;
  ensureSlots(measures.length);
  const surveys = signals.surveys;
  if (surveys) {
    ensureSurveySlots(surveys.length);
    for (let s = 0; s < surveys.length; s++) slots.surveyDay[s] = dayOfText(surveys[s].date);
  }
  let count = 0;
  let applicableWeight = 0;
  let dataWeight = 0;
  let weighted = 0;
  let used = 0;
  let outcomeWeight = 0;
  let outcomeSum = 0;
  let experienceWeight = 0;
  let experienceSum = 0;
  for (let m = 0; m < measures.length; m++) {
    const measure = measures[m];
    const kind = tier.kinds[m];
    const k = count;
    const found = factsFor(k, kind, measure, signals, asOfDay, tier.interval);
    if (found === NOT_APPLICABLE) continue;
    count++;
    slots.planIndex[k] = m;
    applicableWeight += measure.weight;
    if (found === NO_DATA) {
      slots.score[k] = NaN;
      continue;
    }
    const score = scoreFor(k, kind, measure);
    slots.score[k] = score;
    used++;
    dataWeight += measure.weight;
    weighted += measure.weight * score;
    if (measure.group === 'Outcome') {
      outcomeWeight += measure.weight;
      outcomeSum += measure.weight * score;
    } else if (measure.group === 'Experience') {
      experienceWeight += measure.weight;
      experienceSum += measure.weight * score;
    }
  }
  tally.count = count;
  tally.applicableWeight = applicableWeight;
  tally.dataWeight = dataWeight;
  tally.weighted = weighted;
  tally.used = used;
  tally.outcomeWeight = outcomeWeight;
  tally.outcomeSum = outcomeSum;
  tally.experienceWeight = experienceWeight;
  tally.experienceSum = experienceSum;
}

/**
 * What a recompute writes of the result on asOfDay (score, status, coverage to three places,
 * trend) as one text, without the measures and drivers: nextChangeDay probes days with it.
 * Equal to nextChange.ts resultKey of scoreAccount's result.
 */
export function resultKeyOn(signals: AccountSignals, model: BatonModel, asOfDay: number): string {
  const plan = planOf(model);
  tallyMeasures(signals, plan.tiers[signals.touchTier ?? 'none'] ?? plan.tiers.none, asOfDay);
  const { dataWeight, applicableWeight } = tally;
  const score = dataWeight > 0 ? roundScore(tally.weighted / dataWeight) : null;
  const coverage = applicableWeight > 0 ? dataWeight / applicableWeight : 0;
  const trend = trendOf(model, signals, score, asOfDay);
  return `${score}|${statusOf(model, score, coverage)}|${Math.round(coverage * 1000)}|${trend}`;
}

function scoreWithPlan(
  signals: AccountSignals,
  model: BatonModel,
  plan: Plan,
  asOfDay: number,
  withFacts = false
): HealthResult {
  const tier = plan.tiers[signals.touchTier ?? 'none'] ?? plan.tiers.none;
  const measures = tier.measures;
  tallyMeasures(signals, tier, asOfDay);
  const { count, dataWeight, weighted, used, outcomeWeight, outcomeSum } = tally;
  const { applicableWeight, experienceWeight, experienceSum } = tally;
  const score = dataWeight > 0 ? roundScore(weighted / dataWeight) : null;
  const coverage = applicableWeight > 0 ? dataWeight / applicableWeight : 0;
  const trend = trendOf(model, signals, score, asOfDay);
  const results: MeasureResult[] = new Array(count);
  for (let k = 0; k < count; k++) {
    const at = slots.planIndex[k];
    const measure = measures[at];
    const measureScore = slots.score[k];
    if (measureScore !== measureScore) {
      slots.lost[k] = -1;
      results[k] = {
        key: measure.kind,
        name: measure.name,
        label: measure.label,
        group: measure.group,
        value: null,
        score: null,
        weight: measure.weight,
        pointsLost: null,
        detail: null
      };
      continue;
    }
    const lost = (measure.weight / dataWeight) * (100 - measureScore);
    slots.lost[k] = lost;
    results[k] = {
      key: measure.kind,
      name: measure.name,
      label: measure.label,
      group: measure.group,
      value: slots.value[k],
      score: measureScore,
      weight: measure.weight,
      pointsLost: lost,
      detail: english(tier.kinds[at], slots.value[k], slots.a[k], slots.b[k], slots.text[k])
    };
  }
  const { drivers, driversFi } = drivers3(plan, tier, results, count);
  const result: HealthResult = {
    id: signals.id,
    score,
    status: statusOf(model, score, coverage),
    coverage,
    trend,
    trendDirection:
      trend === null
        ? null
        : trend >= model.trend.up
          ? 'up'
          : trend <= model.trend.down
            ? 'down'
            : 'flat',
    quadrant:
      outcomeWeight > 0 && experienceWeight > 0
        ? quadrantOf(model, outcomeSum / outcomeWeight, experienceSum / experienceWeight)
        : null,
    measures: results,
    drivers,
    driversFi,
    measuresUsed: used,
    measuresApplicable: count
  };
  if (withFacts) result.facts = breakdownFacts(results, drivers.length);
  return result;
}

/** Scores many accounts against one asOf; input order is kept. */
export function scoreAccounts(
  accounts: readonly AccountSignals[],
  model: BatonModel,
  asOf: string
): HealthResult[] {
  const asOfDay = dayOf(asOf);
  if (Number.isNaN(asOfDay))
    throw new UserInputError(`asOf: not a date YYYY-MM-DD: ${asOf}`, 'asOf');
  const plan = planOf(model);
  const results: HealthResult[] = new Array(accounts.length);
  for (let k = 0; k < accounts.length; k++)
    results[k] = scoreWithPlan(accounts[k], model, plan, asOfDay);
  return results;
}
