import { suggestTier, type BatonModel } from '../../core';
import type { SuggestTier } from './assign';

/**
 * The core tier rules over a model. Against an org, pass loadModelFromOrg(conn) (the org's
 * Touch_Tier_Rule__mdt); the default, the project's records, is for code without an org.
 * An account without MRR is suggested from MRR 0, so it lands in the lowest ARR band unless
 * another rule (strategic) lifts it.
 */
export function coreSuggest(model: BatonModel): SuggestTier {
  return (account) => {
    const suggestion = suggestTier(
      {
        mrr: Math.max(0, account.MRR__c ?? 0),
        growthPotential: account.Growth_Potential__c,
        strategic: account.Strategic_Account__c
      },
      model
    );
    return { tier: suggestion.suggested, reason: suggestion.reason };
  };
}
