import { z } from 'zod';

/** A Salesforce Id: 15 case-sensitive characters, or 18 with the case-safe suffix. */
export const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** What a user is told when a value is not an Id. */
export const NOT_A_SALESFORCE_ID = 'must be a 15 or 18 character Salesforce Id';

export const isSalesforceId = (value: unknown): value is string =>
  typeof value === 'string' && SALESFORCE_ID.test(value);

/** A zod string that is a Salesforce Id, with the one message. */
export const salesforceIdSchema = () => z.string().regex(SALESFORCE_ID, NOT_A_SALESFORCE_ID);

/** Salesforce Ids compare by their case-sensitive first 15 characters. */
export const sameSalesforceId = (a: unknown, b: unknown): boolean =>
  typeof a === 'string' && typeof b === 'string' && !!a && a.slice(0, 15) === b.slice(0, 15);

const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 3-character case-safe suffix that turns a 15-character id into 18 characters. */
export function checksumSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charAt(chunk * 5 + i);
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX.charAt(bits);
  }
  return suffix;
}

/** An 18-character id for a 15- or 18-character one, or undefined when malformed. */
export function to18(id: string): string | undefined {
  if (!SALESFORCE_ID.test(id)) return undefined;
  const id15 = id.slice(0, 15);
  const full = id15 + checksumSuffix(id15);
  return id.length === 18 && id !== full ? undefined : full;
}
