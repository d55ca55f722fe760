// Builds what the health panel renders from the Account's fields and getHealth's answer.
// Pure, so every state can be reasoned about apart from the component's wiring.
import { LABELS } from './labels';
import {
  bandOf,
  format,
  formatDate,
  measureLabel,
  quadrantLabel,
  statusInfo,
  tierLabel,
  touchpointInfo,
  trendInfo
} from './healthFormat';

function parseBreakdown(json) {
  if (!json) {
    return null;
  }
  try {
    return JSON.parse(json);
  } catch {
    // A damaged breakdown must not hide the score; the panel shows what it can.
    return null;
  }
}

function driverSentences(breakdown) {
  if (!breakdown) {
    return [];
  }
  const localised = LABELS.language === 'fi' ? breakdown.driversFi : breakdown.drivers;
  return (localised || breakdown.drivers || [])
    .slice(0, 3)
    .map((text, index) => ({ key: `d${index}`, text }));
}

function round1(value) {
  return value === null || value === undefined
    ? LABELS.noData
    : String(Math.round(value * 10) / 10);
}

function measureRows(breakdown) {
  return ((breakdown && breakdown.measures) || []).map((measure) => ({
    key: measure.key || measure.name,
    label: measureLabel(measure),
    value: measure.displayValue || round1(measure.value),
    score: round1(measure.score),
    weight: String(measure.weight),
    pointsLost: round1(measure.pointsLost)
  }));
}

function surveyRows(surveys) {
  return ['NPS', 'CSAT', 'CES'].map((type) => {
    const answer = (surveys || []).find((survey) => survey.surveyType === type);
    return {
      key: type,
      type,
      text: answer ? `${answer.score} (${formatDate(answer.respondedOn)})` : LABELS.noData
    };
  });
}

function overrideOf(fields, today) {
  const active =
    Boolean(fields.override) && (!fields.overrideUntil || !today || fields.overrideUntil >= today);
  if (!active) {
    return null;
  }
  return {
    status: fields.override,
    text: format(
      LABELS.overrideSummary,
      statusInfo(fields.override).label,
      formatDate(fields.overrideUntil),
      fields.overrideReason
    )
  };
}

/**
 * @param fields plain Account values (see accountHealthPanel FIELDS)
 * @param health getHealth's answer: snapshots (newest first), breakdown JSON, surveys, canOverride, serverDate
 */
export function buildView(fields, health) {
  const snapshots = health.snapshots || [];
  const breakdown = parseBreakdown(health.breakdown);
  const neverScored = !fields.scoredAt && snapshots.length === 0;
  const computedStatus =
    (breakdown && breakdown.status) || (snapshots[0] && snapshots[0].status) || fields.status;
  const override = overrideOf(fields, health.serverDate);
  const shownStatus = override ? override.status : computedStatus || bandOf(fields.score);
  const used = breakdown ? breakdown.measuresUsed : null;
  const applicable = breakdown ? breakdown.measuresApplicable : null;
  const suggestedDiffers = Boolean(fields.suggestedTier) && fields.suggestedTier !== fields.tier;
  return {
    neverScored,
    insufficient: computedStatus === 'Insufficient data' && !override,
    score: fields.score,
    status: statusInfo(shownStatus),
    override,
    computedText: override
      ? format(LABELS.computedScore, fields.score, statusInfo(computedStatus).label)
      : null,
    trend: trendInfo(fields.trend),
    history: snapshots
      .map((snapshot) => snapshot.score)
      .filter((score) => score !== null && score !== undefined)
      .reverse(),
    coverageText:
      used === null || used === undefined ? null : format(LABELS.coverageText, used, applicable),
    drivers: driverSentences(breakdown),
    measures: measureRows(breakdown),
    quadrant: quadrantLabel(breakdown && breakdown.quadrant),
    tier: tierLabel(fields.tier),
    suggestedTier: suggestedDiffers
      ? format(LABELS.suggestedTier, tierLabel(fields.suggestedTier))
      : null,
    touchpoint: touchpointInfo(fields.nextTouchpointDue, health.serverDate),
    surveys: surveyRows(health.surveys),
    scoredAt: fields.scoredAt ? format(LABELS.scoredAt, formatDate(fields.scoredAt)) : null,
    canOverride: Boolean(health.canOverride)
  };
}
