// Small pure helpers for the health panel: label formatting, dates, status and trend words.
import { LABELS } from './labels';

/** Replaces {0}, {1}… in a Custom Label, as Salesforce's own label format does. */
export function format(label, ...values) {
  return label.replace(/\{(\d+)\}/g, (match, index) => {
    const value = values[Number(index)];
    return value === undefined || value === null ? '' : String(value);
  });
}

/** Date-only values are calendar days, so they are formatted in UTC to never shift a day. */
export function formatDate(isoDate) {
  if (!isoDate) {
    return '';
  }
  const locale = LABELS.language === 'fi' ? 'fi-FI' : 'en-US';
  const date = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  const options =
    isoDate.length === 10
      ? { dateStyle: 'medium', timeZone: 'UTC' }
      : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(locale, options).format(date);
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

/** Band of a score with the default bands; used only when a snapshot did not store its status. */
export function bandOf(score) {
  if (score === null || score === undefined) {
    return null;
  }
  if (score >= 70) {
    return 'Green';
  }
  return score >= 40 ? 'Yellow' : 'Red';
}

/** Trend word and arrow: up from +5, down from −5 (DESIGN §3). */
export function trendInfo(trend) {
  if (trend === null || trend === undefined) {
    return { text: LABELS.trendNone, icon: 'utility:dash', direction: 'none' };
  }
  if (trend >= 5) {
    return { text: format(LABELS.trendUp, trend), icon: 'utility:arrowup', direction: 'up' };
  }
  if (trend <= -5) {
    return {
      text: format(LABELS.trendDown, Math.abs(trend)),
      icon: 'utility:arrowdown',
      direction: 'down'
    };
  }
  const signed = trend > 0 ? `+${trend}` : String(trend);
  return { text: format(LABELS.trendFlat, signed), icon: 'utility:forward', direction: 'flat' };
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

/** Translated name of a default measure; a measure an admin added shows its own label. */
export function measureLabel(measure) {
  return MEASURES[measure.key] || measure.label || measure.name;
}
