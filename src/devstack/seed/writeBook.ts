import type { Connection } from 'jsforce';
import { soqlString } from '../../org/soql';

type Row = Record<string, unknown>;
type SaveResult = { id: string; success: boolean; errors: unknown[] };

/** sObject collections take at most 200 records a request. */
const BATCH = 200;

/**
 * How the demo book is written again without duplicates: an object with an external id is
 * upserted by it; one without is matched under its account by fields the seed sets by
 * position and no user edits in the normal course (a contact's title, a case's subject), so
 * a second run, even with another `--seed`, finds the rows the first wrote.
 */
const SEED_KEYS: Record<string, { externalId: string } | { parent: string; key: string[] }> = {
  Account: { externalId: 'External_Id__c' },
  Survey_Response__c: { externalId: 'External_Key__c' },
  Usage_Snapshot__c: { externalId: 'External_Key__c' },
  Contact: { parent: 'AccountId', key: ['Title'] },
  Case: { parent: 'AccountId', key: ['Subject', 'Priority', 'Origin'] },
  Task: { parent: 'WhatId', key: ['Subject', 'Type', 'Status'] },
  Handover__c: { parent: 'Account__c', key: [] },
  Customer_Outcome__c: { parent: 'Account__c', key: ['Type__c'] }
};

function checked(type: string, results: SaveResult[]): string[] {
  const failed = results.find((r) => !r.success);
  if (failed) throw new Error(`Seeding ${type} failed: ${JSON.stringify(failed.errors)}`);
  return results.map((r) => r.id);
}

/**
 * Writes the seed's rows of one object and returns their ids in row order: existing rows
 * are updated (external id) or kept as they are (matched by key), the rest inserted.
 */
export async function writeSeedRows(
  conn: Connection,
  type: string,
  rows: Row[]
): Promise<string[]> {
  const keys = SEED_KEYS[type];
  if (!keys) throw new Error(`No seed key for ${type}: say how a second seed finds its rows`);
  if ('externalId' in keys) return upsertAll(conn, type, rows, keys.externalId);
  return insertMissing(conn, type, rows, keys.parent, keys.key);
}

async function upsertAll(conn: Connection, type: string, rows: Row[], externalId: string) {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const results = (await conn
      .sobject(type)
      .upsert(rows.slice(i, i + BATCH), externalId, { allOrNone: true })) as SaveResult[];
    ids.push(...checked(type, results));
  }
  return ids;
}

async function insertAll(conn: Connection, type: string, rows: Row[]) {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const results = (await conn
      .sobject(type)
      .create(rows.slice(i, i + BATCH), { allOrNone: true })) as SaveResult[];
    ids.push(...checked(type, results));
  }
  return ids;
}

const keyOf = (row: Row, fields: string[]) =>
  JSON.stringify(fields.map((field) => (row[field] ?? null) as unknown));

/**
 * Inserts the rows no existing row matches: same parent and key fields. Each existing row
 * stands for one seed row, so two identical seeded cases stay two, never three.
 */
async function insertMissing(
  conn: Connection,
  type: string,
  rows: Row[],
  parent: string,
  key: string[]
): Promise<string[]> {
  const fields = [parent, ...key];
  const unclaimed = new Map<string, string[]>();
  const parents = [...new Set(rows.map((row) => String(row[parent])))];
  for (let i = 0; i < parents.length; i += BATCH) {
    const ids = parents
      .slice(i, i + BATCH)
      .map(soqlString)
      .join(', ');
    const found = await conn
      .query<Row & { Id: string }>(
        `SELECT Id, ${fields.join(', ')} FROM ${type} WHERE ${parent} IN (${ids}) ORDER BY CreatedDate, Id`
      )
      .run({ autoFetch: true, maxFetch: Number.MAX_SAFE_INTEGER });
    for (const record of found.records) {
      const key = keyOf(record, fields);
      unclaimed.set(key, [...(unclaimed.get(key) ?? []), record.Id]);
    }
  }
  const ids = rows.map((row) => unclaimed.get(keyOf(row, fields))?.shift());
  const missing = rows.filter((_, index) => ids[index] === undefined);
  const inserted = await insertAll(conn, type, missing);
  return ids.map((id) => id ?? (inserted.shift() as string));
}
