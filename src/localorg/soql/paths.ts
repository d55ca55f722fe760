import { invalidField, malformedQuery } from '../errors';
import { parentRelationshipName, type Schema } from '../schema/schema';
import type { FieldDef, ObjectDef } from '../schema/types';
import { q } from '../store';

/**
 * What a polymorphic lookup (Task.What, FeedItem.Parent) reaches: Salesforce's `Name` object,
 * with the Id, name and object type of whichever record it points to.
 */
export const POLYMORPHIC_PARENT = 'Name';
const NAME_OBJECT: ObjectDef = {
  name: POLYMORPHIC_PARENT,
  label: 'Name',
  labelPlural: 'Names',
  custom: false,
  keyPrefix: '',
  fields: new Map(
    (
      [
        ['Id', 'id'],
        ['Name', 'string'],
        ['Type', 'string']
      ] as const
    ).map(([name, type]) => [
      name.toLowerCase(),
      { name, label: name, type, required: false, system: true }
    ])
  )
};

/** The field an object's records are named by: Name, else Case's CaseNumber or a Subject. */
export function nameField(object: ObjectDef): FieldDef | undefined {
  return ['name', 'casenumber', 'subject'].map((n) => object.fields.get(n)).find(Boolean);
}

/** A field reached from the query's object, perhaps through parent relationships. */
export interface ResolvedPath {
  /** SQL expression, e.g. `j1."Name"`. */
  sql: string;
  field: FieldDef;
  /** Relationship names from the root, e.g. ['Owner'] for Owner.Name. */
  relationships: string[];
  /** Join alias per relationship prefix, to tell a null parent from a null field. */
  joinAliases: string[];
  /** Object name per relationship, for the nested records' attributes. */
  objects: string[];
  /** The lookup field per relationship (OwnerId for Owner), for column metadata. */
  foreignKeys: string[];
}

/**
 * Resolves dotted field paths into SQL over LEFT JOINs, adding each parent join once.
 * Identifiers come only from the schema, never from the query text.
 */
export class PathResolver {
  readonly joins: string[] = [];
  private readonly aliases = new Map<string, { alias: string; object: ObjectDef }>();

  constructor(
    private readonly schema: Schema,
    readonly root: ObjectDef,
    readonly rootAlias = 't0'
  ) {}

  resolve(path: string): ResolvedPath {
    const parts = path.split('.');
    // `Account.Name` on Account itself is allowed in SOQL: a leading object name is dropped.
    if (
      parts.length > 1 &&
      parts[0].toLowerCase() === this.root.name.toLowerCase() &&
      !this.findRelationship(this.root, parts[0])
    )
      parts.shift();
    let object = this.root;
    let alias = this.rootAlias;
    const relationships: string[] = [];
    const joinAliases: string[] = [];
    const objects: string[] = [];
    const foreignKeys: string[] = [];
    for (const part of parts.slice(0, -1)) {
      const lookup = this.findRelationship(object, part);
      if (!lookup) throw invalidField(object.name, part);
      const polymorphic = (lookup.referenceTo ?? []).length > 1;
      const target = polymorphic ? NAME_OBJECT : this.schema.get(lookup.referenceTo![0]);
      if (!target) throw invalidField(object.name, part);
      relationships.push(parentRelationshipName(lookup)!);
      const key = relationships.join('.').toLowerCase();
      let join = this.aliases.get(key);
      if (!join) {
        join = { alias: `j${this.aliases.size + 1}`, object: target };
        this.aliases.set(key, join);
        const table = polymorphic ? `(${this.nameUnion(lookup)})` : q(target.name);
        this.joins.push(
          `LEFT JOIN ${table} ${join.alias} ON ${join.alias}.Id = ${alias}.${q(lookup.name)}`
        );
      }
      joinAliases.push(join.alias);
      objects.push(target.name);
      foreignKeys.push(lookup.name);
      object = target;
      alias = join.alias;
    }
    const last = parts[parts.length - 1];
    const field =
      object === NAME_OBJECT
        ? object.fields.get(last.toLowerCase())
        : this.schema.field(object, last);
    if (!field) throw invalidField(object.name, last);
    return {
      sql: `${alias}.${q(field.name)}`,
      field,
      relationships,
      joinAliases,
      objects,
      foreignKeys
    };
  }

  /** The polymorphic lookup behind a relationship name of the root object (`What` → WhatId). */
  polymorphicLookup(relationship: string): FieldDef {
    const lookup = this.findRelationship(this.root, relationship);
    if (!lookup || (lookup.referenceTo ?? []).length < 2)
      throw malformedQuery(`TYPEOF needs a polymorphic relationship, not ${relationship}`);
    return lookup;
  }

  /** A field of one of the objects a polymorphic lookup may point to (TYPEOF's WHEN branches). */
  resolveAs(relationship: string, objectName: string, fieldName: string): ResolvedPath {
    const lookup = this.polymorphicLookup(relationship);
    const target = lookup
      .referenceTo!.map((name) => this.schema.get(name))
      .find((o) => o?.name.toLowerCase() === objectName.toLowerCase());
    if (!target) throw malformedQuery(`${objectName} is not a type ${relationship} can point to`);
    const field = this.schema.field(target, fieldName);
    if (!field) throw invalidField(target.name, fieldName);
    const key = `${relationship}<${target.name}>`.toLowerCase();
    let join = this.aliases.get(key);
    if (!join) {
      join = { alias: `j${this.aliases.size + 1}`, object: target };
      this.aliases.set(key, join);
      this.joins.push(
        `LEFT JOIN ${q(target.name)} ${join.alias} ON ${join.alias}.Id = ${this.rootAlias}.${q(lookup.name)}`
      );
    }
    return {
      sql: `${join.alias}.${q(field.name)}`,
      field,
      relationships: [parentRelationshipName(lookup)!],
      joinAliases: [join.alias],
      objects: [target.name],
      foreignKeys: [lookup.name]
    };
  }

  /** Every record a polymorphic lookup may point to, as rows of the Name object. */
  private nameUnion(lookup: FieldDef): string {
    return lookup
      .referenceTo!.map((name) => this.schema.get(name))
      .filter((target): target is ObjectDef => !!target && !!nameField(target))
      .map(
        (target) =>
          `SELECT Id, ${q(nameField(target)!.name)} AS Name, '${target.name}' AS Type FROM ${q(target.name)}`
      )
      .join(' UNION ALL ');
  }

  private findRelationship(object: ObjectDef, name: string): FieldDef | undefined {
    const wanted = name.toLowerCase();
    return [...object.fields.values()].find(
      (f) => f.type === 'reference' && parentRelationshipName(f)?.toLowerCase() === wanted
    );
  }
}
