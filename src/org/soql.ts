import { chunks } from '../core/chunks';

/** Ids per IN list, keeping a REST query URL well under its length limit. */
export const IDS_PER_QUERY = 300;

/** Ids in runs of IDS_PER_QUERY, one IN list each. */
export const idChunks = <T>(ids: readonly T[]): T[][] => chunks(ids, IDS_PER_QUERY);

/**
 * A SOQL string literal: backslashes and quotes escaped, so user text (an account name, a
 * key) can never end the literal and add to the query.
 */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
