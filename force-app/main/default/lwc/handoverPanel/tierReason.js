import { format, formatMoney } from 'c/localeFormat';
import strategic from '@salesforce/label/c.Baton_Handover_Reason_Strategic';
import notStrategic from '@salesforce/label/c.Baton_Handover_Reason_Not_Strategic';
import minArr from '@salesforce/label/c.Baton_Handover_Reason_Min_Arr';
import maxArr from '@salesforce/label/c.Baton_Handover_Reason_Max_Arr';
import growth from '@salesforce/label/c.Baton_Handover_Reason_Growth';
import and from '@salesforce/label/c.Baton_Handover_Reason_And';
import catchAll from '@salesforce/label/c.Baton_Handover_Reason_Default';

// Why the core suggested a tier, worded in the user's language from the Touch_Tier_Rule__mdt
// record that matched (the core's own reason is English, for logs and the CLI).

const amount = (value) => formatMoney(value);

/** @param rule the matched model.tierRules entry; arr and growth the account's inputs */
export function tierReason(rule, arr, growthPotential) {
  const parts = [];
  if (rule.strategic === 'Yes') parts.push(strategic);
  if (rule.minArr !== null) parts.push(format(minArr, amount(arr), amount(rule.minArr)));
  if (rule.maxArr !== null) parts.push(format(maxArr, amount(arr), amount(rule.maxArr)));
  if (rule.minGrowthPotential !== null) {
    parts.push(format(growth, growthPotential, rule.minGrowthPotential));
  }
  if (rule.strategic === 'No') parts.push(notStrategic);
  if (parts.length === 0) return format(catchAll, amount(arr));
  const text = parts.join(` ${and} `);
  return text[0].toUpperCase() + text.slice(1);
}
