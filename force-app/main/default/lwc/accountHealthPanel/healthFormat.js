// Small pure helpers for the health panel: label formatting, dates, status and trend words.
// No health rule lives here: bands and trend directions come stored with the data.
import { LABELS } from './labels';

/** Replaces {0}, {1}… in a Custom Label, as Salesforce's own label format does. */
export function format(label, ...values) {
  return label.replace(/\{(\d+)\}/g, (match, index) => {
    const value = values[Number(index)];
    return value === undefined || value === null ? '' : String(value);
  });
}

function locale() {
  return LABELS.language === 'fi' ? 'fi-FI' : 'en-US';
}

/** A number in the user's language (decimal comma in Finnish), one decimal unless told. */
export function formatNumber(value, decimals = 1) {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: decimals }).format(value);
}

/** Date-only values are calendar days, so they are formatted in UTC to never shift a day. */
export function formatDate(isoDate) {
  if (!isoDate) {
    return '';
  }
  const date = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  const options =
    isoDate.length === 10
      ? { dateStyle: 'medium', timeZone: 'UTC' }
      : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(locale(), options).format(date);
}

const STATUS = {
  Green: { label: LABELS.statusGreen, tone: 'green' },
  Yellow: { label: LABELS.statusYellow, tone: 'yellow' },
  Red: { label: LABELS.statusRed, tone: 'red' },
  'Insufficient data': { label: LABELS.statusInsufficientData, tone: 'grey' }
};

/** The status word and colour tone; the word is always shown, never the colour alone. */
export function statusInfo(status) {
  return STATUS[status] || { label: status || '', tone: 'grey' };
}

const TRENDS = {
  up: (trend, period) => ({
    text: format(LABELS.trendUp, trend, period),
    icon: 'utility:arrowup',
    direction: 'up'
  }),
  down: (trend, period) => ({
    text: format(LABELS.trendDown, Math.abs(trend), period),
    icon: 'utility:arrowdown',
    direction: 'down'
  }),
  flat: (trend, period) => ({
    text: format(LABELS.trendFlat, trend > 0 ? `+${trend}` : String(trend), period),
    icon: 'utility:forward',
    direction: 'flat'
  })
};

/** "in 5 weeks" when the days are whole weeks (two or more), else "in 33 days"; '' unknown. */
export function periodText(days) {
  if (days === null || days === undefined) {
    return '';
  }
  return days % 7 === 0 && days >= 14
    ? format(LABELS.periodWeeks, days / 7)
    : format(LABELS.periodDays, days);
}

/**
 * Trend word and arrow. The direction is the one the recompute stored in the breakdown (the
 * core's, by the Health_Band__mdt trend records), never re-derived here from thresholds: an
 * admin's change to the records reaches the words. No stored direction reads as no trend.
 * @param periodDays the days between the score and the snapshot it was compared with
 */
export function trendInfo(trend, direction, periodDays) {
  const known = Object.prototype.hasOwnProperty.call(TRENDS, direction);
  if (trend === null || trend === undefined || !known) {
    return { text: LABELS.trendNone, icon: 'utility:dash', direction: 'none' };
  }
  const info = TRENDS[direction](trend, periodText(periodDays));
  // Without a known period the label's gap closes up ("Steady (+2 points)").
  return { ...info, text: info.text.replace(/\s+\)/, ')').trim() };
}

const TIERS = { High: LABELS.tierHigh, Low: LABELS.tierLow, Tech: LABELS.tierTech };

export function tierLabel(tier) {
  return TIERS[tier] || tier || '';
}

/** Next touchpoint text; overdue when the due date is before today. */
export function touchpointInfo(due, today) {
  if (!due) {
    return { text: LABELS.touchpointNone, overdue: false };
  }
  const overdue = Boolean(today) && due < today;
  return {
    text: format(overdue ? LABELS.touchpointOverdue : LABELS.touchpointDue, formatDate(due)),
    overdue
  };
}

const QUADRANTS = {
  healthy: LABELS.quadrantHealthy,
  satisfiedNotSucceeding: LABELS.quadrantSilentChurn,
  succeedingUnhappy: LABELS.quadrantUnhappy,
  atRisk: LABELS.quadrantAtRisk
};

export function quadrantLabel(quadrant) {
  return QUADRANTS[quadrant] || '';
}

// The two axes as the core splits them: outcome (rows, succeeding first) by experience
// (columns, not satisfied first), so the healthy corner is top right as on a chart.
const QUADRANT_ROWS = [
  {
    key: 'succeeding',
    label: LABELS.axisSucceeding,
    cells: [
      ['succeedingUnhappy', LABELS.quadrantUnhappyShort],
      ['healthy', LABELS.quadrantHealthy]
    ]
  },
  {
    key: 'notSucceeding',
    label: LABELS.axisNotSucceeding,
    cells: [
      ['atRisk', LABELS.quadrantAtRisk],
      ['satisfiedNotSucceeding', LABELS.quadrantSilentChurnShort]
    ]
  }
];

/** The 2×2 grid's rows with this account's cell marked; the sentence beside it says the same. */
export function quadrantRows(quadrant) {
  return QUADRANT_ROWS.map((row) => ({
    key: row.key,
    label: row.label,
    cells: row.cells.map(([key, text]) => ({
      key,
      text,
      className: key === quadrant ? 'cell cell_current' : 'cell'
    }))
  }));
}

const MEASURES = {
  licenseUtilisation: LABELS.measureLicenseUtilisation,
  activityTrend: LABELS.measureActivityTrend,
  timeToFirstValue: LABELS.measureTimeToValue,
  nps: LABELS.measureNps,
  csat: LABELS.measureCsat,
  ces: LABELS.measureCes,
  cadence: LABELS.measureCadence,
  support: LABELS.measureSupport,
  billing: LABELS.measureBilling,
  sentiment: LABELS.measureSentiment
};

// How each default measure's value reads: shares as percentages, durations in days.
const PERCENT = new Set(['licenseUtilisation', 'activityTrend', 'csat']);
const DAYS = new Set(['timeToFirstValue', 'cadence']);

// The CSM's word (the CSM_Sentiment__c value the breakdown keeps), in the user's language.
const SENTIMENTS = {
  Positive: LABELS.sentimentPositive,
  Neutral: LABELS.sentimentNeutral,
  Negative: LABELS.sentimentNegative
};

/**
 * A measure's raw value in words a person reads: "55 %", "12 days", "31", "Neutral"; "No data"
 * when none. The sentiment's value is the word given, never its score (the Score column has that).
 */
export function measureValue(measure) {
  const value = measure.value;
  if (value === null || value === undefined) {
    return LABELS.noData;
  }
  if (typeof value === 'string') {
    return SENTIMENTS[value] || value;
  }
  if (PERCENT.has(measure.key)) {
    return new Intl.NumberFormat(locale(), { style: 'percent' }).format(value);
  }
  if (DAYS.has(measure.key)) {
    return format(LABELS.days, formatNumber(value));
  }
  return formatNumber(value);
}

/** Translated name of a default measure; a measure an admin added shows its own label. */
export function measureLabel(measure) {
  return MEASURES[measure.key] || measure.label || measure.name;
}
