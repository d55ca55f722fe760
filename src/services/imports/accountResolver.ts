import type { Connection } from 'jsforce';
import { idList, readByValues } from '../touchpoints/records';

/** How a row names its account: Id, External_Id__c, or name + domain (Account.Website). */
export interface AccountRef {
  accountId?: string;
  externalId?: string;
  name?: string;
  domain?: string;
}

export type Resolution = { accountId: string } | { error: string };

/** `https://www.Example.fi/en` → `example.fi`, so a domain matches however Website was typed. */
export function domainOf(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#:].*$/, '');
}

const nameKey = (name: string, domain: string) =>
  `${name.trim().toLowerCase()}|${domainOf(domain)}`;

/**
 * Finds the accounts the rows name, with three queries at most (by Id, by external id, by
 * name), each chunked. A row whose account is missing or ambiguous gets an error instead.
 */
export async function resolveAccounts(
  conn: Connection,
  refs: readonly AccountRef[]
): Promise<Resolution[]> {
  const ids = refs.flatMap((ref) => (ref.accountId ? [ref.accountId] : []));
  const externalIds = refs.flatMap((ref) =>
    !ref.accountId && ref.externalId ? [ref.externalId] : []
  );
  const names = refs.flatMap((ref) =>
    !ref.accountId && !ref.externalId && ref.name ? [ref.name.trim()] : []
  );
  const knownIds = new Map<string, string>();
  for (const row of await readByValues(
    conn,
    (list) => `SELECT Id FROM Account WHERE Id IN ${list}`,
    ids,
    idList
  ))
    knownIds.set(String(row.Id).slice(0, 15), String(row.Id));
  const byExternalId = new Map<string, string>();
  for (const row of await readByValues(
    conn,
    (list) => `SELECT Id, External_Id__c FROM Account WHERE External_Id__c IN ${list}`,
    externalIds
  ))
    byExternalId.set(String(row.External_Id__c), String(row.Id));
  const byName = new Map<string, string[]>();
  for (const row of await readByValues(
    conn,
    (list) => `SELECT Id, Name, Website FROM Account WHERE Name IN ${list}`,
    names
  )) {
    const key = nameKey(String(row.Name), String(row.Website ?? ''));
    byName.set(key, [...(byName.get(key) ?? []), String(row.Id)]);
  }
  return refs.map((ref): Resolution => {
    if (ref.accountId) {
      const id = knownIds.get(ref.accountId.slice(0, 15));
      return id ? { accountId: id } : { error: `account_id: no account with Id ${ref.accountId}` };
    }
    if (ref.externalId) {
      const id = byExternalId.get(ref.externalId);
      return id
        ? { accountId: id }
        : { error: `account_external_id: no account with External_Id__c ${ref.externalId}` };
    }
    const matches = byName.get(nameKey(ref.name ?? '', ref.domain ?? '')) ?? [];
    if (matches.length === 1) return { accountId: matches[0] };
    return {
      error:
        matches.length === 0
          ? `account_name: no account named "${ref.name}" with website domain ${ref.domain}`
          : `account_name: ${matches.length} accounts named "${ref.name}" with domain ${ref.domain}; use account_id`
    };
  });
}
