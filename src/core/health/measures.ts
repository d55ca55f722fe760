import type { Cadence, Measure } from '../config/model';
import { BatonError } from '../errors';
import { dayOf as dayOfImport } from '../dates';
import { SURVEY_RANGES } from '../survey';
import type { MeasureFacts } from './details';
import type { AccountSignals } from './signals';

/** A measure that does not apply to this account (not counted in coverage). */
export const NOT_APPLICABLE = 'n/a';

type Facts = MeasureFacts | null | typeof NOT_APPLICABLE;

/**
 * The facts object is reused for every measure of every account: the scorer copies what it
 * keeps before the next call, so the hot path allocates nothing here.
 */
const scratch: MeasureFacts = { value: 0, a: 0, b: 0, text: undefined };
function facts(value: number, a = 0, b = 0, text?: string): MeasureFacts {
  scratch.value = value;
  scratch.a = a;
  scratch.b = b;
  scratch.text = text;
  return scratch;
}

// tsx compiles imports to getters; bind the one the hot path calls once.
const dayOf = dayOfImport;

const has = (value: number | null | undefined): value is number =>
  value !== null && value !== undefined;

/** Survey tallies over (asOf − window, asOf]; rejects out-of-range scores, never clamps. */
function surveyFacts(measure: Measure, signals: AccountSignals, asOfDay: number): Facts {
  const surveys = signals.surveys;
  if (!surveys) return null;
  const type = measure.kind === 'nps' ? 'NPS' : measure.kind === 'csat' ? 'CSAT' : 'CES';
  const [min, max] = SURVEY_RANGES[type];
  const from = asOfDay - measure.windowDays;
  let responses = 0;
  let high = 0;
  let low = 0;
  let sum = 0;
  for (let k = 0; k < surveys.length; k++) {
    const survey = surveys[k];
    if (survey.type !== type) continue;
    const day = dayOf(survey.date);
    if (!(day > from && day <= asOfDay)) continue;
    const score = survey.score;
    if (!(score >= min && score <= max) || score !== Math.floor(score))
      throw new BatonError(
        'INVALID_INPUT',
        `${signals.id}: surveys[${k}].score: ${type} score must be a whole number ${min}–${max}, got ${score}`,
        `surveys[${k}].score`
      );
    responses++;
    sum += score;
    if (type === 'NPS') {
      if (score >= 9) high++;
      else if (score <= 6) low++;
    } else if (type === 'CSAT' && score >= 4) high++;
  }
  if (responses === 0) return null;
  if (type === 'NPS') return facts((100 * (high - low)) / responses, low, responses);
  if (type === 'CSAT') return facts(high / responses, high, responses);
  return facts(sum / responses, 0, responses);
}

/**
 * The facts of one measure for one account: NOT_APPLICABLE, null (applies, no data) or the
 * value with what explains it (a shared object: copy it before the next call). The precise
 * windows are issue 3's semantics.
 */
export function measureFacts(
  measure: Measure,
  signals: AccountSignals,
  asOfDay: number,
  cadence: Cadence | undefined
): Facts {
  const tier = signals.touchTier;
  if (tier && measure.excludedTiers.includes(tier)) return NOT_APPLICABLE;
  switch (measure.kind) {
    case 'licenseUtilisation': {
      const seats = signals.licensedSeats;
      const active = signals.activeUsers30d;
      return has(seats) && seats > 0 && has(active) ? facts(active / seats, active, seats) : null;
    }
    case 'activityTrend': {
      const previous = signals.loginsPrev30d;
      const logins = signals.logins30d;
      return has(previous) && previous > 0 && has(logins)
        ? facts(logins / previous, logins, previous)
        : null;
    }
    case 'timeToFirstValue': {
      if (!signals.onboardingStarted) return NOT_APPLICABLE;
      const start = dayOf(signals.onboardingStarted);
      if (asOfDay < start || asOfDay - start > measure.windowDays) return NOT_APPLICABLE;
      const reached = signals.firstValueAt ? dayOf(signals.firstValueAt) : NaN;
      return reached <= asOfDay ? facts(reached - start, 1) : facts(asOfDay - start, 0);
    }
    case 'nps':
    case 'csat':
    case 'ces':
      return surveyFacts(measure, signals, asOfDay);
    case 'cadence': {
      // Without a tier (or a tier without meetings) there is no interval to compare with.
      const interval = cadence?.meetingIntervalDays;
      if (!interval) return NOT_APPLICABLE;
      const since = signals.lastTouchpointAt ?? signals.contractStart;
      return since ? facts(asOfDay - dayOf(since), interval) : null;
    }
    case 'support': {
      const open = signals.openHighPriorityCases;
      const escalations = signals.escalations90d;
      if (!has(open) && !has(escalations)) return null;
      return facts((open ?? 0) + (escalations ?? 0));
    }
    case 'billing':
      return has(signals.overdueInvoices) ? facts(signals.overdueInvoices) : null;
    case 'sentiment': {
      const sentiment = signals.csmSentiment;
      if (!sentiment) return null;
      const day = dayOf(sentiment.date);
      if (!(day > asOfDay - measure.windowDays && day <= asOfDay)) return null;
      if (!(sentiment.value in measure.categories)) return null;
      return facts(measure.categories[sentiment.value], 0, 0, sentiment.value);
    }
  }
}

/** The 0–100 score of a measure's value: linear between anchors, or by step. */
export function measureScore(measure: Measure, facts: MeasureFacts): number {
  switch (measure.kind) {
    case 'sentiment':
      return facts.value;
    case 'support':
    case 'billing': {
      const steps = measure.steps;
      let score = steps[0].score;
      for (let k = 1; k < steps.length && steps[k].at <= facts.value; k++) score = steps[k].score;
      return score;
    }
    case 'cadence':
      return linear(facts.value / facts.a, measure.fullAt, measure.zeroAt);
    default:
      return linear(facts.value, measure.fullAt, measure.zeroAt);
  }
}

function linear(value: number, fullAt: number, zeroAt: number): number {
  const score = (100 * (value - zeroAt)) / (fullAt - zeroAt);
  return score <= 0 ? 0 : score >= 100 ? 100 : score;
}
