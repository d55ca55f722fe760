import type { BatonModel } from '../config/model';
import { dayOf } from '../dates';
import { planOf } from './plan';
import { resultKeyOn, type HealthResult } from './score';
import type { AccountSignals } from './signals';

/**
 * What a recompute writes of a result (Account fields and the snapshot's decision): the
 * score, status, coverage as stored and trend. Two days with the same key write the same;
 * score.ts resultKeyOn says it without building the result.
 */
export const resultKey = (result: HealthResult) =>
  `${result.score}|${result.status}|${Math.round(result.coverage * 1000)}|${result.trend}`;

/** Days probed before the answer settles for the earliest one left (early is safe, late is not). */
const MAX_PROBES = 24;

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
          daily.push([start, Math.min(end, reached - 1)]);
        }
        break;
      case 'cadence': {
        const since = signals.lastTouchpointAt ?? signals.contractStart;
        if (since && tier.interval > 0) {
          const from = dayOf(since);
          // Linear between fullAt and zeroAt times the interval (days since the meeting).
          daily.push([
            Math.floor(from + measure.fullAt * tier.interval),
            Math.ceil(from + measure.zeroAt * tier.interval)
          ]);
        }
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
  asOf: string
): number | null {
  const asOfDay = dayOf(asOf);
  const { days, daily } = breakpoints(signals, model, asOfDay);
  const key = resultKeyOn(signals, model, asOfDay);
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
