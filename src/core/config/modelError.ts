import type { z } from 'zod';
import { BatonError } from '../errors';

/** A model error names the record and the field, e.g. `Health_Measure__mdt.NPS.Weight__c`. */
export function modelError(type: string, record: string, field: string, message: string) {
  return new BatonError(
    'INVALID_MODEL',
    `${type}.${record}: ${field}: ${message}`,
    `${type}.${record}.${field}`
  );
}

/**
 * Custom metadata rows (org rows or parsed XML) through their record schema; the first invalid
 * one throws INVALID_MODEL naming the record (its DeveloperName, else its place) and the field,
 * with the value it held when `showValue` is set.
 */
export function parseMdtRows<S extends z.ZodTypeAny>(
  type: string,
  schema: S,
  rows: Record<string, unknown>[],
  showValue = false
): z.infer<S>[] {
  return rows.map((row, index) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const name = typeof row.DeveloperName === 'string' ? row.DeveloperName : `#${index + 1}`;
    const got = showValue && issue.path.length ? row[String(issue.path[0])] : undefined;
    const shown = got === undefined ? '' : ` (got ${JSON.stringify(got)})`;
    throw modelError(type, name, issue.path.join('.') || 'record', issue.message + shown);
  });
}
