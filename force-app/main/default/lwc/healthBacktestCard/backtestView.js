import LOCALE from '@salesforce/i18n/locale';
import { format, formatDate } from 'c/localeFormat';
import { LABELS } from './labels';

// The latest backtest run in plain sentences, one paragraph per horizon.

const decimals = (value, digits, locale) =>
  new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits
  }).format(value);
const percent = (share, locale) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
const whole = (value, locale) => new Intl.NumberFormat(locale).format(value);

/** One horizon's sentences: how well the score ranked, the lift, what was counted. */
export function horizonSentences(horizon, locale = LOCALE) {
  const days = whole(horizon.horizonDays, locale);
  if (horizon.refused || horizon.auc === null || horizon.auc === undefined) {
    return [format(LABELS.refused, days, whole(horizon.bad, locale), whole(horizon.good, locale))];
  }
  const sentences = [
    format(
      LABELS.ranked,
      days,
      percent(horizon.auc, locale),
      decimals(horizon.auc, 2, locale),
      decimals(horizon.aucLow, 2, locale),
      decimals(horizon.aucHigh, 2, locale)
    )
  ];
  if (horizon.lift !== null && horizon.lift !== undefined)
    sentences.push(
      format(LABELS.lift, decimals(horizon.lift, 1, locale), percent(horizon.baseRate, locale))
    );
  sentences.push(
    format(
      LABELS.counts,
      whole(horizon.bad + horizon.good, locale),
      whole(horizon.bad, locale),
      whole(horizon.good, locale),
      whole(horizon.leftOut, locale)
    )
  );
  return sentences;
}

/** The card's rows: a key and its sentence joined, per horizon, and when the run was. */
export function backtestView(latest, locale = LOCALE) {
  return {
    runAt: format(LABELS.runAt, formatDate(latest.runAt, locale)),
    horizons: latest.horizons.map((horizon) => ({
      key: `h${horizon.horizonDays}`,
      text: horizonSentences(horizon, locale).join(' ')
    }))
  };
}
