// Builds what the health panel renders from the Account's fields and getHealth's answer.
// Pure, so every state can be reasoned about apart from the component's wiring.
import { parseModelRecords, readBreakdown } from 'c/batonCore';
import { LABELS } from './labels';
import {
  format,
  formatDate,
  formatNumber,
  measureLabel,
  measureValue,
  quadrantLabel,
  quadrantRows,
  statusInfo,
  tierLabel,
  touchpointInfo,
  trendInfo
} from './healthFormat';

const modelsByRecords = new WeakMap();

/** The model (measures with labels in both languages, trend days), parsed once per answer. */
function modelOf(modelRecords) {
  if (!modelRecords) {
    return null;
  }
  if (!modelsByRecords.has(modelRecords)) {
    let model = null;
    try {
      model = parseModelRecords(modelRecords);
    } catch {
      // Invalid records must not hide the score: drivers then name a measure by its kind.
    }
    modelsByRecords.set(modelRecords, model);
  }
  return modelsByRecords.get(modelRecords);
}

function modelMeasures(modelRecords) {
  const model = modelOf(modelRecords);
  return model ? model.measures : [];
}

/**
 * The stored breakdown (version 1 or the compact 2) in one shape, by the core's readBreakdown
 * (c/batonCore): drivers are said in English and Finnish by the core's own wording. Null when
 * missing or damaged, which must not hide the score; the panel shows what it can.
 */
function parseBreakdown(health) {
  return readBreakdown(health.breakdown, modelMeasures(health.modelRecords));
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
  return value === null || value === undefined ? LABELS.noData : formatNumber(value);
}

function measureRows(breakdown) {
  return ((breakdown && breakdown.measures) || []).map((measure) => ({
    key: measure.key || measure.name,
    label: measureLabel(measure),
    value: measureValue(measure),
    score: round1(measure.score),
    weight: formatNumber(measure.weight, 2),
    pointsLost: round1(measure.pointsLost)
  }));
}

// Each survey's type, its name on screen and the top of its answer scale (NPS 0–10, CSAT 1–5,
// CES 1–7, as the core reads them), so "3" is never read without knowing "of what".
const SURVEY_TYPES = [
  ['NPS', LABELS.measureNps, 10],
  ['CSAT', LABELS.measureCsat, 5],
  ['CES', LABELS.measureCes, 7]
];

/** The latest answer of each survey type; label and value are separate cells, never one string. */
function surveyRows(surveys) {
  return SURVEY_TYPES.map(([type, label, top]) => {
    const answer = (surveys || []).find((survey) => survey.surveyType === type);
    return {
      labelKey: `${type}-label`,
      valueKey: `${type}-value`,
      label,
      text: answer
        ? format(
            LABELS.surveyAnswer,
            formatNumber(answer.score),
            top,
            formatDate(answer.respondedOn)
          )
        : LABELS.noData
    };
  });
}

const DAY_MS = 86400000;
const dayOf = (isoDateTime) => (isoDateTime ? String(isoDateTime).slice(0, 10) : null);
const daysBetween = (from, to) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/**
 * The score history on a time axis, oldest first: one point per snapshot, dated by its day.
 * A snapshot is written only when something changed, so each score holds until the next.
 */
function historyPoints(snapshots) {
  return snapshots
    .map((snapshot) => ({
      day: dayOf(snapshot.computedAt),
      score: snapshot.score === undefined ? null : snapshot.score
    }))
    .filter((point) => point.day)
    .reverse();
}

/**
 * The days the stored trend spans: from the snapshot the core compared with (the newest one
 * at least the model's trend days before the score's day, Health_Band__mdt) to the score's
 * day; the model's trend days when that snapshot is not in the history; null when unknown.
 */
function trendPeriodDays(points, scoredDay, trendDays) {
  if (!scoredDay || typeof trendDays !== 'number') {
    return null;
  }
  let baseline = null;
  for (const point of points) {
    if (point.score !== null && daysBetween(point.day, scoredDay) >= trendDays) {
      baseline = point.day;
    }
  }
  return baseline ? daysBetween(baseline, scoredDay) : trendDays;
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
 * @param health getHealth's answer: snapshots (newest first), breakdown JSON, surveys, canOverride,
 *   serverDate, and modelRecords (the custom metadata records, for the breakdown's labels)
 */
export function buildView(fields, health) {
  const snapshots = health.snapshots || [];
  const breakdown = parseBreakdown(health);
  const neverScored = !fields.scoredAt && snapshots.length === 0;
  // The status the recompute stored (its band from Health_Band__mdt); never re-banded here.
  const computedStatus =
    (breakdown && breakdown.status) || (snapshots[0] && snapshots[0].status) || fields.status;
  const override = overrideOf(fields, health.serverDate);
  const shownStatus = override ? override.status : computedStatus;
  const used = breakdown ? breakdown.measuresUsed : null;
  const applicable = breakdown ? breakdown.measuresApplicable : null;
  const points = historyPoints(snapshots);
  const model = modelOf(health.modelRecords);
  const scoredDay =
    dayOf(fields.scoredAt) || (points.length ? points[points.length - 1].day : null);
  // The line runs from the oldest snapshot to today, where the latest score still holds.
  const historyFrom = points.length ? points[0].day : null;
  const historyTo = health.serverDate || scoredDay;
  const hasLine =
    points.some((point) => point.score !== null) &&
    Boolean(historyFrom && historyTo) &&
    historyTo > historyFrom;
  const suggestedDiffers = Boolean(fields.suggestedTier) && fields.suggestedTier !== fields.tier;
  // A score resting on too little data is no number, even where an older run stored one.
  const reliable = computedStatus !== 'Insufficient data';
  return {
    neverScored,
    insufficient: !reliable && !override,
    score: reliable ? fields.score : null,
    status: statusInfo(shownStatus),
    override,
    computedText: override
      ? format(
          LABELS.computedScore,
          reliable ? fields.score : '–',
          statusInfo(computedStatus).label
        )
      : null,
    trend: trendInfo(
      reliable ? fields.trend : null,
      breakdown && breakdown.trendDirection,
      trendPeriodDays(points, scoredDay, model && model.trend ? model.trend.days : null)
    ),
    history: points,
    historyFrom,
    historyTo,
    // A line needs time to run; the caption says to sighted readers when it starts.
    historyCaption: hasLine ? format(LABELS.historyCaption, formatDate(historyFrom)) : null,
    historyText: hasLine
      ? format(
          LABELS.sparkline,
          points
            .filter((point) => point.score !== null)
            .map((point) => format(LABELS.historyPoint, point.score, formatDate(point.day)))
            .join(', ')
        )
      : null,
    coverageText:
      used === null || used === undefined ? null : format(LABELS.coverageText, used, applicable),
    drivers: driverSentences(breakdown),
    measures: measureRows(breakdown),
    quadrant: quadrantLabel(breakdown && breakdown.quadrant),
    quadrantRows: quadrantRows(breakdown && breakdown.quadrant),
    tier: tierLabel(fields.tier),
    suggestedTier: suggestedDiffers
      ? format(LABELS.suggestedTier, tierLabel(fields.suggestedTier))
      : null,
    touchpoint: touchpointInfo(fields.nextTouchpointDue, health.serverDate),
    surveys: surveyRows(health.surveys),
    scoredAt: fields.scoredAt ? format(LABELS.scoredAt, formatDate(fields.scoredAt)) : null,
    // The override's choices: the Status bands of Health_Band__mdt, best first.
    overrideStatuses: model
      ? model.bands.map((band) => ({ label: statusInfo(band.status).label, value: band.status }))
      : [],
    canOverride: Boolean(health.canOverride),
    // The Override band's days (Health_Band__mdt), the expiry the server gives a blank date.
    overrideDays: model ? model.overrideDays : null
  };
}
