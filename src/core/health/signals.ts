import { z } from 'zod';
import { TIERS } from '../config/records';
import { isIsoDate } from '../dates';
import { SURVEY_RANGES } from '../survey';

/**
 * One account's health signals: the account JSON of `baton health score`. Every field but
 * `id` is optional; a missing value means "no data", never zero.
 */
const day = z.string().refine(isIsoDate, 'not a date YYYY-MM-DD');
const count = z.number().int('must be a whole number').min(0, 'must be 0 or more').nullish();
const amount = z.number().finite().min(0, 'must be 0 or more').nullish();

const surveySchema = z
  .object({
    type: z.enum(['NPS', 'CSAT', 'CES']),
    score: z.number(),
    date: day
  })
  .superRefine((survey, context) => {
    const [min, max] = SURVEY_RANGES[survey.type];
    if (!Number.isInteger(survey.score) || survey.score < min || survey.score > max)
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['score'],
        message: `${survey.type} score must be a whole number ${min}–${max}, got ${survey.score}`
      });
  });

export const accountSignalsSchema = z.object({
  id: z.string().min(1),
  touchTier: z.enum(TIERS).nullish(),
  contractStart: day.nullish(),
  onboardingStarted: day.nullish(),
  firstValueAt: day.nullish(),
  licensedSeats: amount,
  activeUsers30d: amount,
  logins30d: amount,
  loginsPrev30d: amount,
  surveys: z.array(surveySchema).nullish(),
  openHighPriorityCases: count,
  escalations90d: count,
  lastTouchpointAt: day.nullish(),
  overdueInvoices: count,
  csmSentiment: z
    .object({ value: z.enum(['Positive', 'Neutral', 'Negative']), date: day })
    .nullish(),
  previousScores: z.array(z.object({ date: day, score: z.number().min(0).max(100) })).nullish()
});
export type AccountSignals = z.infer<typeof accountSignalsSchema>;
export type SurveyResponse = NonNullable<AccountSignals['surveys']>[number];

/** The whole input file of `baton health score`. */
export const healthInputSchema = z.object({
  asOf: day,
  accounts: z.array(accountSignalsSchema)
});
export type HealthInput = z.infer<typeof healthInputSchema>;

/** `accounts[2].surveys[0].score`: the JSON path of a zod issue, as a user reads it. */
export function jsonPath(path: readonly (string | number)[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`
    )
    .join('');
}
