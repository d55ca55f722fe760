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
 * The days on which a linear measure of the days since `origin` (in units of `unit` days)
 * can score differently from the day before: the score is flat outside fullAt and zeroAt.
 */
function linearStretch(origin: number, measure: Measure, unit: number): [number, number] {
  const low = Math.min(measure.fullAt, measure.zeroAt) * unit;
  const high = Math.max(measure.fullAt, measure.zeroAt) * unit;
  return [Math.floor(origin + low), Math.ceil(origin + high)];
}

/**
 * The days after asOfDay where some measure's piece can change: a survey or the sentiment
 * entering or leaving its window, first value starting, being reached or ending, the
 * meeting cadence starting to lose points, the trend's baseline moving to a newer score.
 * `daily` holds the ranges [from, to] where a measure moves every day (a linear stretch).
 */
function breakpoints(signals: AccountSignals, model: BatonModel, asOfDay: number) {
  const tier = planOf(model).tiers[signals.touchTier ?? 'none'] ?? planOf(model).tiers.none;
  const days: number[] = [];
  const daily: [number, number][] = [];
  const at = (day: number) => {
    if (day > asOfDay) days.push(day);
  };
  const surveys = signals.surveys ?? [];
  for (const measure of tier.measures) {
    switch (measure.kind) {
      case 'nps':
      case 'csat':
      case 'ces': {
        const type = measure.kind.toUpperCase();
        for (const survey of surveys) {
          if (survey.type !== type) continue;
          const day = dayOf(survey.date);
          at(day);
          at(day + measure.windowDays);
        }
        break;
      }
      case 'sentiment':
        if (signals.csmSentiment) {
          const day = dayOf(signals.csmSentiment.date);
          at(day);
          at(day + measure.windowDays);
        }
        break;
      case 'timeToFirstValue':
        if (signals.onboardingStarted) {
          const start = dayOf(signals.onboardingStarted);
          const end = start + measure.windowDays;
          const reached = signals.firstValueAt ? dayOf(signals.firstValueAt) : Infinity;
          at(start);
          at(end + 1);
          if (reached <= end) at(reached);
          // Until it is reached, the days since the start count up every day.
          const [from, to] = linearStretch(start, measure, 1);
          daily.push([Math.max(start, from), Math.min(end, reached - 1, to)]);
        }
        break;
      case 'cadence': {
        const since = signals.lastTouchpointAt ?? signals.contractStart;
        if (since && tier.interval > 0)
          daily.push(linearStretch(dayOf(since), measure, tier.interval));
        break;
      }
    }
  }
  for (const previous of signals.previousScores ?? []) at(dayOf(previous.date) + model.trend.days);
  return { days: days.sort((a, b) => a - b), daily };
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
  const { days, daily } = breakpoints(signals, model, asOfDay);
  // A caller that has just scored the account passes the result instead of scoring it again.
  const key = scoredOnAsOf ? resultKey(scoredOnAsOf) : resultKeyOn(signals, model, asOfDay);
  let next = 0;
  let day = asOfDay;
  for (let probes = 0; ; probes++) {
    while (next < days.length && days[next] <= day) next++;
    let candidate = next < days.length ? days[next] : Infinity;
    for (const [from, to] of daily)
      if (day + 1 <= to) candidate = Math.min(candidate, Math.max(from, day + 1));
    if (candidate === Infinity) return null;
    if (probes >= MAX_PROBES) return candidate;
    if (resultKeyOn(signals, model, candidate) !== key) return candidate;
    day = candidate;
  }
}
