import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { TIERS } from '../../core/config/records';
import { salesforceIdSchema } from '../../core/ids';

/**
 * The boundary of the handover twin: the parameters of each HandoverController method (as
 * the preview and the CLI send them) and the Handover__c fields a caller may set. Types are
 * inferred from these schemas.
 */

const id = salesforceIdSchema();
const FIELDS_DIR = join(__dirname, '../../../force-app/main/default/objects/Handover__c/fields');

/**
 * Each Handover__c text field's `<length>`, read from the object metadata the org deploys, so
 * the twin refuses what the org would refuse, with the field's own limit (one source).
 */
export const HANDOVER_FIELD_LENGTHS: Record<string, number> = Object.fromEntries(
  readdirSync(FIELDS_DIR).flatMap((file) => {
    const length = /<length>(\d+)<\/length>/.exec(readFileSync(join(FIELDS_DIR, file), 'utf8'));
    return length ? [[file.replace('.field-meta.xml', ''), Number(length[1])]] : [];
  })
);

const text = (field: string) => {
  const length = HANDOVER_FIELD_LENGTHS[field];
  return (length ? z.string().max(length, `at most ${length} characters`) : z.string())
    .nullable()
    .optional();
};
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .nullable()
  .optional();
const pick = <T extends Readonly<[string, ...string[]]>>(values: T) =>
  z.enum(values).nullable().optional();

/** The fields a seller edits. Status, timestamps and the feed id are never accepted. */
export const EditableHandoverSchema = z.object({
  Seller__c: id.nullable().optional(),
  Account_Manager__c: id.nullable().optional(),
  Opportunity__c: id.nullable().optional(),
  Contract_Start__c: date,
  What_Was_Sold__c: text('What_Was_Sold__c'),
  License_Tier__c: pick(['Gold', 'Silver', 'Bronze']),
  ARR__c: z.number().nonnegative().nullable().optional(),
  Primary_Contact__c: id.nullable().optional(),
  Secondary_Contacts__c: text('Secondary_Contacts__c'),
  Success_Criteria__c: text('Success_Criteria__c'),
  First_Year_Goal__c: text('First_Year_Goal__c'),
  Why_They_Bought__c: text('Why_They_Bought__c'),
  Value_Type__c: text('Value_Type__c'),
  Promises__c: text('Promises__c'),
  Technical_Needs__c: text('Technical_Needs__c'),
  Risks__c: text('Risks__c'),
  Fit__c: pick(['Good', 'Stretch', 'Bad']),
  Decision_Makers__c: text('Decision_Makers__c'),
  Competitors__c: text('Competitors__c'),
  Meeting_Practices__c: text('Meeting_Practices__c'),
  Account_Manager_Notes__c: text('Account_Manager_Notes__c'),
  Proposed_Touch_Tier__c: pick(TIERS),
  Onboarding_Model__c: text('Onboarding_Model__c')
});
export type EditableHandover = z.infer<typeof EditableHandoverSchema>;
export const EDITABLE_FIELDS = Object.keys(
  EditableHandoverSchema.shape
) as (keyof EditableHandover)[];

/** saveDraft's record: an Id to update, or an Account__c for a new draft. Unknown keys drop. */
export const DraftInputSchema = EditableHandoverSchema.extend({
  Id: id.optional(),
  Account__c: id.optional()
}).refine((draft) => draft.Id || draft.Account__c, {
  message: 'Account__c is required for a new handover',
  path: ['Account__c']
});
export type DraftInput = z.infer<typeof DraftInputSchema>;

export const GetContextParams = z.object({ recordId: id });
/** The LastModifiedDate the panel read: a save refuses a record changed since (RECORD_CHANGED). */
const lastModified = z.string().datetime({ offset: true }).nullable().optional();
export const SaveDraftParams = z.object({ handover: DraftInputSchema, lastModified });
export const SubmitParams = z.object({ handoverId: id, lastModified });
export const HandoverIdParams = z.object({ handoverId: id });
export const ReturnParams = z.object({ handoverId: id, reason: z.string().nullable().optional() });

export const STATUSES = ['Draft', 'Submitted', 'Accepted', 'Returned'] as const;
export type HandoverStatus = (typeof STATUSES)[number];

/** A Handover__c row as the twin reads it back (all fields the flow uses). */
export type HandoverRow = EditableHandover & {
  Id: string;
  Name: string;
  Account__c: string;
  Status__c: HandoverStatus;
  Return_Reason__c?: string | null;
  Submitted_At__c?: string | null;
  Accepted_At__c?: string | null;
  Returned_At__c?: string | null;
  Feed_Element_Id__c?: string | null;
  /** The seller was the account manager: submitting completed it. */
  Completed_On_Submit__c?: boolean | null;
  /** A trial's lighter handover: only the trial requirements apply. */
  Trial__c?: boolean | null;
  LastModifiedDate?: string | null;
  /** JSON: each field drafted from the won deal and its source (Opportunity.Amount, ...). */
  Prefill_Sources__c?: string | null;
  Account__r?: { Name: string } | null;
};
