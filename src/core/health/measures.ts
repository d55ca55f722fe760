import type { Cadence, Measure } from '../config/model';
import { BatonError } from '../errors';
import { dayOf } from '../dates';
import { SURVEY_RANGES } from '../survey';
import type { MeasureFacts } from './details';
import type { AccountSignals } from './signals';

/** A measure that does not apply to this account (not counted in coverage). */
export const NOT_APPLICABLE = 'n/a';

type Facts = MeasureFacts | null | typeof NOT_APPLICABLE;

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
  if (type === 'NPS') return { value: (100 * (high - low)) / responses, a: low, b: responses };
  if (type === 'CSAT') return { value: high / responses, a: high, b: responses };
  return { value: sum / responses, a: 0, b: responses };
}

/**
 * The facts of one measure for one account: NOT_APPLICABLE, null (applies, no data) or the
 * value with what explains it. The precise windows are issue 3's semantics.
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
      return has(seats) && seats > 0 && has(active)
        ? { value: active / seats, a: active, b: seats }
        : null;
    }
    case 'activityTrend': {
      const previous = signals.loginsPrev30d;
      const logins = signals.logins30d;
      return has(previous) && previous > 0 && has(logins)
        ? { value: logins / previous, a: logins, b: previous }
        : null;
    }
    case 'timeToFirstValue': {
      if (!signals.onboardingStarted) return NOT_APPLICABLE;
      const start = dayOf(signals.onboardingStarted);
      if (asOfDay < start || asOfDay - start > measure.windowDays) return NOT_APPLICABLE;
      const reached = signals.firstValueAt ? dayOf(signals.firstValueAt) : NaN;
      return reached <= asOfDay
        ? { value: reached - start, a: 1, b: 0 }
        : { value: asOfDay - start, a: 0, b: 0 };
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
      return since ? { value: asOfDay - dayOf(since), a: interval, b: 0 } : null;
    }
    case 'support': {
      const open = signals.openHighPriorityCases;
      const escalations = signals.escalations90d;
      if (!has(open) && !has(escalations)) return null;
      return { value: (open ?? 0) + (escalations ?? 0), a: 0, b: 0 };
    }
    case 'billing':
      return has(signals.overdueInvoices) ? { value: signals.overdueInvoices, a: 0, b: 0 } : null;
    case 'sentiment': {
      const sentiment = signals.csmSentiment;
      if (!sentiment) return null;
      const day = dayOf(sentiment.date);
      if (!(day > asOfDay - measure.windowDays && day <= asOfDay)) return null;
      if (!(sentiment.value in measure.categories)) return null;
      return { value: measure.categories[sentiment.value], a: 0, b: 0, text: sentiment.value };
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
