import { UserInputError } from './errors';
import type { BatonModel, TierRule } from './config/model';
import type { Tier } from './config/records';
import { TIERS } from './config/records';

export interface TierInput {
  mrr: number;
  /** A handover's ARR (the deal's): when given, the suggestion follows it instead of MRR × 12. */
  arr?: number | null;
  growthPotential?: number | null;
  strategic?: boolean;
}

export interface TierSuggestion {
  arr: number;
  suggested: Tier;
  reason: string;
  /** DeveloperName of the Touch_Tier_Rule__mdt record that matched. */
  rule: string;
}

/** Thin spaces group thousands the same way in every language. */
const amount = (value: number) =>
  String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');

function matches(rule: TierRule, arr: number, growth: number, strategic: boolean): boolean {
  if (rule.strategic === 'Yes' && !strategic) return false;
  if (rule.strategic === 'No' && strategic) return false;
  if (rule.minArr !== null && !(arr >= rule.minArr)) return false;
  if (rule.maxArr !== null && !(arr < rule.maxArr)) return false;
  if (rule.minGrowthPotential !== null && !(growth >= rule.minGrowthPotential)) return false;
  return true;
}

function reasonOf(rule: TierRule, arr: number, growth: number): string {
  const parts: string[] = [];
  if (rule.strategic === 'Yes') parts.push('strategic account');
  if (rule.minArr !== null) parts.push(`ARR ${amount(arr)} ≥ ${amount(rule.minArr)}`);
  if (rule.maxArr !== null) parts.push(`ARR ${amount(arr)} < ${amount(rule.maxArr)}`);
  if (rule.minGrowthPotential !== null)
    parts.push(`growth potential ${growth} ≥ ${rule.minGrowthPotential}`);
  if (rule.strategic === 'No') parts.push('not strategic');
  if (parts.length === 0) return `${rule.label}: ARR ${amount(arr)}, no other rule applies`;
  const text = parts.join(' and ');
  return text[0].toUpperCase() + text.slice(1);
}

/** The suggested touch tier: the first Touch_Tier_Rule__mdt (by priority) that matches. */
export function suggestTier(input: TierInput, model: BatonModel): TierSuggestion {
  if (!Number.isFinite(input.mrr) || input.mrr < 0)
    throw new UserInputError(`mrr: must be a number ≥ 0, got ${input.mrr}`, 'mrr');
  const growth = input.growthPotential ?? 0;
  const given = input.arr;
  const arr =
    typeof given === 'number' && Number.isFinite(given) && given >= 0 ? given : input.mrr * 12;
  const strategic = input.strategic === true;
  const rule = model.tierRules.find((candidate) => matches(candidate, arr, growth, strategic))!;
  return { arr, suggested: rule.tier, reason: reasonOf(rule, arr, growth), rule: rule.name };
}

export interface EffectiveTier {
  tier: Tier;
  suggested: Tier;
  overridden: boolean;
  /** The override's reason, else the suggestion's reason (when given). */
  reason: string | null;
}

/** The Account's tier fields: Suggested_Touch_Tier__c, Touch_Tier__c, Touch_Tier_Override_Reason__c. */
export interface TierChoice {
  suggested: Tier;
  override?: string | null;
  overrideReason?: string | null;
  /** Why the suggestion (suggestTier's reason), shown when nothing overrides it. */
  suggestedReason?: string | null;
}

/**
 * The tier that counts: a manual tier needs a reason; the suggestion stays visible beside it.
 * An override equal to the suggestion is no override, so it needs no reason.
 */
export function effectiveTier(choice: TierChoice): EffectiveTier {
  const manual = choice.override ?? null;
  if (manual === null || manual === '' || manual === choice.suggested)
    return {
      tier: choice.suggested,
      suggested: choice.suggested,
      overridden: false,
      reason: choice.suggestedReason ?? null
    };
  if (!(TIERS as readonly string[]).includes(manual))
    throw new UserInputError(
      `Touch_Tier__c: must be High, Low or Tech, got ${manual}`,
      'Touch_Tier__c'
    );
  const reason = choice.overrideReason?.trim() ?? '';
  if (!reason)
    throw new UserInputError(
      'Touch_Tier_Override_Reason__c: a manual touch tier needs a reason',
      'Touch_Tier_Override_Reason__c'
    );
  return { tier: manual as Tier, suggested: choice.suggested, overridden: true, reason };
}
