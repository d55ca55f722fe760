import { z } from 'zod';
import { zodInputError } from '../../core/errors';
import { isExactIsoDate, isoDateOf } from '../../core/dates';
import type { PlanSummary } from './planAccounts';

const horizon = z
  .string()
  .regex(/^\d{1,4}d?$/, 'use days, e.g. 365d')
  .transform((value) => Number(value.replace(/d$/, '')))
  .refine((days) => days >= 1 && days <= 1825, 'must be 1–1825 days');
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
  .refine(isExactIsoDate, 'not a date');

export const planFlagsSchema = z.object({
  horizon: horizon.default('365d'),
  asOf: day.optional(),
  dryRun: z.boolean().optional()
});

export const onboardingFlagsSchema = z.object({
  asOf: day.optional(),
  targetDays: z
    .string()
    .regex(/^\d{1,3}$/, 'a whole number of days')
    .transform(Number)
    .optional(),
  dryRun: z.boolean().optional()
});

/** Flags through zod; the first problem becomes a message naming the flag. */
export function parseFlags<T extends z.ZodTypeAny>(schema: T, flags: unknown): z.infer<T> {
  const parsed = schema.safeParse(flags);
  if (parsed.success) return parsed.data;
  throw zodInputError(parsed.error, {
    prefix: '--',
    place: (path) => String(path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
    root: ''
  });
}

export const asOfOrToday = (asOf?: string) => asOf ?? isoDateOf(new Date());

/** The run in one sentence: the report's first line, and what `npm start` logs. */
export const planHeadline = (summary: PlanSummary) =>
  `${summary.dryRun ? 'Would plan' : 'Planned'} ${summary.planned} of ${summary.accounts} accounts (as of ${summary.asOf}, ${summary.horizonDays} days ahead): ${summary.created} touchpoints created, ${summary.updated} re-planned, ${summary.cancelled} cancelled; next touchpoint date changed on ${summary.nextDueChanged} accounts` +
  (summary.failures.length ? `; ${summary.failures.length} failed.` : '.');

export function formatPlan(summary: PlanSummary): string {
  const lines = [planHeadline(summary)];
  const reasons = new Map<string, number>();
  for (const skip of summary.skipped) reasons.set(skip.reason, (reasons.get(skip.reason) ?? 0) + 1);
  for (const [reason, count] of reasons) lines.push(`  skipped ${count}: ${reason}`);
  for (const failure of summary.failures.slice(0, 20))
    lines.push(
      `  failed ${failure.object} for ${failure.accountId}: ${failure.errorCode} ${failure.message}`
    );
  return lines.join('\n');
}
