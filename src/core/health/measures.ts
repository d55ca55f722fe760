import type { Measure } from '../config/model';
import { BatonError } from '../errors';
import { dayOf as dayOfImport } from '../dates';
import { SURVEY_RANGES as SURVEY_RANGES_IMPORT } from '../survey';
import { KIND } from './plan';
import { slots as slotsImport } from './slots';
import type { AccountSignals } from './signals';

// tsx compiles imports to getters; the hot path binds what it reads once.
const dayOf = dayOfImport;
const slots = slotsImport;
const SURVEY_RANGES = SURVEY_RANGES_IMPORT;
const {
  licenseUtilisation: LICENSE,
  activityTrend: ACTIVITY,
  timeToFirstValue: FIRST_VALUE,
  nps: NPS,
  csat: CSAT,
  ces: CES,
  cadence: CADENCE,
  support: SUPPORT,
  billing: BILLING,
  sentiment: SENTIMENT
} = KIND;

/** What measureFacts found: the measure does not apply, applies without data, or has data. */
export const NOT_APPLICABLE = 0;
export const NO_DATA = 1;
export const HAS_DATA = 2;

const has = (value: number | null | undefined): value is number =>
  value !== null && value !== undefined;

function put(k: number, value: number, a: number, b: number, text?: string): number {
  slots.value[k] = value;
  slots.a[k] = a;
  slots.b[k] = b;
  slots.text[k] = text;
  return HAS_DATA;
}

const SURVEY_TYPE = ['NPS', 'CSAT', 'CES'] as const;

/**
 * Survey tallies over (asOf − window, asOf] (survey days already in slots.surveyDay).
 * Rejects out-of-range scores, never clamps: the input is trusted to match the schema, but
 * the maths would silently go wrong on a bad score.
 */
function surveyFacts(
  k: number,
  kind: number,
  measure: Measure,
  signals: AccountSignals,
  asOfDay: number
): number {
  const surveys = signals.surveys;
  if (!surveys) return NO_DATA;
  const type = SURVEY_TYPE[kind - NPS];
  const [min, max] = SURVEY_RANGES[type];
  const from = asOfDay - measure.windowDays;
  const days = slots.surveyDay;
  let responses = 0;
  let high = 0;
  let low = 0;
  let sum = 0;
  for (let s = 0; s < surveys.length; s++) {
    const survey = surveys[s];
    if (survey.type !== type) continue;
    const day = days[s];
    if (!(day > from && day <= asOfDay)) continue;
    const score = survey.score;
    if (!(score >= min && score <= max) || score !== Math.floor(score))
      throw new BatonError(
        'INVALID_INPUT',
        `${signals.id}: surveys[${s}].score: ${type} score must be a whole number ${min}–${max}, got ${score}`,
        `surveys[${s}].score`
      );
    responses++;
    sum += score;
    if (type === 'NPS') {
      if (score >= 9) high++;
      else if (score <= 6) low++;
    } else if (type === 'CSAT' && score >= 4) high++;
  }
  if (responses === 0) return NO_DATA;
  if (type === 'NPS') return put(k, (100 * (high - low)) / responses, low, responses);
  if (type === 'CSAT') return put(k, high / responses, high, responses);
  return put(k, sum / responses, 0, responses);
}

/**
 * The facts of one measure for one account, written to slot k: NOT_APPLICABLE, NO_DATA or
 * HAS_DATA. Tier applicability is settled by the plan; this decides what depends on the
 * account, with each measure's window.
 */
export function measureFacts(
  k: number,
  kind: number,
  measure: Measure,
  signals: AccountSignals,
  asOfDay: number,
  interval: number
): number {
  switch (kind) {
    case LICENSE: {
      const seats = signals.licensedSeats;
      const active = signals.activeUsers30d;
      return has(seats) && seats > 0 && has(active)
        ? put(k, active / seats, active, seats)
        : NO_DATA;
    }
    case ACTIVITY: {
      const previous = signals.loginsPrev30d;
      const logins = signals.logins30d;
      return has(previous) && previous > 0 && has(logins)
        ? put(k, logins / previous, logins, previous)
        : NO_DATA;
    }
    case FIRST_VALUE: {
      if (!signals.onboardingStarted) return NOT_APPLICABLE;
      const start = dayOf(signals.onboardingStarted);
      if (asOfDay < start || asOfDay - start > measure.windowDays) return NOT_APPLICABLE;
      const reached = signals.firstValueAt ? dayOf(signals.firstValueAt) : NaN;
      return reached <= asOfDay ? put(k, reached - start, 1, 0) : put(k, asOfDay - start, 0, 0);
    }
    case NPS:
    case CSAT:
    case CES:
      return surveyFacts(k, kind, measure, signals, asOfDay);
    case CADENCE: {
      const since = signals.lastTouchpointAt ?? signals.contractStart;
      return since ? put(k, asOfDay - dayOf(since), interval, 0) : NO_DATA;
    }
    case SUPPORT: {
      const open = signals.openHighPriorityCases;
      const escalations = signals.escalations90d;
      if (!has(open) && !has(escalations)) return NO_DATA;
      return put(k, (open ?? 0) + (escalations ?? 0), 0, 0);
    }
    case BILLING:
      return has(signals.overdueInvoices) ? put(k, signals.overdueInvoices, 0, 0) : NO_DATA;
    case SENTIMENT: {
      const sentiment = signals.csmSentiment;
      if (!sentiment) return NO_DATA;
      const day = dayOf(sentiment.date);
      if (!(day > asOfDay - measure.windowDays && day <= asOfDay)) return NO_DATA;
      const score = measure.categories[sentiment.value];
      return score === undefined ? NO_DATA : put(k, score, 0, 0, sentiment.value);
    }
    default:
      return NOT_APPLICABLE;
  }
}

/** The 0–100 score of the facts in slot k: linear between anchors, or by step. */
export function measureScore(k: number, kind: number, measure: Measure): number {
  const value = slots.value[k];
  switch (kind) {
    case SENTIMENT:
      return value;
    case SUPPORT:
    case BILLING: {
      const steps = measure.steps;
      let score = steps[0].score;
      for (let s = 1; s < steps.length && steps[s].at <= value; s++) score = steps[s].score;
      return score;
    }
    case CADENCE:
      return linear(value / slots.a[k], measure.fullAt, measure.zeroAt);
    default:
      return linear(value, measure.fullAt, measure.zeroAt);
  }
}

function linear(value: number, fullAt: number, zeroAt: number): number {
  const score = (100 * (value - zeroAt)) / (fullAt - zeroAt);
  return score <= 0 ? 0 : score >= 100 ? 100 : score;
}
