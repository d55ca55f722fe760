import type { BatonModel, Measure } from '../config/model';
import { dayOf } from '../dates';
import { planOf } from './plan';
import { resultKeyOn, type HealthResult } from './score';
import type { AccountSignals } from './signals';

/**
 * What a recompute writes of a result (Account fields and the snapshot's decision): the
 * score, status, coverage as stored and trend. Two days with the same key write the same;
 * score.ts resultKeyOn says it without building the result.
 */
export type KeyedResult = Pick<HealthResult, 'score' | 'status' | 'coverage' | 'trend'>;

export const resultKey = (result: KeyedResult) =>
  `${result.score}|${result.status}|${Math.round(result.coverage * 1000)}|${result.trend}`;

/** Days probed before the answer settles for the earliest one left (early is safe, late is not). */
const MAX_PROBES = 24;

/**
 * The last account's breakpoints (nextChangeDay is synchronous, so one set will do): the
 * days after asOfDay where some measure's piece can change, and the ranges [from, to] where a
 * measure moves every day (a linear stretch). Reused, as the recompute asks for each account.
 */
const found = { days: [] as number[], dailyFrom: [] as number[], dailyTo: [] as number[] };
const ascending = (a: number, b: number) => a - b;

function addDay(day: number, asOfDay: number) {
  if (day > asOfDay) found.days.push(day);
}

/**
 * A linear measure of the days since `origin` (in units of `unit` days) scores differently
 * from the day before only between fullAt and zeroAt: outside them it is flat.
 */
function addLinearStretch(
  origin: number,
  measure: Measure,
  unit: number,
  from = -Infinity,
  to = Infinity
) {
  const low = Math.min(measure.fullAt, measure.zeroAt) * unit;
  const high = Math.max(measure.fullAt, measure.zeroAt) * unit;
  found.dailyFrom.push(Math.max(from, Math.floor(origin + low)));
  found.dailyTo.push(Math.min(to, Math.ceil(origin + high)));
}

/**
 * Fills `found` for an account: a survey or the sentiment entering or leaving its window,
 * first value starting, being reached or ending, the meeting cadence losing points, the
 * trend's baseline moving to a newer score.
 */
function findBreakpoints(signals: AccountSignals, model: BatonModel, asOfDay: number): void {
  const tier = planOf(model).tiers[signals.touchTier ?? 'none'] ?? planOf(model).tiers.none;
  found.days.length = 0;
  found.dailyFrom.length = 0;
  found.dailyTo.length = 0;
  const surveys = signals.surveys;
  for (const measure of tier.measures) {
    switch (measure.kind) {
      case 'nps':
      case 'csat':
      case 'ces': {
        if (!surveys) break;
        const type = measure.kind.toUpperCase();
        for (const survey of surveys) {
          if (survey.type !== type) continue;
          const day = dayOf(survey.date);
          addDay(day, asOfDay);
          addDay(day + measure.windowDays, asOfDay);
        }
        break;
      }
      case 'sentiment':
        if (signals.csmSentiment) {
          const day = dayOf(signals.csmSentiment.date);
          addDay(day, asOfDay);
          addDay(day + measure.windowDays, asOfDay);
        }
        break;
      case 'timeToFirstValue':
        if (signals.onboardingStarted) {
          const start = dayOf(signals.onboardingStarted);
          const end = start + measure.windowDays;
          const reached = signals.firstValueAt ? dayOf(signals.firstValueAt) : Infinity;
          addDay(start, asOfDay);
          addDay(end + 1, asOfDay);
          if (reached <= end) addDay(reached, asOfDay);
          // Until it is reached, the days since the start count up every day.
          addLinearStretch(start, measure, 1, start, Math.min(end, reached - 1));
        }
        break;
      case 'cadence': {
        const since = signals.lastTouchpointAt ?? signals.contractStart;
        if (since && tier.interval > 0) addLinearStretch(dayOf(since), measure, tier.interval);
        break;
      }
    }
  }
  if (signals.previousScores)
    for (const previous of signals.previousScores)
      addDay(dayOf(previous.date) + model.trend.days, asOfDay);
  found.days.sort(ascending);
}

/**
 * The earliest day after asOf on which the account's score, status, coverage or trend can
 * differ from asOf's with no new data, or null when nothing in its signals ages. Exact
 * where it says a later day (every day before it was scored or lies between two days where
 * no measure changes); after a few probes it settles for the next candidate, which is early.
 */
export function nextChangeDay(
  signals: AccountSignals,
  model: BatonModel,
  asOf: string,
  scoredOnAsOf?: KeyedResult
): number | null {
  const asOfDay = dayOf(asOf);
  findBreakpoints(signals, model, asOfDay);
  const { days, dailyFrom, dailyTo } = found;
  // A caller that has just scored the account passes the result instead of scoring it again.
  const key = scoredOnAsOf ? resultKey(scoredOnAsOf) : resultKeyOn(signals, model, asOfDay);
  let next = 0;
  let day = asOfDay;
  for (let probes = 0; ; probes++) {
    while (next < days.length && days[next] <= day) next++;
    let candidate = next < days.length ? days[next] : Infinity;
    for (let r = 0; r < dailyFrom.length; r++)
      if (day + 1 <= dailyTo[r]) candidate = Math.min(candidate, Math.max(dailyFrom[r], day + 1));
    if (candidate === Infinity) return null;
    if (probes >= MAX_PROBES) return candidate;
    if (resultKeyOn(signals, model, candidate) !== key) return candidate;
    day = candidate;
  }
}
