import type { Query, WhereClause } from '@jetstreamapp/soql-parser-js';
import { OrgError, malformedQuery } from '../errors';
import { to18 } from '../../core/ids';
import type { FieldDef } from '../schema/types';
import type { SqlValue } from '../values';
import { dateLiteralRange } from './dateLiterals';
import { AGGREGATES, aggregateFunction, dateFunction, isDateFunction } from './functions';
import type { PathResolver } from './paths';
import { CASE_FOLD, isAscii, likePattern } from './textMatch';

const TEXT_TYPES = new Set([
  'string',
  'textarea',
  'email',
  'phone',
  'url',
  'picklist',
  'multipicklist'
]);
const COMPARE = new Set(['=', '!=', '<>', '<', '>', '<=', '>=']);

function unquote(value: string): string {
  if (!(value.startsWith("'") && value.endsWith("'"))) return value;
  return value
    .slice(1, -1)
    .replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c);
}

/** A literal from the query as the stored form of the field it is compared with. */
function literal(field: FieldDef, raw: string, literalType: string | undefined): SqlValue {
  if (literalType === 'NULL') return null;
  const value = unquote(raw);
  switch (field.type) {
    case 'boolean':
      if (!/^(true|false)$/i.test(value))
        throw malformedQuery(`${field.name}: expected true or false, got ${raw}`);
      return /^true$/i.test(value) ? 1 : 0;
    case 'double':
    case 'currency':
    case 'percent':
    case 'int': {
      const n = Number(value);
      if (!Number.isFinite(n)) throw malformedQuery(`${field.name}: expected a number, got ${raw}`);
      return n;
    }
    case 'id':
    case 'reference': {
      // Salesforce refuses a malformed Id literal rather than matching nothing.
      const id = to18(value);
      if (id === undefined && value !== '')
        throw new OrgError(400, 'INVALID_QUERY_FILTER_OPERATOR', `invalid ID field: ${value}`);
      return id ?? value;
    }
    case 'datetime':
      if (/^\d{4}-\d{2}-\d{2}T/.test(value))
        return new Date(value).toISOString().replace('Z', '+0000');
      return value;
    default:
      return value;
  }
}

const asDateTime = (day: string) => `${day}T00:00:00.000+0000`;

/** Compiles a semi-join's subquery to SQL that selects its one column. */
export type Subquery = (query: Query) => { sql: string; params: SqlValue[] };

export interface WhereOptions {
  /** Semi-joins and anti-joins (`Id IN (SELECT AccountId FROM Contact)`). */
  subquery?: Subquery;
  /** HAVING compares aggregates (`COUNT(Id) > 1`). */
  aggregates?: boolean;
}

/** Compiles a WHERE (or HAVING) chain to SQL with every value bound as a parameter. */
export function compileWhere(
  where: WhereClause | undefined,
  paths: PathResolver,
  params: SqlValue[],
  now = new Date(),
  options: WhereOptions = {}
): string {
  let sql = '';
  for (let node = where as WhereNode | undefined; node; node = node.right) {
    if (node.left) sql += condition(node.left, paths, params, now, options);
    if (node.operator) sql += ` ${node.operator} `;
  }
  return sql;
}

/** The parser's WHERE chain, loosely typed: its published types omit some properties. */
interface WhereNode {
  left: Cond | null;
  operator?: string;
  right?: WhereNode;
}
interface Cond {
  field?: string;
  fn?: { functionName?: string; parameters?: string[]; rawValue?: string };
  operator: string;
  value?: string | string[];
  literalType?: string | string[];
  openParen?: number;
  closeParen?: number;
  valueQuery?: Query;
}

/** The left side of a condition: a field, a date function of one, or (in HAVING) an aggregate. */
function operand(c: Cond, paths: PathResolver, options: WhereOptions) {
  if (c.fn) {
    const name = String(c.fn.functionName).toUpperCase();
    const parameter = c.fn.parameters?.[0];
    const path = parameter === undefined ? undefined : paths.resolve(String(parameter));
    const value = isDateFunction(name)
      ? path && dateFunction(name, path)
      : options.aggregates && AGGREGATES.has(name)
        ? aggregateFunction(name, path)
        : undefined;
    if (!value?.field)
      throw malformedQuery(`${c.fn.rawValue ?? name} is not supported here by the local org`);
    return { sql: value.sql, field: value.field };
  }
  if (!c.field) throw malformedQuery('A condition needs a field');
  const path = paths.resolve(c.field);
  return { sql: path.sql, field: path.field };
}

function condition(
  c: Cond,
  paths: PathResolver,
  params: SqlValue[],
  now: Date,
  options: WhereOptions
): string {
  const open = '('.repeat(c.openParen ?? 0);
  const close = ')'.repeat(c.closeParen ?? 0);
  const { sql: operandSql, field } = operand(c, paths, options);
  const column = field.type === 'boolean' ? `COALESCE(${operandSql}, 0)` : operandSql;
  const nocase = TEXT_TYPES.has(field.type) ? ' COLLATE NOCASE' : '';
  const operator = c.operator.toUpperCase();
  if (c.valueQuery || c.literalType === 'SUBQUERY')
    return `${open}${semiJoin(c, column, field, params, options)}${close}`;
  const values = Array.isArray(c.value) ? c.value : [c.value as string];
  const literalTypes = Array.isArray(c.literalType)
    ? c.literalType
    : values.map(() => c.literalType as string | undefined);
  let body: string;
  // Text with a non-ASCII letter is matched case-folded in every alphabet (textMatch.ts).
  const folded = (text: string) => nocase !== '' && !isAscii(text);
  if (operator === 'IN' || operator === 'NOT IN') {
    params.push(...values.map((v, i) => literal(field, v, literalTypes[i])));
    body = values.some(folded)
      ? `${CASE_FOLD}(${column}) ${operator} (${values.map(() => `${CASE_FOLD}(?)`).join(', ')})`
      : `${column}${nocase} ${operator} (${values.map(() => '?').join(', ')})`;
  } else if (operator === 'INCLUDES' || operator === 'EXCLUDES') {
    const parts = values.map((v) => {
      const wanted = unquote(v).split(';');
      params.push(...wanted.map((w) => `%;${w};%`));
      return `(${wanted.map(() => `(';' || ${column} || ';') LIKE ?`).join(' AND ')})`;
    });
    body = `${operator === 'EXCLUDES' ? 'NOT ' : ''}(${parts.join(' OR ')})`;
  } else if (operator === 'LIKE') {
    const { pattern, escaped } = likePattern(values[0]);
    params.push(pattern);
    const like = folded(pattern)
      ? `${CASE_FOLD}(${column}) LIKE ${CASE_FOLD}(?)`
      : `${column} LIKE ?`;
    body = escaped ? `${like} ESCAPE '\\'` : like;
  } else if (
    ['=', '!=', '<>'].includes(operator) &&
    literalTypes[0] !== 'NULL' &&
    folded(unquote(values[0]))
  ) {
    params.push(unquote(values[0]).toLowerCase());
    const equal = `${CASE_FOLD}(${column}) ${operator === '=' ? '=' : '!='} ?`;
    body = operator === '=' ? equal : `(${equal} OR ${column} IS NULL)`;
  } else if (COMPARE.has(operator)) {
    body = comparison(
      column + nocase,
      operator === '<>' ? '!=' : operator,
      field,
      values[0],
      literalTypes[0],
      params,
      now
    );
  } else {
    throw malformedQuery(`Operator ${c.operator} is not supported by the local org`);
  }
  return `${open}${body}${close}`;
}

/** `Id IN (SELECT …)` / `NOT IN`: an Id or reference field against the subquery's Ids. */
function semiJoin(
  c: Cond,
  column: string,
  field: FieldDef,
  params: SqlValue[],
  options: WhereOptions
): string {
  const operator = c.operator.toUpperCase();
  if (!c.valueQuery || !options.subquery || !['IN', 'NOT IN'].includes(operator))
    throw malformedQuery('A subquery in WHERE needs IN or NOT IN');
  if (!['id', 'reference'].includes(field.type))
    throw malformedQuery(
      `Semi-join and anti-join need an Id or reference field, not ${field.name}`
    );
  const sub = options.subquery(c.valueQuery);
  params.push(...sub.params);
  // SOQL's NOT IN keeps records whose reference is empty; SQL's would not.
  return operator === 'IN'
    ? `${column} IN (${sub.sql})`
    : `(${column} IS NULL OR ${column} NOT IN (${sub.sql}))`;
}

function comparison(
  column: string,
  op: string,
  field: FieldDef,
  raw: string,
  literalType: string | undefined,
  params: SqlValue[],
  now: Date
): string {
  if (literalType === 'NULL') return `${column} IS ${op === '=' ? '' : 'NOT '}NULL`;
  if (literalType === 'DATE_LITERAL' || literalType === 'DATE_N_LITERAL') {
    const range = dateLiteralRange(raw, now);
    const [start, end] =
      field.type === 'datetime'
        ? [asDateTime(range.start), asDateTime(range.end)]
        : [range.start, range.end];
    const forms: Record<string, [string, SqlValue[]]> = {
      '=': [`(${column} >= ? AND ${column} < ?)`, [start, end]],
      '!=': [`(${column} < ? OR ${column} >= ?)`, [start, end]],
      '<': [`${column} < ?`, [start]],
      '<=': [`${column} < ?`, [end]],
      '>': [`${column} >= ?`, [end]],
      '>=': [`${column} >= ?`, [start]]
    };
    const [sql, values] = forms[op];
    params.push(...values);
    return sql;
  }
  params.push(literal(field, raw, literalType));
  // SOQL's != matches nulls too; SQL's does not.
  return op === '!=' ? `(${column} != ? OR ${column} IS NULL)` : `${column} ${op} ?`;
}
