import { z } from 'zod';

/**
 * The five custom metadata types as zod schemas over one record's field values, the same
 * shape whether the record came from a `.md-meta.xml` file or an org query (DeveloperName,
 * MasterLabel and the custom fields). Blank fields are null; rules live in the model checks.
 */
export const TIERS = ['High', 'Low', 'Tech'] as const;
export type Tier = (typeof TIERS)[number];

export const MEASURE_KINDS = [
  'licenseUtilisation',
  'activityTrend',
  'timeToFirstValue',
  'nps',
  'csat',
  'ces',
  'cadence',
  'support',
  'billing',
  'sentiment'
] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

const num = z.number().finite().nullish();
const text = z.string().nullish();
const flag = z.boolean().nullish();
const base = { DeveloperName: z.string().min(1), MasterLabel: z.string().nullish() };

export const touchTierRuleRecord = z.object({
  ...base,
  Tier__c: z.enum(TIERS),
  Priority__c: z.number().finite(),
  Min_ARR__c: num,
  Max_ARR__c: num,
  Min_Growth_Potential__c: num,
  Strategic__c: z.enum(['Yes', 'No', 'Any']).nullish()
});

export const healthMeasureRecord = z.object({
  ...base,
  Kind__c: z.enum(MEASURE_KINDS),
  Group__c: z.enum(['Outcome', 'Experience', 'Relationship']),
  Label_Fi__c: text,
  Weight__c: z.number().finite().min(0, 'must be zero or more'),
  Full_At__c: num,
  Zero_At__c: num,
  Steps__c: text,
  Window_Days__c: z.number().int().min(0).nullish(),
  Excluded_Tiers__c: text,
  Order__c: num,
  Active__c: flag
});

export const healthBandRecord = z.object({
  ...base,
  Kind__c: z.enum(['Status', 'Coverage', 'Trend', 'Quadrant', 'Override']),
  Status__c: text,
  Min_Value__c: num,
  Max_Value__c: num,
  Days__c: z.number().int().min(0).nullish()
});

export const tierCadenceRecord = z.object({
  ...base,
  Tier__c: z.enum(TIERS),
  Onboarding_Model__c: text,
  Onboarding_Model_Fi__c: text,
  First_Contact_Kind__c: z.string().regex(/^[a-z][a-z0-9-]*$/, 'use a lower-case key like kickoff'),
  First_Contact_From__c: z.enum(['Acceptance', 'ContractStart']),
  First_Contact_Days__c: z.number().int().min(0),
  Meeting_Interval_Days__c: z.number().int().min(1).nullish(),
  Success_Check_Days__c: z.number().int().min(0).nullish(),
  Goal_Review_Days__c: z.number().int().min(0).nullish(),
  Survey_Days__c: z.number().int().min(0).nullish(),
  Automated__c: flag,
  Response_Business_Days__c: z.number().int().min(0)
});

export const handoverRequirementRecord = z.object({
  ...base,
  Field__c: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'not a field API name'),
  Tiers__c: z
    .string()
    .refine(
      (value) =>
        value.split(';').every((tier) => (TIERS as readonly string[]).includes(tier.trim())),
      'use High, Low, Tech separated by ;'
    ),
  Min_Entries__c: z.number().int().min(1).nullish(),
  Order__c: num,
  Trial__c: z.boolean().nullish()
});

export const RECORD_SCHEMAS = {
  Touch_Tier_Rule__mdt: touchTierRuleRecord,
  Health_Measure__mdt: healthMeasureRecord,
  Health_Band__mdt: healthBandRecord,
  Tier_Cadence__mdt: tierCadenceRecord,
  Handover_Requirement__mdt: handoverRequirementRecord
};
export type MdtType = keyof typeof RECORD_SCHEMAS;
export const MDT_TYPES = Object.keys(RECORD_SCHEMAS) as MdtType[];

/** Raw records per type: rows of an org query or the values of the XML files. */
export type ModelRecords = Partial<Record<MdtType, Record<string, unknown>[]>>;

export type TouchTierRuleRecord = z.infer<typeof touchTierRuleRecord>;
export type HealthMeasureRecord = z.infer<typeof healthMeasureRecord>;
export type HealthBandRecord = z.infer<typeof healthBandRecord>;
export type TierCadenceRecord = z.infer<typeof tierCadenceRecord>;
export type HandoverRequirementRecord = z.infer<typeof handoverRequirementRecord>;
