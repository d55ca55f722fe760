import {
  parseQuery,
  type FieldType as SelectField,
  type Query
} from '@jetstreamapp/soql-parser-js';
import { OrgError, malformedQuery } from '../errors';
import type { Schema } from '../schema/schema';
import type { FieldDef, ObjectDef } from '../schema/types';
import { q } from '../store';
import type { SqlValue } from '../values';
import {
  AGGREGATES,
  aggregateFunction,
  dateFunction,
  fieldsOf,
  isDateFunction,
  toLabel
} from './functions';
import { PathResolver, POLYMORPHIC_PARENT, type ResolvedPath } from './paths';
import { compileTypeof, type TypeofColumn } from './typeOf';
import { compileWhere, type Subquery } from './where';

/**
 * One output column: a field path, or a function (an aggregate, or a date function grouped by)
 * with its result name (`expr0` or its alias) and its text as written (`COUNT(Id)`).
 */
export type Column =
  | { kind: 'field'; path: ResolvedPath; sqlAlias: string; alias?: string }
  | {
      kind: 'aggregate';
      name: string;
      raw: string;
      display: string;
      field?: FieldDef;
      sqlAlias: string;
      /** A date function: it must be grouped by, where an aggregate must not. */
      grouped: boolean;
    };

export interface ChildQuery {
  relationshipName: string;
  childObject: ObjectDef;
  foreignKey: string;
  query: CompiledQuery;
  limit?: number;
  /** How many columns precede it in SELECT. */
  position: number;
}

export interface CompiledQuery {
  object: ObjectDef;
  sql: string;
  params: SqlValue[];
  columns: Column[];
  /** Alias of the join per relationship prefix: a null join id means a null parent. */
  joinIdColumns: Map<string, string>;
  /** Alias of the parent's object name per polymorphic relationship prefix (What, Who). */
  joinTypeColumns: Map<string, string>;
  groupBy: boolean;
  countOnly: boolean;
  aggregate: boolean;
  children: ChildQuery[];
  typeofs: TypeofColumn[];
  /** No ORDER BY, LIMIT or OFFSET: any order is right, so pages may follow the Id index. */
  unordered: boolean;
}

/** SOQL naming an object the org does not have: 400 INVALID_TYPE, as Salesforce answers. */
const unknownObject = (name: string) =>
  new OrgError(
    400,
    'INVALID_TYPE',
    `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
  );

export function parseSoql(soql: string): Query {
  try {
    return parseQuery(soql);
  } catch (error) {
    throw malformedQuery(`Could not parse the query: ${(error as Error).message.split('\n')[0]}`);
  }
}

function unsupported(query: Query) {
  const q = query as Query & Record<string, unknown>;
  for (const clause of ['for', 'withDataCategory', 'update']) {
    if (q[clause])
      throw malformedQuery(`${clause.toUpperCase()} is not supported by the local org`);
  }
}

export interface CompileOptions {
  /** Keep deleted rows (queryAll). */
  all?: boolean;
  now?: Date;
  /**
   * Read the root table in storage order, its indexes unused, with its rowid as `_row`: Bulk
   * export pages continue after the last rowid, so a job reads the table once in all, where a
   * filter index (`Name LIKE 'Bench %'`) made every page fetch and sort all matching rows again.
   */
  storageOrder?: boolean;
  /** Select the root table's rowid as `_row`, its indexes still usable (implied by storageOrder). */
  rowIds?: boolean;
  /** A child subquery's LIMIT, applied per parent outside the SQL (FIELDS() checks it). */
  childLimit?: number;
  /**
   * Rows of the root table that a ranked source picks (SOSL's full-text matches): `sql` selects
   * `row` (a rowid) and `rank`; without ORDER BY, the best ranked come first.
   */
  rankedRows?: { sql: string; params: SqlValue[] };
}

/**
 * Compiles a parsed SOQL query to one SQLite statement. Child subqueries become separate
 * statements run per page of parents.
 */
export function compileQuery(
  query: Query,
  schema: Schema,
  options: CompileOptions = {}
): CompiledQuery {
  unsupported(query);
  const object = schema.get(query.sObject ?? '');
  if (!object) throw unknownObject(query.sObject ?? '');
  const paths = new PathResolver(schema, object);
  const params: SqlValue[] = [];
  const columns: Column[] = [];
  const expressions: string[] = [];
  const children: ChildQuery[] = [];
  const typeofs: TypeofColumn[] = [];
  const typeofSelect: string[] = [];
  let countOnly = false;
  let exprIndex = 0;
  const addField = (path: ResolvedPath, alias?: string) => {
    expressions.push(path.sql);
    columns.push({ kind: 'field', path, sqlAlias: `c${columns.length}`, alias });
  };
  for (const item of query.fields ?? []) {
    const field = item as SelectField & Record<string, unknown>;
    const fn = String(field.functionName ?? '').toUpperCase();
    const parameters = ((field.parameters as string[]) ?? []).map(String);
    if (field.type === 'Field' || field.type === 'FieldRelationship') {
      const name = field.type === 'Field' ? String(field.field) : String(field.rawValue);
      addField(paths.resolve(name), field.alias as string | undefined);
    } else if (field.type === 'FieldFunctionExpression' && fn === 'FIELDS') {
      for (const f of fieldsOf(object, parameters[0], query.limit ?? options.childLimit))
        addField(paths.resolve(f.name));
    } else if (field.type === 'FieldFunctionExpression' && fn === 'TOLABEL') {
      addField(toLabel(paths.resolve(parameters[0])), field.alias as string | undefined);
    } else if (
      field.type === 'FieldFunctionExpression' &&
      (AGGREGATES.has(fn) || isDateFunction(fn))
    ) {
      if (fn === 'COUNT' && parameters.length === 0) {
        countOnly = true;
        continue;
      }
      const path = paths.resolve(parameters[0]);
      const value = isDateFunction(fn) ? dateFunction(fn, path) : aggregateFunction(fn, path);
      const display = String(field.rawValue ?? '');
      expressions.push(value.sql);
      columns.push({
        kind: 'aggregate',
        name: (field.alias as string) ?? `expr${exprIndex++}`,
        raw: normalize(display),
        display,
        field: value.field,
        sqlAlias: `c${columns.length}`,
        grouped: isDateFunction(fn)
      });
    } else if (field.type === 'FieldTypeof') {
      typeofs.push(compileTypeof(field as never, paths, schema, columns.length, typeofSelect));
    } else if (field.type === 'FieldSubquery') {
      const child = childQuery(field.subquery as Query, object, schema, options);
      children.push({ ...child, position: columns.length });
    } else {
      throw malformedQuery(
        `${String(field.rawValue ?? field.type)} in SELECT is not supported by the local org`
      );
    }
  }
  const groupBy = (query.groupBy ? [].concat(query.groupBy as never) : []) as GroupByItem[];
  const groupFunction = groupBy.find((g) => g.fn && !isDateFunction(String(g.fn.functionName)));
  if (groupFunction)
    throw malformedQuery(
      `GROUP BY ${groupFunction.fn!.rawValue} is not supported by the local org`
    );
  const groupKeys = groupBy.map((g) => normalize(g.fn ? String(g.fn.rawValue) : String(g.field)));
  const aggregate = countOnly || groupBy.length > 0 || columns.some((c) => c.kind === 'aggregate');
  const ungrouped = columns.find((c) =>
    c.kind === 'field' || c.grouped ? !groupKeys.includes(groupKey(c)) : false
  );
  if (aggregate && (ungrouped || typeofs.length))
    throw malformedQuery('Field must be grouped or aggregated');
  if (!columns.length && !typeofs.length && !countOnly)
    throw malformedQuery('SELECT needs at least one field');
  const selectList = [
    ...columns.map((c, i) => `${expressions[i]} AS ${c.sqlAlias}`),
    ...typeofSelect
  ];
  const joinIdColumns = new Map<string, string>();
  const joinTypeColumns = new Map<string, string>();
  if (!aggregate) {
    selectList.unshift(`${paths.rootAlias}.Id AS _id`);
    if (options.storageOrder || options.rowIds)
      selectList.unshift(`${paths.rootAlias}.rowid AS _row`);
    for (const c of columns) {
      if (c.kind !== 'field') continue;
      c.path.joinAliases.forEach((alias, i) => {
        const key = c.path.relationships.slice(0, i + 1).join('.');
        if (joinIdColumns.has(key)) return;
        joinIdColumns.set(key, `_j${joinIdColumns.size}`);
        selectList.push(`${alias}.Id AS _j${joinIdColumns.size - 1}`);
        if (c.path.objects[i] === POLYMORPHIC_PARENT) {
          joinTypeColumns.set(key, `_t${joinTypeColumns.size}`);
          selectList.push(`${alias}.Type AS _t${joinTypeColumns.size - 1}`);
        }
      });
    }
  }
  const now = options.now ?? new Date();
  const subquery: Subquery = (sub) => semiJoin(sub, schema, now);
  const conditions: string[] = [];
  if (!options.all) conditions.push(`${paths.rootAlias}.IsDeleted = 0`);
  if (query.where)
    conditions.push(`(${compileWhere(query.where, paths, params, now, { subquery })})`);
  const groupSql = groupBy.map((g) =>
    g.fn
      ? dateFunction(String(g.fn.functionName), paths.resolve(String(g.fn.parameters?.[0]))).sql
      : paths.resolve(String(g.field)).sql
  );
  const having = query.having
    ? compileWhere(query.having, paths, params, now, { subquery, aggregates: true })
    : '';
  if (having && !aggregate) throw malformedQuery('HAVING needs GROUP BY or an aggregate');
  const ranked = options.rankedRows;
  const order = orderBy(query, paths, columns) || (ranked ? '_ranked.rank' : '');
  const root = `${q(object.name)} ${paths.rootAlias}${options.storageOrder ? ' NOT INDEXED' : ''}`;
  const rankedJoin = ranked
    ? `JOIN (${ranked.sql}) _ranked ON _ranked.row = ${paths.rootAlias}.rowid `
    : '';
  const from = `${root} ${rankedJoin}${paths.joins.join(' ')}`;
  let sql =
    countOnly && !groupBy.length
      ? `SELECT COUNT(*) AS expr FROM ${from}`
      : `SELECT ${selectList.join(', ')} FROM ${from}`;
  // The ranked source's parameters come first: its join precedes WHERE in the statement.
  if (ranked) params.unshift(...ranked.params);
  if (conditions.length) sql += ` WHERE ${conditions.join(' AND ')}`;
  if (groupSql.length) sql += ` GROUP BY ${groupSql.join(', ')}`;
  if (having) sql += ` HAVING ${having}`;
  if (order && !(countOnly && !groupBy.length)) sql += ` ORDER BY ${order}`;
  if (query.limit !== undefined) {
    sql += ' LIMIT ?';
    params.push(soqlInteger(query.limit, 'LIMIT'));
  }
  if (query.offset !== undefined) {
    if (query.limit === undefined) sql += ' LIMIT -1';
    sql += ' OFFSET ?';
    params.push(soqlInteger(query.offset, 'OFFSET'));
  }
  return {
    object,
    sql,
    params,
    columns,
    joinIdColumns,
    joinTypeColumns,
    groupBy: groupBy.length > 0,
    countOnly: countOnly && !groupBy.length,
    aggregate,
    children,
    typeofs,
    unordered: !order && query.limit === undefined && query.offset === undefined
  };
}

interface GroupByItem {
  field?: string;
  fn?: { functionName?: string; parameters?: string[]; rawValue?: string };
}

/** Function text compared regardless of case and spacing: `count(id)` is `COUNT(Id)`. */
const normalize = (text: string) => text.replace(/\s/g, '').toUpperCase();

const groupKey = (c: Column) =>
  c.kind === 'field' ? normalize(fieldName(c)) : c.grouped ? c.raw : normalize(c.name);

/**
 * A semi-join or anti-join's subquery (`Id IN (SELECT AccountId FROM Contact)`): one Id or
 * reference field, its null values left out so that NOT IN keeps its SOQL meaning.
 */
function semiJoin(sub: Query, schema: Schema, now: Date): { sql: string; params: SqlValue[] } {
  const compiled = compileQuery(sub, schema, { now });
  const [column] = compiled.columns;
  if (
    compiled.columns.length !== 1 ||
    column.kind !== 'field' ||
    !['id', 'reference'].includes(column.path.field.type) ||
    compiled.children.length
  )
    throw malformedQuery('A semi-join subquery must select one Id or reference field');
  return {
    sql: `SELECT ${column.sqlAlias} FROM (${compiled.sql}) WHERE ${column.sqlAlias} IS NOT NULL`,
    params: compiled.params
  };
}

/** SOQL's LIMIT and OFFSET are 32-bit integers: anything larger is a malformed query. */
function soqlInteger(value: unknown, clause: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 2_147_483_647)
    throw malformedQuery(`${clause} must be an integer from 0 to 2147483647, not ${String(value)}`);
  return n;
}

const fieldName = (c: Column) =>
  c.kind === 'field' ? [...c.path.relationships, c.path.field.name].join('.') : c.name;

function orderBy(query: Query, paths: PathResolver, columns: Column[]): string {
  const items = (query.orderBy ? [].concat(query.orderBy as never) : []) as Record<
    string,
    unknown
  >[];
  return items
    .map((item) => {
      let sql: string;
      let field: FieldDef | undefined;
      if (item.fn) {
        const fn = item.fn as { rawValue?: string; functionName?: string };
        const raw = normalize(String(fn.rawValue ?? ''));
        const match = columns.find((c) => c.kind === 'aggregate' && c.raw === raw);
        if (!match) throw malformedQuery(`ORDER BY ${fn.rawValue} must be selected`);
        sql = match.sqlAlias;
      } else {
        const path = paths.resolve(String(item.field));
        sql = path.sql;
        field = path.field;
      }
      const direction = String(item.order ?? 'ASC').toUpperCase();
      const nulls = String(item.nulls ?? (direction === 'DESC' ? 'LAST' : 'FIRST')).toUpperCase();
      const collate =
        field && ['string', 'textarea', 'email', 'picklist', 'url', 'phone'].includes(field.type)
          ? ' COLLATE NOCASE'
          : '';
      return `${sql}${collate} ${direction} NULLS ${nulls}`;
    })
    .join(', ');
}

function childQuery(
  sub: Query,
  parent: ObjectDef,
  schema: Schema,
  options: CompileOptions
): Omit<ChildQuery, 'position'> {
  const name = String(
    (sub as Query & { relationshipName?: string }).relationshipName ?? sub.sObject ?? ''
  );
  const relationship = schema
    .childRelationships(parent.name)
    .find((r) => r.relationshipName.toLowerCase() === name.toLowerCase());
  if (!relationship)
    throw malformedQuery(`Didn't understand relationship '${name}' in FROM part of query call`);
  const { limit: written, ...rest } = sub;
  const limit = written === undefined ? undefined : soqlInteger(written, 'LIMIT');
  const query = compileQuery({ ...rest, sObject: relationship.childSObject }, schema, {
    all: options.all,
    now: options.now,
    childLimit: limit
  });
  return {
    relationshipName: relationship.relationshipName,
    childObject: schema.get(relationship.childSObject)!,
    foreignKey: relationship.field,
    query,
    limit
  };
}
