import type { BatonModel, HandoverRequirement } from './config/model';
import type { Tier } from './config/records';
import { addBusinessDays, dayOf, isoOfDay } from './dates';
import { BatonError, UserInputError } from './errors';

export const HANDOVER_STATUSES = ['Draft', 'Submitted', 'Accepted', 'Returned'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];
export type HandoverAction = 'save' | 'submit' | 'accept' | 'return';

/** The Handover_Requirement__mdt records that apply to a tier, in display order. */
export function requiredHandoverFields(tier: Tier, model: BatonModel): HandoverRequirement[] {
  return model.handoverRequirements.filter((requirement) => requirement.tiers.includes(tier));
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

/** Field-level problems of a handover for its tier; empty when it may be submitted. */
export function validateHandover(
  handover: Record<string, unknown>,
  tier: Tier,
  model: BatonModel
): HandoverFieldError[] {
  return requiredHandoverFields(tier, model)
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

/** The last day the AM may answer: the tier's business days (Mon–Fri) after submission. */
export function responseDeadline(submittedAt: string, tier: Tier, model: BatonModel): string {
  return isoOfDay(addBusinessDays(dayOf(submittedAt), model.cadence[tier].responseBusinessDays));
}

/** Submitted and not answered by the end of the deadline day. */
export function isHandoverOverdue(
  handover: { status: string; submittedAt?: string | null },
  tier: Tier,
  asOf: string,
  model: BatonModel
): boolean {
  return (
    handover.status === 'Submitted' &&
    !!handover.submittedAt &&
    asOf.slice(0, 10) > responseDeadline(handover.submittedAt, tier, model)
  );
}
