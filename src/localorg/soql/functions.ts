import { malformedQuery } from '../errors';
import type { FieldDef, ObjectDef } from '../schema/types';
import type { ResolvedPath } from './paths';

/** SOQL's aggregate functions. */
export const AGGREGATES = new Set(['COUNT', 'COUNT_DISTINCT', 'MAX', 'MIN', 'SUM', 'AVG']);

const integer = (sql: string) => `CAST(${sql} AS INTEGER)`;
const dayOfYear = (day: string) => integer(`strftime('%j', ${day})`);

/**
 * SOQL date functions over stored dates (`YYYY-MM-DD`) and date-times
 * (`YYYY-MM-DDTHH:MM:SS.sss+0000`), in UTC as the local org's users are. The fiscal year starts
 * in January, an org's default, so the fiscal functions are the calendar ones.
 */
const DATE_FUNCTIONS: Record<string, (sql: string) => string> = {
  CALENDAR_YEAR: (sql) => integer(`substr(${sql}, 1, 4)`),
  CALENDAR_QUARTER: (sql) => `((${integer(`substr(${sql}, 6, 2)`)} + 2) / 3)`,
  CALENDAR_MONTH: (sql) => integer(`substr(${sql}, 6, 2)`),
  DAY_IN_MONTH: (sql) => integer(`substr(${sql}, 9, 2)`),
  DAY_IN_WEEK: (sql) => `(${integer(`strftime('%w', substr(${sql}, 1, 10))`)} + 1)`,
  DAY_IN_YEAR: (sql) => dayOfYear(`substr(${sql}, 1, 10)`),
  DAY_ONLY: (sql) => `substr(${sql}, 1, 10)`,
  HOUR_IN_DAY: (sql) => integer(`substr(${sql}, 12, 2)`),
  WEEK_IN_MONTH: (sql) => `((${integer(`substr(${sql}, 9, 2)`)} - 1) / 7 + 1)`,
  WEEK_IN_YEAR: (sql) => `((${dayOfYear(`substr(${sql}, 1, 10)`)} - 1) / 7 + 1)`,
  FISCAL_YEAR: (sql) => integer(`substr(${sql}, 1, 4)`),
  FISCAL_QUARTER: (sql) => `((${integer(`substr(${sql}, 6, 2)`)} + 2) / 3)`,
  FISCAL_MONTH: (sql) => integer(`substr(${sql}, 6, 2)`)
};

export const isDateFunction = (name: string) => name.toUpperCase() in DATE_FUNCTIONS;

const numberField = (name: string, type: FieldDef['type']): FieldDef => ({
  name,
  label: name,
  type,
  required: false
});

/** A SOQL function applied to a resolved field: its SQL and the field its value reads as. */
export interface FunctionValue {
  sql: string;
  field?: FieldDef;
}

export function dateFunction(name: string, path: ResolvedPath): FunctionValue {
  const fn = name.toUpperCase();
  if (!isDateFunction(fn)) throw malformedQuery(`${fn}() is not supported by the local org`);
  if (!['date', 'datetime'].includes(path.field.type))
    throw malformedQuery(`${fn} needs a date or date/time field, not ${path.field.name}`);
  if ((fn === 'DAY_ONLY' || fn === 'HOUR_IN_DAY') && path.field.type !== 'datetime')
    throw malformedQuery(`${fn} needs a date/time field, not ${path.field.name}`);
  return {
    sql: DATE_FUNCTIONS[fn](path.sql),
    field: fn === 'DAY_ONLY' ? numberField('DAY_ONLY', 'date') : numberField(fn, 'int')
  };
}

export function aggregateFunction(name: string, path: ResolvedPath | undefined): FunctionValue {
  const fn = name.toUpperCase();
  if (!path) return { sql: 'COUNT(*)', field: numberField('COUNT', 'int') };
  if (fn === 'COUNT') return { sql: `COUNT(${path.sql})`, field: numberField(fn, 'int') };
  if (fn === 'COUNT_DISTINCT')
    return { sql: `COUNT(DISTINCT ${path.sql})`, field: numberField(fn, 'int') };
  if (fn === 'AVG') return { sql: `AVG(${path.sql})`, field: numberField(fn, 'double') };
  return { sql: `${fn}(${path.sql})`, field: path.field };
}

/** FIELDS(ALL) and FIELDS(CUSTOM) read every field, so Salesforce caps them at 200 rows. */
const FIELDS_LIMIT = 200;

/** The fields FIELDS(STANDARD|CUSTOM|ALL) stands for, in the object's field order. */
export function fieldsOf(object: ObjectDef, which: string, limit: unknown): FieldDef[] {
  const kind = which.toUpperCase();
  if (!['STANDARD', 'CUSTOM', 'ALL'].includes(kind))
    throw malformedQuery(
      `FIELDS(${which}) must be FIELDS(STANDARD), FIELDS(CUSTOM) or FIELDS(ALL)`
    );
  if (kind !== 'STANDARD' && !(limit !== undefined && Number(limit) <= FIELDS_LIMIT))
    throw malformedQuery(
      `The SOQL FIELDS function must have a LIMIT of at most ${FIELDS_LIMIT} when it reads FIELDS(${kind})`
    );
  const custom = (f: FieldDef) => f.name.endsWith('__c');
  return [...object.fields.values()].filter((f) =>
    kind === 'ALL' ? true : kind === 'CUSTOM' ? custom(f) : !custom(f)
  );
}

/** toLabel(field): a picklist value's label in place of its value, other values as they are. */
export function toLabel(path: ResolvedPath): ResolvedPath {
  const relabelled = (path.field.picklistValues ?? []).filter((v) => v.label !== v.value);
  if (!relabelled.length) return path;
  const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
  const cases = relabelled.map((v) => `WHEN ${quote(v.value)} THEN ${quote(v.label)}`).join(' ');
  return { ...path, sql: `(CASE ${path.sql} ${cases} ELSE ${path.sql} END)` };
}
