import type Database from 'better-sqlite3';
import type { Schema } from '../schema/schema';
import type { FieldDef, ObjectDef } from '../schema/types';
import { nameField } from '../soql/paths';
import { q, type Store } from '../store';

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

const text = (row: string, fields: string[]) =>
  fields.length ? `concat_ws(' ', ${fields.map((f) => `${row}${q(f)}`).join(', ')})` : 'NULL';

/**
 * One FTS5 table per searchable object, keyed by the object table's rowid and kept in step by
 * SQLite triggers, so every write path (REST, collections, Bulk, twins, seed) updates it in the
 * write's own transaction. A start rebuilds an object's index only when its text fields changed.
 */
export function ensureSearchIndexes(store: Store, schema: Schema): void {
  const db = store.db;
  db.transaction(() => {
    for (const object of searchableObjects(schema)) {
      const groups = fieldGroups(object);
      const signature = JSON.stringify(groups);
      if (store.meta(`search:${object.name}`) === signature) continue;
      rebuild(db, object, groups);
      store.setMeta(`search:${object.name}`, signature);
    }
  })();
}

function rebuild(db: Database.Database, object: ObjectDef, groups: Record<SearchGroup, string[]>) {
  const table = q(object.name);
  const index = q(searchTable(object));
  const trigger = (suffix: string) => q(`${searchTable(object)}_${suffix}`);
  const columns = `rowid, ${SEARCH_GROUPS.join(', ')}`;
  const values = (row: string) => SEARCH_GROUPS.map((g) => text(row, groups[g])).join(', ');
  const watched = SEARCH_GROUPS.flatMap((g) => groups[g]).map(q);
  db.exec(`DROP TABLE IF EXISTS ${index}`);
  for (const suffix of ['insert', 'update', 'delete'])
    db.exec(`DROP TRIGGER IF EXISTS ${trigger(suffix)}`);
  db.exec(`CREATE VIRTUAL TABLE ${index} USING fts5(${SEARCH_GROUPS.join(', ')})`);
  db.exec(`INSERT INTO ${index} (${columns}) SELECT rowid, ${values('')} FROM ${table}`);
  db.exec(
    `CREATE TRIGGER ${trigger('insert')} AFTER INSERT ON ${table} BEGIN ` +
      `INSERT INTO ${index} (${columns}) VALUES (new.rowid, ${values('new.')}); END`
  );
  db.exec(
    `CREATE TRIGGER ${trigger('update')} AFTER UPDATE OF ${watched.join(', ')} ON ${table} BEGIN ` +
      `DELETE FROM ${index} WHERE rowid = old.rowid; ` +
      `INSERT INTO ${index} (${columns}) VALUES (new.rowid, ${values('new.')}); END`
  );
  db.exec(
    `CREATE TRIGGER ${trigger('delete')} AFTER DELETE ON ${table} BEGIN ` +
      `DELETE FROM ${index} WHERE rowid = old.rowid; END`
  );
}
