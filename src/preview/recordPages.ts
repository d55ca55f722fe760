/**
 * The preview has one record page, the Account's. A link to another record (a handover, its
 * Chatter post, a deal) opens the Account it belongs to, as a Baton user would look for it.
 */

/** The field that leads from each linked record to its Account (or to a record that has one). */
const ACCOUNT_FIELD: Record<string, string> = {
  Handover__c: 'Account__c',
  FeedItem: 'ParentId',
  Opportunity: 'AccountId',
  Contact: 'AccountId'
};

const ACCOUNT_PREFIX = '001';

/** Reads one record's fields, as the local org's core does (throws for an unknown record). */
export interface RecordReader {
  retrieve(type: string, id: string, fieldNames?: string[]): Record<string, unknown>;
}

/**
 * @returns the Account id of the record behind `/lightning/r/<objectApiName>/<recordId>/view`,
 *   or null when the record is unknown or belongs to no Account
 */
export function accountOfRecord(
  reader: RecordReader,
  objectApiName: string,
  recordId: string
): string | null {
  const field = ACCOUNT_FIELD[objectApiName];
  if (!field) return null;
  let parent: unknown;
  try {
    parent = reader.retrieve(objectApiName, recordId, [field])[field];
  } catch {
    return null;
  }
  if (typeof parent !== 'string') return null;
  if (parent.startsWith(ACCOUNT_PREFIX)) return parent;
  // A post on a handover's own feed opens the handover's Account.
  return objectApiName === 'FeedItem' ? accountOfRecord(reader, 'Handover__c', parent) : null;
}
