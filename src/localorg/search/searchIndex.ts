import type { Schema } from '../schema/schema';
import type { FieldDef, ObjectDef } from '../schema/types';
import { nameField } from '../soql/paths';
import { q, type Store } from '../store';
import { formatDateTime } from '../values';

/** The groups of text SOSL's `IN … FIELDS` picks from; ALL FIELDS reads every one. */
export const SEARCH_GROUPS = ['name', 'email', 'phone', 'other'] as const;
export type SearchGroup = (typeof SEARCH_GROUPS)[number];

const TEXT_TYPES = new Set<FieldDef['type']>(['string', 'textarea', 'email', 'phone', 'url']);

export const searchTable = (object: ObjectDef) => `_search_${object.name}`;

/** The text fields of an object, by the group SOSL searches them in. */
function fieldGroups(object: ObjectDef): Record<SearchGroup, string[]> {
  const name = nameField(object);
  const groups: Record<SearchGroup, string[]> = { name: [], email: [], phone: [], other: [] };
  for (const field of object.fields.values()) {
    if (!TEXT_TYPES.has(field.type)) continue;
    const group: SearchGroup =
      field === name
        ? 'name'
        : field.type === 'email'
          ? 'email'
          : field.type === 'phone'
            ? 'phone'
            : 'other';
    groups[group].push(field.name);
  }
  return groups;
}

/** Objects SOSL can return: every object with text, except read-only custom metadata. */
export function searchableObjects(schema: Schema): ObjectDef[] {
  return schema
    .list()
    .filter(
      (o) => !o.name.endsWith('__mdt') && Object.values(fieldGroups(o)).some((g) => g.length)
    );
}

const text = (fields: string[]) =>
  fields.length ? `concat_ws(' ', ${fields.map(q).join(', ')})` : 'NULL';

/**
 * One FTS5 table per searchable object, keyed by the object table's rowid. Each search first
 * indexes the rows written since the last one: every write path (REST, collections, Bulk,
 * twins) stamps SystemModstamp, so rows stamped at or after the last indexed stamp are the
 * changed ones. A soft-deleted row stays indexed (the query keeps IsDeleted = 0) and a purged
 * row's entry matches no row. SQLite triggers would have kept the index current too, but any
 * trigger makes each insert keep a statement journal: Bulk loads ran 3 to 4 times slower.
 */
export function ensureSearchIndexes(store: Store, schema: Schema): void {
  const db = store.db;
  db.transaction(() => {
    for (const object of searchableObjects(schema)) {
      const signature = JSON.stringify({ indexedOnSearch: fieldGroups(object) });
      if (store.meta(`search:${object.name}`) === signature) continue;
      const index = q(searchTable(object));
      db.exec(`DROP TABLE IF EXISTS ${index}`);
      // An index of an earlier build kept itself current with triggers: they go.
      for (const suffix of ['insert', 'update', 'delete'])
        db.exec(`DROP TRIGGER IF EXISTS ${q(`${searchTable(object)}_${suffix}`)}`);
      db.exec(`CREATE VIRTUAL TABLE ${index} USING fts5(${SEARCH_GROUPS.join(', ')})`);
      store.setMeta(`search:${object.name}`, signature);
      store.setMeta(stampKey(object), '');
    }
  })();
}

const stampKey = (object: ObjectDef) => `search-stamp:${object.name}`;

/**
 * Indexes an object's rows written since its last search (all of them the first time). Writes
 * run synchronously in this one process, so a row written after a refresh is stamped no earlier
 * than the refresh began. It reads the table once; an index on SystemModstamp would save that
 * read but slow every Bulk insert.
 */
export function refreshSearchIndex(store: Store, object: ObjectDef): void {
  const db = store.db;
  const table = q(object.name);
  const index = q(searchTable(object));
  const groups = fieldGroups(object);
  const began = formatDateTime(new Date());
  const since = store.meta(stampKey(object)) ?? '';
  const changed = db
    .prepare(
      `SELECT rowid AS row FROM ${table} WHERE SystemModstamp >= ? OR SystemModstamp IS NULL`
    )
    .all(since) as { row: number }[];
  const rows = JSON.stringify(changed.map((c) => c.row));
  const inChanged = `rowid IN (SELECT value FROM json_each(?))`;
  db.transaction(() => {
    if (changed.length) {
      db.prepare(`DELETE FROM ${index} WHERE ${inChanged}`).run(rows);
      db.prepare(
        `INSERT INTO ${index} (rowid, ${SEARCH_GROUPS.join(', ')}) ` +
          `SELECT rowid, ${SEARCH_GROUPS.map((g) => text(groups[g])).join(', ')} FROM ${table} WHERE ${inChanged}`
      ).run(rows);
    }
    store.setMeta(stampKey(object), began);
  })();
}
