import type { FieldDef } from '../schema/types';
import type { Column, CompiledQuery } from './compile';
import type { TypeofColumn } from './typeOf';

/**
 * One column of `GET /query?q=…&columns=true`, as Salesforce describes it. `sf data query` lays
 * out its table, CSV and JSON from these: `joinColumns` for a parent relationship (nested, one
 * level per relationship) and for a subquery (marked `aggregate`), `displayName` for functions.
 */
export interface ColumnMetadata {
  aggregate: boolean;
  apexType: string | null;
  booleanType: boolean;
  columnName: string;
  custom: boolean;
  displayName: string;
  foreignKeyName: string | null;
  insertable: boolean;
  joinColumns: ColumnMetadata[];
  numberType: boolean;
  textType: boolean;
  updatable: boolean;
}

export interface QueryColumns {
  columnMetadata: ColumnMetadata[];
  entityName: string;
  groupBy: boolean;
  idSelected: boolean;
  keyPrefix: string;
}

const APEX_TYPES: Record<FieldDef['type'], string> = {
  id: 'Id',
  reference: 'Id',
  string: 'String',
  textarea: 'String',
  email: 'String',
  phone: 'String',
  url: 'String',
  picklist: 'String',
  multipicklist: 'String',
  double: 'Double',
  currency: 'Double',
  percent: 'Double',
  int: 'Integer',
  boolean: 'Boolean',
  date: 'Date',
  datetime: 'Datetime'
};

function typed(field: FieldDef | undefined) {
  const apexType = field ? APEX_TYPES[field.type] : null;
  return {
    apexType,
    booleanType: apexType === 'Boolean',
    numberType: apexType === 'Double' || apexType === 'Integer',
    textType: apexType === 'String'
  };
}

function fieldColumn(field: FieldDef, displayName: string): ColumnMetadata {
  const writable = !field.system && field.type !== 'id';
  return {
    aggregate: false,
    ...typed(field),
    columnName: field.name,
    custom: field.name.endsWith('__c'),
    displayName,
    foreignKeyName: null,
    insertable: writable,
    joinColumns: [],
    updatable: writable
  };
}

function joinColumn(
  name: string,
  displayName: string,
  aggregate: boolean,
  foreignKeyName: string | null = null
): ColumnMetadata {
  return {
    aggregate,
    apexType: null,
    booleanType: false,
    columnName: name,
    custom: name.endsWith('__r'),
    displayName,
    foreignKeyName,
    insertable: false,
    joinColumns: [],
    numberType: false,
    textType: false,
    updatable: false
  };
}

/** Adds a column to `list`, under the relationship columns its path goes through. */
function place(list: ColumnMetadata[], column: Column) {
  if (column.kind === 'aggregate') {
    // Salesforce gives functions no apexType, only whether they are numbers, text or booleans.
    list.push({
      ...joinColumn(column.name, column.display, true),
      ...typed(column.field),
      apexType: null,
      custom: false
    });
    return;
  }
  const { relationships, foreignKeys, field } = column.path;
  let target = list;
  relationships.forEach((name, i) => {
    let parent = target.find((c) => c.columnName === name && !c.aggregate);
    if (!parent) {
      parent = joinColumn(name, name, false, foreignKeys[i]);
      target.push(parent);
    }
    target = parent.joinColumns;
  });
  const leaf = fieldColumn(field, field.name);
  target.push(
    column.alias ? { ...leaf, columnName: column.alias, displayName: column.alias } : leaf
  );
}

function columnsOf(compiled: CompiledQuery): ColumnMetadata[] {
  const list: ColumnMetadata[] = [];
  const placeOthersAt = (index: number) => {
    for (const child of compiled.children.filter((c) => c.position === index))
      list.push(subqueryColumn(child.relationshipName, child.query));
    for (const column of compiled.typeofs.filter((c) => c.position === index))
      list.push(typeofColumn(column));
  };
  compiled.columns.forEach((column, index) => {
    placeOthersAt(index);
    place(list, column);
  });
  placeOthersAt(compiled.columns.length);
  return list;
}

/** A TYPEOF is its relationship, joining every field any branch reads, once each. */
function typeofColumn(column: TypeofColumn): ColumnMetadata {
  const fields = [...column.branches.flatMap((b) => b.fields), ...column.otherwise];
  const unique = fields.filter(
    (f, i) => fields.findIndex((g) => g.field.name === f.field.name) === i
  );
  return {
    ...joinColumn(column.relationship, column.relationship, false, column.foreignKey),
    joinColumns: unique.map(({ field }) => fieldColumn(field, field.name))
  };
}

const subqueryColumn = (name: string, query: CompiledQuery): ColumnMetadata => ({
  ...joinColumn(name, name, true),
  joinColumns: columnsOf(query)
});

/** The `columns=true` answer for a compiled query: its columns, without running it. */
export function queryColumns(compiled: CompiledQuery): QueryColumns {
  return {
    columnMetadata: compiled.countOnly ? [] : columnsOf(compiled),
    entityName: compiled.aggregate ? 'AggregateResult' : compiled.object.name,
    groupBy: compiled.groupBy,
    idSelected: compiled.columns.some(
      (c) => c.kind === 'field' && !c.path.relationships.length && c.path.field.name === 'Id'
    ),
    keyPrefix: compiled.aggregate ? '' : compiled.object.keyPrefix
  };
}
