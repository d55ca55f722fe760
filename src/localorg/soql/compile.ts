import {
  parseQuery,
  type FieldType as SelectField,
  type Query
} from '@jetstreamapp/soql-parser-js';
import { invalidType, malformedQuery } from '../errors';
import type { Schema } from '../schema/schema';
import type { FieldDef, ObjectDef } from '../schema/types';
import { q } from '../store';
import type { SqlValue } from '../values';
import { PathResolver, type ResolvedPath } from './paths';
import { compileWhere } from './where';

/** One output column: a field path or an aggregate with its result name. */
export type Column =
  | { kind: 'field'; path: ResolvedPath; sqlAlias: string; alias?: string }
  | { kind: 'aggregate'; name: string; raw: string; field?: FieldDef; sqlAlias: string };

export interface ChildQuery {
  relationshipName: string;
  childObject: ObjectDef;
  foreignKey: string;
  query: CompiledQuery;
  limit?: number;
}

export interface CompiledQuery {
  object: ObjectDef;
  sql: string;
  params: SqlValue[];
  columns: Column[];
  /** Alias of the join per relationship prefix: a null join id means a null parent. */
  joinIdColumns: Map<string, string>;
  countOnly: boolean;
  aggregate: boolean;
  children: ChildQuery[];
  /** No ORDER BY, LIMIT or OFFSET: any order is right, so pages may follow the Id index. */
  unordered: boolean;
}

const AGGREGATES = new Set(['COUNT', 'COUNT_DISTINCT', 'MAX', 'MIN', 'SUM', 'AVG']);

export function parseSoql(soql: string): Query {
  try {
    return parseQuery(soql);
  } catch (error) {
    throw malformedQuery(`Could not parse the query: ${(error as Error).message.split('\n')[0]}`);
  }
}

function unsupported(query: Query) {
  const q = query as Query & Record<string, unknown>;
  for (const clause of ['having', 'for', 'withDataCategory', 'updateTracking', 'updateViewstat']) {
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
  if (!object) throw invalidType(query.sObject ?? '');
  const paths = new PathResolver(schema, object);
  const params: SqlValue[] = [];
  const columns: Column[] = [];
  const children: ChildQuery[] = [];
  let countOnly = false;
  let exprIndex = 0;
  for (const item of query.fields ?? []) {
    const field = item as SelectField & Record<string, unknown>;
    const sqlAlias = `c${columns.length}`;
    if (field.type === 'Field' || field.type === 'FieldRelationship') {
      const name = field.type === 'Field' ? String(field.field) : String(field.rawValue);
      columns.push({
        kind: 'field',
        path: paths.resolve(name),
        sqlAlias,
        alias: field.alias as string | undefined
      });
    } else if (
      field.type === 'FieldFunctionExpression' &&
      AGGREGATES.has(String(field.functionName).toUpperCase())
    ) {
      const fn = String(field.functionName).toUpperCase();
      const parameters = (field.parameters as string[]) ?? [];
      if (fn === 'COUNT' && parameters.length === 0) {
        countOnly = true;
        continue;
      }
      const path = paths.resolve(String(parameters[0]));
      const sqlFn = fn === 'COUNT_DISTINCT' ? `COUNT(DISTINCT ${path.sql})` : `${fn}(${path.sql})`;
      const name = (field.alias as string) ?? `expr${exprIndex++}`;
      columns.push({
        kind: 'aggregate',
        name,
        raw: String(field.rawValue ?? '')
          .replace(/\s/g, '')
          .toUpperCase(),
        field: fn === 'COUNT' || fn === 'COUNT_DISTINCT' ? undefined : path.field,
        sqlAlias: `${sqlAlias}|${sqlFn}`
      });
    } else if (field.type === 'FieldSubquery') {
      children.push(childQuery(field.subquery as Query, object, schema, options));
    } else {
      throw malformedQuery(
        `${String(field.rawValue ?? field.type)} in SELECT is not supported by the local org`
      );
    }
  }
  const groupBy = (query.groupBy ? [].concat(query.groupBy as never) : []) as { field?: string }[];
  const aggregate = countOnly || groupBy.length > 0 || columns.some((c) => c.kind === 'aggregate');
  if (
    aggregate &&
    columns.some(
      (c) =>
        c.kind === 'field' &&
        !groupBy.some((g) => g.field?.toLowerCase() === fieldName(c).toLowerCase())
    )
  ) {
    throw malformedQuery('Field must be grouped or aggregated');
  }
  if (!columns.length && !countOnly) throw malformedQuery('SELECT needs at least one field');
  const selectList = columns.map((c) =>
    c.kind === 'field'
      ? `${c.path.sql} AS ${c.sqlAlias}`
      : `${c.sqlAlias.split('|')[1]} AS ${c.sqlAlias.split('|')[0]}`
  );
  for (const c of columns) if (c.kind === 'aggregate') c.sqlAlias = c.sqlAlias.split('|')[0];
  const joinIdColumns = new Map<string, string>();
  if (!aggregate) {
    selectList.unshift(`${paths.rootAlias}.Id AS _id`);
    if (options.storageOrder) selectList.unshift(`${paths.rootAlias}.rowid AS _row`);
    for (const c of columns) {
      if (c.kind !== 'field') continue;
      c.path.joinAliases.forEach((alias, i) => {
        const key = c.path.relationships.slice(0, i + 1).join('.');
        if (!joinIdColumns.has(key)) {
          joinIdColumns.set(key, `_j${joinIdColumns.size}`);
          selectList.push(`${alias}.Id AS _j${joinIdColumns.size - 1}`);
        }
      });
    }
  }
  const conditions: string[] = [];
  if (!options.all) conditions.push(`${paths.rootAlias}.IsDeleted = 0`);
  if (query.where) conditions.push(`(${compileWhere(query.where, paths, params, options.now)})`);
  const groupSql = groupBy.map((g) => paths.resolve(String(g.field)).sql);
  const order = orderBy(query, paths, columns);
  const root = `${q(object.name)} ${paths.rootAlias}${options.storageOrder ? ' NOT INDEXED' : ''}`;
  const from = `${root} ${paths.joins.join(' ')}`;
  let sql =
    countOnly && !groupBy.length
      ? `SELECT COUNT(*) AS expr FROM ${from}`
      : `SELECT ${selectList.join(', ')} FROM ${from}`;
  if (conditions.length) sql += ` WHERE ${conditions.join(' AND ')}`;
  if (groupSql.length) sql += ` GROUP BY ${groupSql.join(', ')}`;
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
    countOnly: countOnly && !groupBy.length,
    aggregate,
    children,
    unordered: !order && query.limit === undefined && query.offset === undefined
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
        const raw = String(fn.rawValue ?? '')
          .replace(/\s/g, '')
          .toUpperCase();
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
  options: { all?: boolean; now?: Date }
): ChildQuery {
  const name = String(
    (sub as Query & { relationshipName?: string }).relationshipName ?? sub.sObject ?? ''
  );
  const relationship = schema
    .childRelationships(parent.name)
    .find((r) => r.relationshipName.toLowerCase() === name.toLowerCase());
  if (!relationship)
    throw malformedQuery(`Didn't understand relationship '${name}' in FROM part of query call`);
  const { limit, ...rest } = sub;
  const query = compileQuery({ ...rest, sObject: relationship.childSObject }, schema, options);
  return {
    relationshipName: relationship.relationshipName,
    childObject: schema.get(relationship.childSObject)!,
    foreignKey: relationship.field,
    query,
    limit: limit === undefined ? undefined : soqlInteger(limit, 'LIMIT')
  };
}
