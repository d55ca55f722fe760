/**
 * Trial conversion over the period (issue 23; source study 001: at least 15 % of trials should
 * convert). A trial's end is recorded as a Customer_Outcome__c of type Trial Converted or
 * Trial Not Converted on its Account, dated the day it ended; trials still running count in
 * neither. Mirrored by the Apex PortfolioFigures.trials.
 */

export const TRIAL_CONVERTED = 'Trial Converted';
export const TRIAL_NOT_CONVERTED = 'Trial Not Converted';

export interface TrialConversion {
  converted: number;
  notConverted: number;
  /** converted ÷ ended, 0–1 to three decimals; null when no trial ended in the period. */
  conversionRate: number | null;
  /** Handover_Setting__mdt.Trial_Conversion_Goal__c as a 0–1 ratio. */
  goal: number;
  /** Whether the rate reaches the goal; null when no trial ended. */
  meetsGoal: boolean | null;
}

/**
 * @param outcomes the shown accounts' outcomes (any type; others are not trials)
 * @param periodStart the period's first day, YYYY-MM-DD
 * @param goalPercent the share of ended trials that should convert, in percent
 */
export function trialConversion(
  outcomes: readonly { type: string; date: string }[],
  periodStart: string,
  goalPercent: number
): TrialConversion {
  const inPeriod = outcomes.filter((outcome) => outcome.date >= periodStart);
  const converted = inPeriod.filter((outcome) => outcome.type === TRIAL_CONVERTED).length;
  const notConverted = inPeriod.filter((outcome) => outcome.type === TRIAL_NOT_CONVERTED).length;
  const ended = converted + notConverted;
  const conversionRate = ended > 0 ? Math.round((converted / ended) * 1000) / 1000 : null;
  const goal = Math.round(goalPercent * 10) / 1000;
  return {
    converted,
    notConverted,
    conversionRate,
    goal,
    meetsGoal: conversionRate === null ? null : conversionRate >= goal
  };
}
