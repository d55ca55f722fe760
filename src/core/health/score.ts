import type { BatonModel, Measure } from '../config/model';
import { dayOf } from '../dates';
import { UserInputError } from '../errors';
import { detailEn, detailFi, type MeasureFacts } from './details';
import { measureFacts, measureScore, NOT_APPLICABLE } from './measures';
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
  measuresUsed: number;
  measuresApplicable: number;
}

/** Half up at the end only; the epsilon keeps 69.4999999 (float noise) from losing a point. */
const roundScore = (value: number) => Math.floor(value + 0.5 + 1e-9);

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
    const day = dayOf(previous[k].date);
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

/** Top three measures by points lost, as sentences: "NPS −13: 3 detractors of 5 responses". */
function driversOf(measures: Measure[], facts: (MeasureFacts | null)[], lost: number[]) {
  const order: number[] = [];
  for (let k = 0; k < lost.length; k++) if (lost[k] >= 0.5) order.push(k);
  order.sort((x, y) => lost[y] - lost[x] || x - y);
  const drivers: string[] = [];
  const driversFi: string[] = [];
  for (let n = 0; n < order.length && n < 3; n++) {
    const k = order[n];
    const points = `−${roundScore(lost[k])}: `;
    drivers.push(measures[k].label + ' ' + points + detailEn(measures[k].kind, facts[k]!));
    driversFi.push(measures[k].labelFi + ' ' + points + detailFi(measures[k].kind, facts[k]!));
  }
  return { drivers, driversFi };
}

/**
 * Scores one account with the model (DESIGN §3, issue 3's precise semantics). Pure and
 * allocation-light: the input is trusted to match accountSignalsSchema (validate at the
 * boundary); survey scores are still range-checked because the maths depends on them.
 */
export function scoreAccount(
  signals: AccountSignals,
  model: BatonModel,
  asOf: string
): HealthResult {
  const asOfDay = dayOf(asOf);
  if (Number.isNaN(asOfDay))
    throw new UserInputError(`asOf: not a date YYYY-MM-DD: ${asOf}`, 'asOf');
  return scoreAt(signals, model, asOfDay);
}

export function scoreAt(signals: AccountSignals, model: BatonModel, asOfDay: number): HealthResult {
  const cadence = signals.touchTier ? model.cadence[signals.touchTier] : undefined;
  const measures: Measure[] = [];
  const facts: (MeasureFacts | null)[] = [];
  const scores: number[] = [];
  let applicableWeight = 0;
  let dataWeight = 0;
  let weighted = 0;
  let used = 0;
  let outcomeWeight = 0;
  let outcomeSum = 0;
  let experienceWeight = 0;
  let experienceSum = 0;
  for (const measure of model.measures) {
    const fact = measureFacts(measure, signals, asOfDay, cadence);
    if (fact === NOT_APPLICABLE) continue;
    measures.push(measure);
    facts.push(fact);
    applicableWeight += measure.weight;
    if (fact === null) {
      scores.push(NaN);
      continue;
    }
    const score = measureScore(measure, fact);
    scores.push(score);
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
  const score = dataWeight > 0 ? roundScore(weighted / dataWeight) : null;
  const coverage = applicableWeight > 0 ? dataWeight / applicableWeight : 0;
  const trend = trendOf(model, signals, score, asOfDay);
  const lost: number[] = [];
  const results: MeasureResult[] = [];
  for (let k = 0; k < measures.length; k++) {
    const measure = measures[k];
    const fact = facts[k];
    const points = fact === null ? -1 : (measure.weight / dataWeight) * (100 - scores[k]);
    lost.push(points);
    results.push({
      key: measure.kind,
      name: measure.name,
      label: measure.label,
      group: measure.group,
      value: fact === null ? null : fact.value,
      score: fact === null ? null : scores[k],
      weight: measure.weight,
      pointsLost: fact === null ? null : points,
      detail: fact === null ? null : detailEn(measure.kind, fact)
    });
  }
  return {
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
    ...driversOf(measures, facts, lost),
    measuresUsed: used,
    measuresApplicable: measures.length
  };
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
  const results: HealthResult[] = new Array(accounts.length);
  for (let k = 0; k < accounts.length; k++) results[k] = scoreAt(accounts[k], model, asOfDay);
  return results;
}
