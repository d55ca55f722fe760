import { z } from 'zod';
import { isExactIsoDate } from '../../core/dates';
import { NOT_A_SALESFORCE_ID, SALESFORCE_ID } from '../../core/ids';

// Every CSV value arrives as text; an empty cell means "not given".
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess(blankToUndefined, schema.optional());

/** A calendar date as YYYY-MM-DD, from ISO dates or datetimes or Finnish D.M.YYYY. */
export const csvDate = z.string().transform((value, ctx) => {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  const finnish = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : finnish
      ? [finnish[3], finnish[2].padStart(2, '0'), finnish[1].padStart(2, '0')]
      : [];
  const date = year ? `${year}-${month}-${day}` : '';
  if (!date || !isExactIsoDate(date)) {
    ctx.addIssue({ code: 'custom', message: `not a date (use YYYY-MM-DD or D.M.YYYY): "${text}"` });
    return z.NEVER;
  }
  return date;
});

const count = (max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number ≥ 0')
    .transform(Number)
    .refine((n) => n <= max, `must be at most ${max}`);

const sfId = z.string().trim().regex(SALESFORCE_ID, NOT_A_SALESFORCE_ID);

/** Account reference columns shared by every import. */
const accountColumns = {
  account_id: optional(sfId),
  account_external_id: optional(z.string().trim().max(64)),
  account_name: optional(z.string().trim().max(255)),
  account_domain: optional(z.string().trim().max(255))
};

type AccountColumns = {
  account_id?: string;
  account_external_id?: string;
  account_name?: string;
  account_domain?: string;
};

function requireAccount(row: AccountColumns, ctx: z.RefinementCtx) {
  if (row.account_id || row.account_external_id) return;
  if (row.account_name && row.account_domain) return;
  ctx.addIssue({
    code: 'custom',
    path: ['account_id'],
    message: 'name the account: account_id, account_external_id, or account_name + account_domain'
  });
}

const SURVEY_RANGE = { NPS: [0, 10], CSAT: [1, 5], CES: [1, 7] } as const;
const CHANNELS = ['Email', 'In-app', 'Phone', 'Web', 'Other'] as const;
const canonical =
  <T extends string>(values: readonly T[], what: string) =>
  (value: string, ctx: z.RefinementCtx): T => {
    const match = values.find((known) => known.toLowerCase() === value.trim().toLowerCase());
    if (match) return match;
    ctx.addIssue({ code: 'custom', message: `${what} must be one of ${values.join(', ')}` });
    return z.NEVER;
  };

export const surveyRowSchema = z
  .object({
    ...accountColumns,
    contact_id: optional(sfId),
    type: z.string().transform(canonical(['NPS', 'CSAT', 'CES'] as const, 'type')),
    score: z.string().trim().regex(/^\d+$/, 'must be a whole number').transform(Number),
    responded_on: csvDate,
    channel: optional(z.string().transform(canonical(CHANNELS, 'channel'))),
    comment: optional(z.string().max(32768)),
    response_id: optional(z.string().trim().max(200))
  })
  .superRefine((row, ctx) => {
    requireAccount(row, ctx);
    const [low, high] = SURVEY_RANGE[row.type];
    if (row.score < low || row.score > high)
      ctx.addIssue({
        code: 'custom',
        path: ['score'],
        message: `${row.type} scores run ${low}–${high}, got ${row.score}`
      });
  });
export type SurveyRow = z.infer<typeof surveyRowSchema>;

export const usageRowSchema = z
  .object({
    ...accountColumns,
    period_end: csvDate,
    active_users: count(999_999_999),
    logins: optional(count(999_999_999)),
    cancel_page_visits: optional(count(999_999_999))
  })
  .superRefine(requireAccount);
export type UsageRow = z.infer<typeof usageRowSchema>;

export const SURVEY_COLUMNS = Object.keys(surveyRowSchema.innerType().shape);
export const USAGE_COLUMNS = Object.keys(usageRowSchema.innerType().shape);

/** `--mapping` file: your CSV's header for each Baton column, and constants for missing ones. */
export const mappingSchema = z
  .object({
    columns: z.record(z.string(), z.string()).default({}),
    values: z.record(z.string(), z.string()).default({})
  })
  .strict();
export type Mapping = z.infer<typeof mappingSchema>;
