import type Database from 'better-sqlite3';
import { q } from '../store';
import { fromStored } from '../values';
import type { ChildQuery, CompiledQuery } from './compile';
import { shapeTypeof } from './typeOf';
import { API_VERSION } from '../../metadata/apiVersion';

export type QueryRecord = Record<string, unknown>;

const url = (type: string, id: unknown) => `/services/data/v${API_VERSION}/sobjects/${type}/${id}`;

/** Shapes one SQL row into the nested record the REST API returns. */
export function shapeRow(compiled: CompiledQuery, row: Record<string, unknown>): QueryRecord {
  if (compiled.aggregate) {
    const record: QueryRecord = { attributes: { type: 'AggregateResult' } };
    for (const c of compiled.columns) {
      record[c.kind === 'field' ? (c.alias ?? c.path.field.name) : c.name] = fromStored(
        c.kind === 'field' ? c.path.field : c.field,
        row[c.sqlAlias]
      );
    }
    return record;
  }
  const record: QueryRecord = {
    attributes: { type: compiled.object.name, url: url(compiled.object.name, row._id) }
  };
  for (const c of compiled.columns) {
    if (c.kind !== 'field') continue;
    let target = record;
    let alive = true;
    c.path.relationships.forEach((name, i) => {
      if (!alive) return;
      const key = c.path.relationships.slice(0, i + 1).join('.');
      const parentId = row[compiled.joinIdColumns.get(key)!];
      if (parentId === null || parentId === undefined) {
        target[name] = null;
        alive = false;
        return;
      }
      const type = c.path.objects[i];
      // A polymorphic parent is of type Name; its url names the object it really is.
      const typeColumn = compiled.joinTypeColumns.get(key);
      const urlType = typeColumn ? String(row[typeColumn]) : type;
      target =
        (target[name] as QueryRecord | undefined) ??
        ((target[name] = { attributes: { type, url: url(urlType, parentId) } }) as QueryRecord);
    });
    if (alive) target[c.path.field.name] = fromStored(c.path.field, row[c.sqlAlias]);
  }
  for (const column of compiled.typeofs)
    record[column.relationship] = shapeTypeof(column, row, url);
  return record;
}

/** Adds each child subquery's records under its relationship name, for a page of parents. */
export function attachChildren(
  db: Database.Database,
  compiled: CompiledQuery,
  records: QueryRecord[],
  ids: string[]
): void {
  for (const child of compiled.children) {
    const byParent = childRecords(db, child, ids);
    records.forEach((record, i) => {
      const list = byParent.get(ids[i]) ?? [];
      const limited = child.limit === undefined ? list : list.slice(0, child.limit);
      record[child.relationshipName] = limited.length
        ? { totalSize: limited.length, done: true, records: limited }
        : null;
    });
  }
}

function childRecords(
  db: Database.Database,
  child: ChildQuery,
  parentIds: string[]
): Map<string, QueryRecord[]> {
  const result = new Map<string, QueryRecord[]>();
  if (!parentIds.length) return result;
  const fk = `t0.${q(child.foreignKey)}`;
  const [select, rest] = splitFrom(child.query.sql);
  const inList = parentIds.map(() => '?').join(', ');
  const filter = rest.includes(' WHERE ')
    ? rest.replace(' WHERE ', ` WHERE ${fk} IN (${inList}) AND `)
    : insertWhere(rest, `${fk} IN (${inList})`);
  const sql = `${select}, ${fk} AS _parent FROM ${filter}`;
  const params = rest.includes(' WHERE ')
    ? [...parentIds, ...child.query.params]
    : [...parentIds, ...child.query.params];
  for (const row of db.prepare(sql).all(...params) as Record<string, unknown>[]) {
    const list = result.get(String(row._parent)) ?? [];
    list.push(shapeRow(child.query, row));
    result.set(String(row._parent), list);
  }
  return result;
}

function splitFrom(sql: string): [string, string] {
  const index = sql.indexOf(' FROM ');
  return [sql.slice(0, index), sql.slice(index + 6)];
}

function insertWhere(rest: string, condition: string): string {
  const match = rest.match(/ (ORDER BY|LIMIT) /);
  return match
    ? `${rest.slice(0, match.index)} WHERE ${condition}${rest.slice(match.index)}`
    : `${rest} WHERE ${condition}`;
}
