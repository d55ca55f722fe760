import { notAnExternalId, OrgError } from './errors';
import { keyLookupSql } from './records';
import { parentRelationshipName, type Schema } from './schema/schema';
import type { FieldDef, ObjectDef } from './schema/types';
import type { Store } from './store';

/**
 * A parent named by its external id instead of its Id, as migrations load children: the REST
 * body `{"Account": {"External_Id__c": "A-1"}}` or the Bulk column `Account.External_Id__c`.
 */
export interface ParentKey {
  /** The lookup field the parent's Id goes into (AccountId, Account__c). */
  field: FieldDef;
  /** The parent record's Id, or null when the key value is empty. */
  id: string | null;
}

/** The lookup field whose relationship is `relationship` (Account → AccountId, X__r → X__c). */
export function lookupByRelationship(
  object: ObjectDef,
  relationship: string
): FieldDef | undefined {
  const name = relationship.toLowerCase();
  return [...object.fields.values()].find(
    (f) => f.type === 'reference' && !f.system && parentRelationshipName(f)?.toLowerCase() === name
  );
}

/** A `Relationship.KeyField` column or a `Relationship: { KeyField: value }` body field as one shape. */
export function parentKeyOf(
  key: string,
  value: unknown
): { relationship: string; keyField: string; keyValue: unknown; type?: string } | undefined {
  const dot = key.indexOf('.');
  if (dot > 0)
    return { relationship: key.slice(0, dot), keyField: key.slice(dot + 1), keyValue: value };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([k]) => k !== 'attributes'
  );
  if (entries.length !== 1) return undefined;
  const type = ((value as { attributes?: { type?: unknown } }).attributes?.type ?? undefined) as
    string | undefined;
  return { relationship: key, keyField: entries[0][0], keyValue: entries[0][1], type };
}

/** Finds the parent a key names; undefined when `relationship` is no lookup of `object`. */
export function resolveParentKey(
  store: Store,
  schema: Schema,
  object: ObjectDef,
  key: NonNullable<ReturnType<typeof parentKeyOf>>
): ParentKey | undefined {
  const field = lookupByRelationship(object, key.relationship);
  if (!field) return undefined;
  const targets = field.referenceTo ?? [];
  const typeName = key.type ?? (targets.length === 1 ? targets[0] : undefined);
  const parent = typeName ? schema.get(typeName) : undefined;
  if (!parent || !targets.some((t) => t.toLowerCase() === parent.name.toLowerCase()))
    throw new OrgError(
      400,
      'INVALID_FIELD',
      `${key.relationship} needs attributes.type naming one of: ${targets.join(', ')}`,
      [field.name]
    );
  const keyField = schema.field(parent, key.keyField);
  if (!keyField || !keyField.externalId) throw notAnExternalId(key.keyField, parent.name);
  if (key.keyValue === null || key.keyValue === undefined || key.keyValue === '')
    return { field, id: null };
  const value = String(key.keyValue);
  const matches = store.stmt(keyLookupSql(parent, keyField)).all(value) as { Id: string }[];
  if (matches.length !== 1)
    throw new OrgError(
      400,
      'INVALID_FIELD',
      matches.length
        ? `Foreign key external ID: ${value} matched more than one record for field ${keyField.name} in entity ${parent.name}`
        : `Foreign key external ID: ${value} not found for field ${keyField.name} in entity ${parent.name}`,
      [field.name]
    );
  return { field, id: matches[0].Id };
}
