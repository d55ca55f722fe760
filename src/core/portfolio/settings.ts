import { z } from 'zod';
import { modelError, parseMdtRows } from '../config/modelError';

/**
 * The portfolio's configuration, from three custom metadata types an admin edits:
 * Portfolio_Setting__mdt (one record, `Default`: weights, the high-value share, the
 * high-potential threshold, an account manager's yearly capacity), Value_Band__mdt (revenue →
 * volume score) and Touchpoint_Effort__mdt (hours per touchpoint kind). Kept apart from the
 * BatonModel so the handover panel's bundle and its Apex contract stay as they are.
 */
const base = { DeveloperName: z.string().min(1), MasterLabel: z.string().nullish() };
const score = z.number().int().min(1).max(5);

export const portfolioSettingRecord = z.object({
  ...base,
  Volume_Weight__c: z.number().min(0),
  Profitability_Weight__c: z.number().min(0),
  Reference_Weight__c: z.number().min(0),
  High_Value_Share__c: z.number().gt(0).max(100),
  High_Potential_From__c: score,
  Capacity_Hours__c: z.number().gt(0)
});

export const valueBandRecord = z.object({
  ...base,
  Min_Revenue__c: z.number().min(0),
  Volume_Score__c: score
});

export const touchpointEffortRecord = z.object({
  ...base,
  Kind__c: z.string().regex(/^[a-z][a-z0-9-]*$/, 'use a lower-case key like kickoff'),
  Hours__c: z.number().min(0)
});

export const PORTFOLIO_SCHEMAS = {
  Portfolio_Setting__mdt: portfolioSettingRecord,
  Value_Band__mdt: valueBandRecord,
  Touchpoint_Effort__mdt: touchpointEffortRecord
};
export type PortfolioMdtType = keyof typeof PORTFOLIO_SCHEMAS;
export const PORTFOLIO_MDT_TYPES = Object.keys(PORTFOLIO_SCHEMAS) as PortfolioMdtType[];
export type PortfolioRecords = Partial<Record<PortfolioMdtType, Record<string, unknown>[]>>;

export interface PortfolioSettings {
  weights: { volume: number; profitability: number; reference: number };
  /** Percent of the book's current value that the high-value accounts together bring. */
  highValueShare: number;
  /** Potential at or above this is high. */
  highPotentialFrom: number;
  /** Hours a year one account manager has for planned touchpoints. */
  capacityHours: number;
  /** Revenue bands, highest first: the first whose minimum the revenue reaches gives the score. */
  volumeBands: { minRevenue: number; score: number }[];
  /** Hours per touchpoint kind; recurring meetings share the kind `recurring-meeting`. */
  hoursByKind: Record<string, number>;
}

const parse = <S extends z.ZodTypeAny>(
  type: PortfolioMdtType,
  rows: Record<string, unknown>[]
): z.infer<S>[] => parseMdtRows(type, PORTFOLIO_SCHEMAS[type], rows);

/** Validated settings; an invalid or missing record throws INVALID_MODEL naming it. */
export function parsePortfolioSettings(records: PortfolioRecords): PortfolioSettings {
  const settings = parse<typeof portfolioSettingRecord>(
    'Portfolio_Setting__mdt',
    records.Portfolio_Setting__mdt ?? []
  );
  const chosen = settings.find((row) => row.DeveloperName === 'Default') ?? settings[0];
  if (!chosen) throw modelError('Portfolio_Setting__mdt', 'Default', 'record', 'needs one record');
  const weights = {
    volume: chosen.Volume_Weight__c,
    profitability: chosen.Profitability_Weight__c,
    reference: chosen.Reference_Weight__c
  };
  if (Math.abs(weights.volume + weights.profitability + weights.reference - 1) > 1e-9)
    throw modelError(
      'Portfolio_Setting__mdt',
      chosen.DeveloperName,
      'Volume_Weight__c',
      'the three weights must add up to 1'
    );
  const bands = parse<typeof valueBandRecord>('Value_Band__mdt', records.Value_Band__mdt ?? [])
    .map((band) => ({ minRevenue: band.Min_Revenue__c, score: band.Volume_Score__c }))
    .sort((a, b) => b.minRevenue - a.minRevenue);
  if (!bands.some((band) => band.minRevenue === 0))
    throw modelError('Value_Band__mdt', '*', 'Min_Revenue__c', 'needs one band from 0');
  const efforts = parse<typeof touchpointEffortRecord>(
    'Touchpoint_Effort__mdt',
    records.Touchpoint_Effort__mdt ?? []
  );
  return {
    weights,
    highValueShare: chosen.High_Value_Share__c,
    highPotentialFrom: chosen.High_Potential_From__c,
    capacityHours: chosen.Capacity_Hours__c,
    volumeBands: bands,
    hoursByKind: Object.fromEntries(efforts.map((effort) => [effort.Kind__c, effort.Hours__c]))
  };
}
