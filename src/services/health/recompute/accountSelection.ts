import { composeQuery, parseQuery, type WhereClause } from '@jetstreamapp/soql-parser-js';
import { z } from 'zod';
import { UserInputError, zodInputError } from '../../../core/errors';

/** An Account Id: 15 or 18 characters with Account's key prefix 001. */
export const accountIdSchema = z
  .string()
  .regex(/^001[a-zA-Z0-9]{12}([a-zA-Z0-9]{3})?$/, 'must be an Account Id (001…)');

/** Which accounts to recompute: all, a list of Ids, or a WHERE clause on Account. */
export type AccountSelection =
  { kind: 'all' } | { kind: 'ids'; ids: string[] } | { kind: 'where'; where: string };

/** `--accounts 001…,001…`: every Id is checked; a bad one is named, nothing runs. */
export function parseAccountIds(text: string): string[] {
  const ids = text
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter(Boolean);
  if (ids.length === 0) {
    throw new UserInputError('--accounts needs at least one Account Id', 'accounts');
  }
  for (const id of ids) {
    const checked = accountIdSchema.safeParse(id);
    if (!checked.success)
      throw zodInputError(checked.error, {
        prefix: `--accounts: "${id}" `,
        root: '',
        field: 'accounts'
      });
  }
  return [...new Set(ids)];
}

function hasSubquery(where: WhereClause | undefined): boolean {
  if (!where) {
    return false;
  }
  const left = where.left as { valueQuery?: unknown } | undefined;
  const right = (where as { right?: WhereClause }).right;
  return Boolean(left && left.valueQuery) || hasSubquery(right);
}

/**
 * `--where`: only a WHERE clause of Account may pass. The text is parsed as
 * `SELECT Id FROM Account WHERE <text>` and rejected if it carries anything else (LIMIT,
 * ORDER BY, a second statement, a subquery into other objects). What runs is recomposed from
 * the parsed tree, never the raw text, so nothing can ride along.
 */
export function parseWhereClause(text: string): string {
  let parsed;
  try {
    parsed = parseQuery(`SELECT Id FROM Account WHERE ${text}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UserInputError(
      `--where is not a valid SOQL condition on Account: ${reason}`,
      'where'
    );
  }
  const extra = Object.keys(parsed).filter((key) => !['fields', 'sObject', 'where'].includes(key));
  if (extra.length > 0) {
    throw new UserInputError(
      `--where may only hold a condition; remove: ${extra.join(', ')}`,
      'where'
    );
  }
  if (hasSubquery(parsed.where)) {
    throw new UserInputError('--where may not contain a subquery', 'where');
  }
  const recomposed = composeQuery({
    sObject: 'Account',
    fields: parsed.fields,
    where: parsed.where
  });
  return recomposed.slice(recomposed.indexOf(' WHERE ') + ' WHERE '.length);
}

/** Builds the selection from the CLI flags; --accounts and --where exclude each other. */
export function selectionFromFlags(flags: { accounts?: string; where?: string }): AccountSelection {
  if (flags.accounts !== undefined && flags.where !== undefined) {
    throw new UserInputError('Use either --accounts or --where, not both', 'accounts');
  }
  if (flags.accounts !== undefined) {
    return { kind: 'ids', ids: parseAccountIds(flags.accounts) };
  }
  if (flags.where !== undefined) {
    return { kind: 'where', where: parseWhereClause(flags.where) };
  }
  return { kind: 'all' };
}
