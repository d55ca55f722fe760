import { malformedQuery } from '../errors';
import { parentRelationshipName, type Schema } from '../schema/schema';
import type { FieldDef } from '../schema/types';
import { q } from '../store';
import { fromStored } from '../values';
import type { PathResolver } from './paths';

interface TypeofField {
  field: FieldDef;
  sqlAlias: string;
}

/**
 * `TYPEOF What WHEN Account THEN Name, Phone WHEN Opportunity THEN Amount ELSE Name END`: the
 * parent's fields depend on the object it turns out to be. Each WHEN object is joined on its
 * own; ELSE reads the Name object every polymorphic parent has.
 */
export interface TypeofColumn {
  relationship: string;
  foreignKey: string;
  /** Select alias of the lookup's value, whose key prefix tells the parent's object. */
  idAlias: string;
  /** How many columns precede it in SELECT. */
  position: number;
  /** Key prefix and name of every object the lookup may point to. */
  objects: { keyPrefix: string; name: string }[];
  branches: { objectName: string; fields: TypeofField[] }[];
  otherwise: TypeofField[];
}

interface ParsedTypeof {
  field: string;
  conditions: { type: string; objectType?: string; fieldList: string[] }[];
}

/** Compiles one TYPEOF into the SQL select items it needs and how to shape its parent record. */
export function compileTypeof(
  parsed: ParsedTypeof,
  paths: PathResolver,
  schema: Schema,
  position: number,
  select: string[]
): TypeofColumn {
  const lookup = paths.polymorphicLookup(parsed.field);
  const relationship = parentRelationshipName(lookup)!;
  const alias = () => `_ty${select.length}`;
  const column = (sql: string, field: FieldDef): TypeofField => {
    const sqlAlias = alias();
    select.push(`${sql} AS ${sqlAlias}`);
    return { field, sqlAlias };
  };
  const simple = (name: string) => {
    if (name.includes('.'))
      throw malformedQuery(`TYPEOF reads the parent's own fields, not ${name}, in the local org`);
    return name;
  };
  const idAlias = alias();
  select.push(`${paths.rootAlias}.${q(lookup.name)} AS ${idAlias}`);
  const result: TypeofColumn = {
    relationship,
    foreignKey: lookup.name,
    idAlias,
    position,
    objects: lookup
      .referenceTo!.map((name) => schema.get(name))
      .filter((o) => !!o)
      .map((o) => ({ keyPrefix: o!.keyPrefix, name: o!.name })),
    branches: [],
    otherwise: []
  };
  for (const condition of parsed.conditions) {
    if (condition.type.toUpperCase() === 'WHEN') {
      result.branches.push({
        objectName: String(condition.objectType),
        fields: condition.fieldList.map((name) => {
          const path = paths.resolveAs(parsed.field, String(condition.objectType), simple(name));
          return column(path.sql, path.field);
        })
      });
    } else {
      result.otherwise = condition.fieldList.map((name) => {
        const path = paths.resolve(`${parsed.field}.${simple(name)}`);
        return column(path.sql, path.field);
      });
    }
  }
  for (const branch of result.branches) {
    const object = result.objects.find(
      (o) => o.name.toLowerCase() === branch.objectName.toLowerCase()
    );
    branch.objectName = object?.name ?? branch.objectName;
  }
  return result;
}

/** The parent record of one row: the WHEN branch of its object, else ELSE, else only its type. */
export function shapeTypeof(
  column: TypeofColumn,
  row: Record<string, unknown>,
  url: (type: string, id: unknown) => string
): Record<string, unknown> | null {
  const id = row[column.idAlias];
  if (id === null || id === undefined) return null;
  const type = column.objects.find((o) => String(id).startsWith(o.keyPrefix))?.name ?? 'Name';
  const branch = column.branches.find((b) => b.objectName === type);
  const record: Record<string, unknown> = { attributes: { type, url: url(type, id) } };
  for (const { field, sqlAlias } of branch ? branch.fields : column.otherwise)
    record[field.name] = fromStored(field, row[sqlAlias]);
  return record;
}
