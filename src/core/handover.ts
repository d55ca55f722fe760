import type { BatonModel, HandoverRequirement } from './config/model';
import type { Tier } from './config/records';
import { addBusinessDays, dayOf, isoOfDay } from './dates';
import { BatonError, UserInputError } from './errors';

export const HANDOVER_STATUSES = ['Draft', 'Submitted', 'Accepted', 'Returned'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];
/** `save` is the services' older name for `saveDraft`; both keep a draft (or a returned one) as it is. */
export type HandoverAction = 'saveDraft' | 'save' | 'submit' | 'accept' | 'return';

/**
 * The Handover_Requirement__mdt records that apply to a tier, in display order; for a trial's
 * lighter handover (Handover__c.Trial__c) only those marked for trials.
 */
export function handoverRequirementsFor(
  tier: Tier,
  model: BatonModel,
  trial = false
): HandoverRequirement[] {
  return model.handoverRequirements.filter(
    (requirement) => requirement.tiers.includes(tier) && (!trial || requirement.trial)
  );
}

/** The Handover__c field API names a tier (a trial's, when `trial`) requires, in display order. */
export function requiredHandoverFields(tier: Tier, model: BatonModel, trial = false): string[] {
  return handoverRequirementsFor(tier, model, trial).map((requirement) => requirement.field);
}

/** Filled entries: non-blank lines of text ("none" is an answer), items of a list, else 1. */
export function filledEntries(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'string') return value.split('\n').filter((line) => line.trim()).length;
  if (Array.isArray(value)) return value.length;
  return 1;
}

export interface HandoverFieldError {
  field: string;
  label: string;
  minEntries: number;
  message: string;
}

/** Field-level problems of a handover for its tier (a trial's lighter set); empty when it may be submitted. */
export function validateHandover(
  handover: Record<string, unknown>,
  tier: Tier,
  model: BatonModel
): HandoverFieldError[] {
  return handoverRequirementsFor(tier, model, handover.Trial__c === true)
    .filter((requirement) => filledEntries(handover[requirement.field]) < requirement.minEntries)
    .map((requirement) => ({
      field: requirement.field,
      label: requirement.label,
      minEntries: requirement.minEntries,
      message:
        requirement.minEntries > 1
          ? `${requirement.label}: at least ${requirement.minEntries} needed, one per line`
          : `${requirement.label}: required for ${tier} touch`
    }));
}

const TRANSITIONS: Record<HandoverAction, Partial<Record<HandoverStatus, HandoverStatus>>> = {
  saveDraft: { Draft: 'Draft', Returned: 'Returned' },
  save: { Draft: 'Draft', Returned: 'Returned' },
  submit: { Draft: 'Submitted', Returned: 'Submitted' },
  accept: { Submitted: 'Accepted' },
  return: { Submitted: 'Returned' }
};

/** Draft → Submitted → Accepted | Returned (→ Submitted again). Illegal moves throw. */
export function handoverTransition(
  from: HandoverStatus,
  action: HandoverAction,
  options: { returnReason?: string | null } = {}
): HandoverStatus {
  const to = TRANSITIONS[action][from];
  if (!to)
    throw new BatonError(
      'ILLEGAL_TRANSITION',
      `Cannot ${action} a handover that is ${from}.`,
      'Status__c'
    );
  if (action === 'return' && !options.returnReason?.trim())
    throw new UserInputError(
      'Return_Reason__c: returning a handover needs a reason',
      'Return_Reason__c'
    );
  return to;
}

/** The default answer time, used when no tier's Tier_Cadence__mdt.Response_Business_Days__c is given. */
export const DEFAULT_RESPONSE_BUSINESS_DAYS = 2;

const responseDays = (tier?: Tier, model?: BatonModel) =>
  tier && model ? model.cadence[tier].responseBusinessDays : DEFAULT_RESPONSE_BUSINESS_DAYS;

/**
 * The last day (YYYY-MM-DD) the AM may answer: N business days (Mon–Fri) after the day of
 * submission, N from the tier's Tier_Cadence__mdt when tier and model are given, else 2. A
 * date-time counts by its UTC date, as Submitted_At__c is stored. Holidays are not known.
 */
export function responseDeadline(submittedAt: string, tier?: Tier, model?: BatonModel): string {
  const day = dayOf(submittedAt);
  if (Number.isNaN(day))
    throw new UserInputError(`Submitted_At__c: not a date: ${submittedAt}`, 'Submitted_At__c');
  return isoOfDay(addBusinessDays(day, responseDays(tier, model)));
}

/** Submitted and not answered by the end of the deadline day. */
export function isHandoverOverdue(
  handover: { status: string; submittedAt?: string | null },
  asOf: string,
  tier?: Tier,
  model?: BatonModel
): boolean {
  return (
    handover.status === 'Submitted' &&
    !!handover.submittedAt &&
    asOf.slice(0, 10) > responseDeadline(handover.submittedAt, tier, model)
  );
}
