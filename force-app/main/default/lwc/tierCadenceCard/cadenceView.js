import { LABELS } from './labels';

const DAY_MS = 86400000;

/** Replaces {0}, {1}… in a label, as Salesforce's label format does. */
export function format(label, ...values) {
  return String(label).replace(/\{(\d+)\}/g, (match, index) => {
    return values[index] === undefined ? match : String(values[index]);
  });
}

function money(value) {
  return `${Math.round(value)
    .toLocaleString('fi-FI')
    .replace(/\u00a0/g, ' ')} €`;
}

/** Why the suggestion is what it is: the inputs of the tier rules (ARR = MRR × 12). */
export function suggestionReason(fields) {
  const arr = fields.mrr === null || fields.mrr === undefined ? null : fields.mrr * 12;
  const parts = [format(LABELS.reason, arr === null ? '–' : money(arr), fields.potential ?? '–')];
  if (fields.strategic) parts.push(LABELS.strategic);
  return parts.join(' · ');
}

const days = (from, to) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/**
 * The card's view from the Account fields (Lightning Data Service) and getCadence (Apex):
 * effective tier, suggestion and its reason, the override, the onboarding model (agreed in
 * the handover, else the tier's default from Tier_Cadence__mdt), first value, and the next
 * touchpoints.
 */
export function buildView(fields, cadence) {
  const tier = fields.tier || null;
  const overridden = Boolean(fields.overrideReason);
  const agreed = cadence.onboardingModel;
  return {
    tierLabel: tier ? LABELS.tiers[tier] || tier : LABELS.noTier,
    hasTier: Boolean(tier),
    suggestedLabel: fields.suggestedTier ? LABELS.tiers[fields.suggestedTier] : null,
    suggestionDiffers: Boolean(fields.suggestedTier) && fields.suggestedTier !== tier,
    reason: suggestionReason(fields),
    overridden,
    overrideText: overridden ? format(LABELS.overridden, fields.overrideReason) : null,
    model: agreed || cadence.tierOnboardingModel || null,
    modelSource: agreed ? LABELS.modelAgreed : null,
    firstValue: fields.firstValueAt
      ? fields.firstValueAt
      : fields.onboardingStarted
        ? format(LABELS.noFirstValue, days(fields.onboardingStarted, cadence.serverDate))
        : null,
    overdue: cadence.overdue,
    touchpoints: cadence.touchpoints.map((touchpoint) => ({
      ...touchpoint,
      rowClass: touchpoint.overdue ? 'touchpoint slds-text-color_error' : 'touchpoint'
    })),
    hasTouchpoints: cadence.touchpoints.length > 0,
    canOverride: cadence.canOverride
  };
}
