import type { z } from 'zod';
import { BatonError } from '../errors';
import {
  MDT_TYPES,
  RECORD_SCHEMAS,
  TIERS,
  type HealthBandRecord,
  type HealthMeasureRecord,
  type MdtType,
  type MeasureKind,
  type ModelRecords,
  type Tier
} from './records';
import { parseMdtRows } from './modelError';
import { bandsOf, cadenceOf, measureOf, requirementsOf, tierRulesOf } from './modelParts';

export interface TierRule {
  name: string;
  label: string;
  tier: Tier;
  priority: number;
  minArr: number | null;
  maxArr: number | null;
  minGrowthPotential: number | null;
  strategic: 'Yes' | 'No' | 'Any';
}

export interface Measure {
  name: string;
  label: string;
  labelFi: string;
  kind: MeasureKind;
  group: 'Outcome' | 'Experience' | 'Relationship';
  weight: number;
  /** Linear kinds: the value scoring 100 and the value scoring 0. */
  fullAt: number;
  zeroAt: number;
  /** Numeric step kinds: ascending thresholds; the last holds for every larger value. */
  steps: { at: number; score: number }[];
  /** Sentiment: score per value. */
  categories: Record<string, number>;
  windowDays: number;
  excludedTiers: Tier[];
}

export interface Cadence {
  tier: Tier;
  onboardingModel: string;
  /** The onboarding model in Finnish (Onboarding_Model_Fi__c), the English one when blank. */
  onboardingModelFi: string;
  firstContactKind: string;
  firstContactFrom: 'Acceptance' | 'ContractStart';
  firstContactDays: number;
  meetingIntervalDays: number | null;
  successCheckDays: number | null;
  goalReviewDays: number | null;
  surveyDays: number | null;
  automated: boolean;
  responseBusinessDays: number;
}

export interface HandoverRequirement {
  name: string;
  field: string;
  label: string;
  tiers: Tier[];
  minEntries: number;
  /** Also required of a trial's lighter handover. */
  trial: boolean;
}

/** The validated configuration every rule of the core reads (never constants in code). */
export interface BatonModel {
  tierRules: TierRule[];
  measures: Measure[];
  /** Score bands, best first. */
  bands: { status: string; min: number; max: number }[];
  minCoverage: number;
  insufficientStatus: string;
  trend: { days: number; up: number; down: number };
  quadrantSplit: number;
  overrideDays: number;
  /** The longest an override may last, in days from the day it is set. */
  overrideMaxDays: number;
  cadence: Record<Tier, Cadence>;
  /** The same object as `cadence` (the name the API brief gives it). */
  cadences: Record<Tier, Cadence>;
  handoverRequirements: HandoverRequirement[];
}

/** The records of one type, each invalid value shown as it was given. */
const parseRecords = <S extends z.ZodTypeAny>(
  type: MdtType,
  schema: S,
  rows: Record<string, unknown>[]
): z.infer<S>[] => parseMdtRows(type, schema, rows, true);

/**
 * Validates custom metadata records (org rows or parsed XML) into a BatonModel. Any invalid
 * record throws a BatonError naming the type, record and field.
 */
export function parseModelRecords(records: ModelRecords): BatonModel {
  for (const key of Object.keys(records))
    if (!MDT_TYPES.includes(key as MdtType))
      throw new BatonError('INVALID_MODEL', `Unknown custom metadata type ${key}.`, key);
  const rows = (type: MdtType) => records[type] ?? [];
  const tierRules = parseRecords(
    'Touch_Tier_Rule__mdt',
    RECORD_SCHEMAS.Touch_Tier_Rule__mdt,
    rows('Touch_Tier_Rule__mdt')
  );
  const measures = parseRecords(
    'Health_Measure__mdt',
    RECORD_SCHEMAS.Health_Measure__mdt,
    rows('Health_Measure__mdt')
  ) as HealthMeasureRecord[];
  const bands = parseRecords(
    'Health_Band__mdt',
    RECORD_SCHEMAS.Health_Band__mdt,
    rows('Health_Band__mdt')
  ) as HealthBandRecord[];
  const cadence = cadenceOf(
    parseRecords('Tier_Cadence__mdt', RECORD_SCHEMAS.Tier_Cadence__mdt, rows('Tier_Cadence__mdt'))
  );
  const requirements = parseRecords(
    'Handover_Requirement__mdt',
    RECORD_SCHEMAS.Handover_Requirement__mdt,
    rows('Handover_Requirement__mdt')
  );
  return {
    tierRules: tierRulesOf(tierRules),
    measures: measures
      .filter((record) => record.Active__c !== false)
      .sort((a, b) => (a.Order__c ?? 0) - (b.Order__c ?? 0))
      .map(measureOf),
    ...bandsOf(bands),
    cadence,
    cadences: cadence,
    handoverRequirements: requirementsOf(requirements)
  };
}

export { TIERS };
