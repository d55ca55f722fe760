import { LABELS } from './labels';
import { formatDate, formatMoney } from 'c/localeFormat';

const DAY_MS = 86400000;

/** Replaces {0}, {1}… in a label, as Salesforce's label format does. */
export function format(label, ...values) {
  return String(label).replace(/\{(\d+)\}/g, (match, index) => {
    return values[index] === undefined ? match : String(values[index]);
  });
}

/** Why the suggestion is what it is: the inputs of the tier rules (ARR = MRR × 12). */
export function suggestionReason(fields) {
  const arr = fields.mrr === null || fields.mrr === undefined ? null : fields.mrr * 12;
  const parts = [
    format(LABELS.reason, arr === null ? '–' : formatMoney(arr), fields.potential ?? '–')
  ];
  if (fields.strategic) parts.push(LABELS.strategic);
  return parts.join(' · ');
}

const days = (from, to) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/**
 * Time to first value: the days from onboarding start to First_Value_At__c, or, while it is
 * missing or still ahead, the days so far; against the onboarding target (the time-to-first-value measure's
 * Full_At__c, which the missed-first-value alert also uses), worded, not only coloured.
 */
export function firstValueView(fields, cadence) {
  const started = fields.onboardingStarted;
  const today = cadence.serverDate;
  // A date after today is a plan, not value reached.
  const reached =
    fields.firstValueAt && !(today && fields.firstValueAt > today) ? fields.firstValueAt : null;
  // Value reached before this onboarding started (an earlier one) is a date, not a duration.
  if (!started || (reached && reached < started)) {
    return {
      firstValue: formatDate(reached),
      firstValueLate: false,
      firstValueClass: 'first-value'
    };
  }
  const elapsed = Math.max(0, days(started, reached || today));
  const text = reached
    ? format(LABELS.timeToValue, formatDate(reached), elapsed)
    : format(LABELS.noFirstValue, elapsed);
  const target = cadence.firstValueTargetDays;
  const hasTarget = typeof target === 'number' && target > 0;
  const late = hasTarget && elapsed > target;
  const targetText = hasTarget
    ? format(late ? LABELS.firstValueLate : LABELS.firstValueTarget, target)
    : null;
  return {
    firstValue: targetText ? `${text} · ${targetText}` : text,
    firstValueLate: late,
    firstValueClass: late ? 'first-value slds-text-color_error' : 'first-value'
  };
}

/**
 * What the tier implies, in one line from its Tier_Cadence__mdt record (getCadence's rhythm):
 * the first touchpoint and from when, the checkpoints counted from the handover, and how often
 * the account manager meets the customer. Null without a record.
 */
export function rhythmText(rhythm) {
  if (!rhythm) {
    return null;
  }
  const name = LABELS.firstContactKinds[rhythm.firstContactKind] || rhythm.firstContactKind;
  const parts = [];
  if (name) {
    const first =
      !rhythm.firstContactDays && rhythm.firstContactFrom !== 'ContractStart'
        ? LABELS.cadenceFirstNow
        : rhythm.firstContactFrom === 'ContractStart'
          ? LABELS.cadenceFirstContract
          : LABELS.cadenceFirstHandover;
    parts.push(format(first, name, rhythm.firstContactDays || 0));
  }
  const checkpoints = [
    [rhythm.successCheckDays, LABELS.cadenceSuccessCheck],
    [rhythm.goalReviewDays, LABELS.cadenceGoalReview],
    [rhythm.surveyDays, LABELS.cadenceSurvey]
  ];
  for (const [after, label] of checkpoints) {
    if (after !== null && after !== undefined) {
      parts.push(format(label, after));
    }
  }
  parts.push(
    rhythm.meetingIntervalDays
      ? format(LABELS.cadenceMeetings, rhythm.meetingIntervalDays)
      : LABELS.cadenceNoMeetings
  );
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A touchpoint named in the reader's language by its kind; the days its name carries ("Success
 * check (60 days)") are the ones its Subject was planned with. An unknown kind keeps its Subject.
 */
export function touchpointName(touchpoint) {
  const label = LABELS.touchpointKinds[touchpoint.kind];
  if (!label) {
    return touchpoint.subject;
  }
  if (!label.includes('{0}')) {
    return label;
  }
  const planned = /\d+/.exec(touchpoint.subject || '');
  return planned ? format(label, planned[0]) : touchpoint.subject;
}

/**
 * The card's view from the Account fields (Lightning Data Service) and getCadence (Apex):
 * effective tier, suggestion and its reason, the override, the onboarding model (agreed in
 * the handover, else the tier's default from Tier_Cadence__mdt), time to first value against
 * the onboarding target, and the next touchpoints.
 */
export function buildView(fields, cadence) {
  const tier = fields.tier || null;
  const overridden = Boolean(fields.overrideReason);
  const finnish = LABELS.language === 'fi';
  const agreed = finnish
    ? cadence.onboardingModelFi || cadence.onboardingModel
    : cadence.onboardingModel;
  const tierModel = finnish
    ? cadence.tierOnboardingModelFi || cadence.tierOnboardingModel
    : cadence.tierOnboardingModel;
  return {
    tierLabel: tier ? LABELS.tiers[tier] || tier : LABELS.noTier,
    hasTier: Boolean(tier),
    suggestedLabel: fields.suggestedTier ? LABELS.tiers[fields.suggestedTier] : null,
    suggestionDiffers: Boolean(fields.suggestedTier) && fields.suggestedTier !== tier,
    reason: suggestionReason(fields),
    overridden,
    overrideText: overridden ? format(LABELS.overridden, fields.overrideReason) : null,
    rhythm: rhythmText(cadence.rhythm),
    model: agreed || tierModel || null,
    modelSource: agreed ? LABELS.modelAgreed : null,
    ...firstValueView(fields, cadence),
    overdue: cadence.overdue,
    touchpoints: cadence.touchpoints.map((touchpoint) => ({
      ...touchpoint,
      subject: touchpointName(touchpoint),
      rowClass: touchpoint.overdue ? 'touchpoint slds-text-color_error' : 'touchpoint'
    })),
    hasTouchpoints: cadence.touchpoints.length > 0,
    canOverride: cadence.canOverride
  };
}
