import { readObjectMetadata, type ObjectMetadata } from './metadata';
import { OWNED, STANDARD_OBJECTS, SYSTEM_FIELDS, toFieldDef } from './standard';
import { lower, type FieldDef, type ObjectDef } from './types';

/** Child relationship of a parent object (for subqueries and describe). */
export interface ChildRelationship {
  childSObject: string;
  field: string;
  relationshipName: string;
  cascadeDelete: boolean;
  restrictedDelete: boolean;
}

/**
 * Every object the local org knows: the built-in standard ones, extended and joined by what
 * force-app defines. Names are looked up case-insensitively, as in an org.
 */
export class Schema {
  private readonly objects = new Map<string, ObjectDef>();
  private readonly children = new Map<string, ChildRelationship[]>();

  constructor(projectDir: string, prefixFor: (objectName: string) => string) {
    const metadata = new Map(readObjectMetadata(projectDir).map((m) => [m.name, m]));
    for (const [name, spec] of Object.entries(STANDARD_OBJECTS)) {
      const fields = [...SYSTEM_FIELDS, ...spec.fields].map(toFieldDef);
      if (OWNED.has(name))
        fields.push(
          toFieldDef(['OwnerId', 'reference', { referenceTo: ['User'], relationshipName: 'Owner' }])
        );
      this.add(
        {
          name,
          label: spec.label,
          labelPlural: `${spec.label}s`,
          custom: false,
          keyPrefix: spec.prefix,
          fields: new Map()
        },
        fields
      );
    }
    const activity = metadata.get('Activity');
    for (const meta of metadata.values()) {
      if (meta.name === 'Activity') continue;
      const existing = this.objects.get(lower(meta.name));
      if (existing) this.extend(existing, meta.fields);
      else this.add(this.customObject(meta, prefixFor(meta.name)), this.customFields(meta));
    }
    for (const name of ['Task', 'Event'])
      if (activity) this.extend(this.objects.get(lower(name))!, activity.fields);
    this.linkChildren();
  }

  get(name: string): ObjectDef | undefined {
    return this.objects.get(lower(name));
  }

  list(): ObjectDef[] {
    return [...this.objects.values()];
  }

  byPrefix(id: string): ObjectDef | undefined {
    return this.list().find((o) => id.startsWith(o.keyPrefix));
  }

  childRelationships(objectName: string): ChildRelationship[] {
    return this.children.get(lower(objectName)) ?? [];
  }

  field(object: ObjectDef, name: string): FieldDef | undefined {
    return object.fields.get(lower(name));
  }

  private add(object: ObjectDef, fields: FieldDef[]) {
    this.extend(object, fields);
    this.objects.set(lower(object.name), object);
  }

  private extend(object: ObjectDef, fields: FieldDef[]) {
    for (const field of fields) object.fields.set(lower(field.name), field);
  }

  private customObject(meta: ObjectMetadata, keyPrefix: string): ObjectDef {
    const label = meta.label ?? meta.name;
    return {
      name: meta.name,
      label,
      labelPlural: meta.pluralLabel ?? label,
      custom: true,
      keyPrefix,
      fields: new Map()
    };
  }

  private customFields(meta: ObjectMetadata): FieldDef[] {
    const fields = SYSTEM_FIELDS.map(toFieldDef);
    if (meta.name.endsWith('__mdt')) {
      for (const name of ['DeveloperName', 'MasterLabel', 'Label', 'QualifiedApiName']) {
        fields.push(toFieldDef([name, 'string', { length: 80, system: true }]));
      }
      return [...fields, ...meta.fields];
    }
    const autoNumber = meta.nameField?.type === 'AutoNumber';
    fields.push(
      toFieldDef([
        'Name',
        'string',
        {
          length: 80,
          label: meta.nameField?.label ?? 'Name',
          system: autoNumber,
          autoNumberFormat: autoNumber ? meta.nameField?.displayFormat : undefined
        }
      ])
    );
    if (!meta.fields.some((f) => f.masterDetail)) {
      fields.push(
        toFieldDef(['OwnerId', 'reference', { referenceTo: ['User'], relationshipName: 'Owner' }])
      );
    }
    return [...fields, ...meta.fields];
  }

  private linkChildren() {
    for (const object of this.objects.values()) {
      for (const field of object.fields.values()) {
        if (field.type !== 'reference' || field.system || !field.referenceTo) continue;
        const relationshipName = childRelationshipName(object, field);
        if (!relationshipName) continue;
        for (const parent of field.referenceTo) {
          const list = this.children.get(lower(parent)) ?? [];
          list.push({
            childSObject: object.name,
            field: field.name,
            relationshipName,
            cascadeDelete: !!field.masterDetail,
            restrictedDelete: !!field.restrictDelete
          });
          this.children.set(lower(parent), list);
        }
      }
    }
  }
}

/** The name a parent-to-child traversal uses for a lookup field, from its field name. */
export function parentRelationshipName(field: FieldDef): string | undefined {
  if (field.name.endsWith('__c')) return `${field.name.slice(0, -3)}__r`;
  return field.relationshipName;
}

const STANDARD_CHILDREN: Record<string, string> = {
  Contact: 'Contacts',
  Opportunity: 'Opportunities',
  Case: 'Cases',
  Task: 'Tasks',
  Event: 'Events',
  FeedItem: 'Feeds',
  FeedComment: 'FeedComments'
};

/** Child relationship names as an org names them: `Handovers__r`, `Contacts`, `Cases`. */
function childRelationshipName(object: ObjectDef, field: FieldDef): string | undefined {
  if (field.name.endsWith('__c'))
    return field.relationshipName ? `${field.relationshipName}__r` : undefined;
  return STANDARD_CHILDREN[object.name];
}
