import { invalidType } from './errors';
import type { OrgCore } from './orgCore';
import type { UserAccess } from './permissions';
import { parentRelationshipName } from './schema/schema';
import type { FieldDef, ObjectDef } from './schema/types';
import { API_VERSION } from '../metadata/apiVersion';

const urls = (name: string) => ({
  sobject: `/services/data/v${API_VERSION}/sobjects/${name}`,
  describe: `/services/data/v${API_VERSION}/sobjects/${name}/describe`,
  rowTemplate: `/services/data/v${API_VERSION}/sobjects/${name}/{ID}`
});

/** Object flags for the calling user: the UI hides what the org would refuse. */
function objectSummary(object: ObjectDef, access?: UserAccess) {
  const isMetadata = object.name.endsWith('__mdt');
  const can = (op: 'create' | 'edit' | 'delete') =>
    !isMetadata && (!access || access.canObject(object, op));
  return {
    name: object.name,
    label: object.label,
    labelPlural: object.labelPlural,
    keyPrefix: object.keyPrefix,
    custom: object.custom,
    customSetting: false,
    createable: can('create'),
    updateable: can('edit'),
    deletable: can('delete'),
    queryable: true,
    retrieveable: true,
    searchable: !isMetadata,
    layoutable: !isMetadata,
    triggerable: !isMetadata,
    urls: urls(object.name)
  };
}

function fieldDescribe(object: ObjectDef, field: FieldDef, access?: UserAccess) {
  const writable = !field.system || field.name === 'OwnerId';
  const editable = !access || access.canEditField(object, field);
  return {
    name: field.name,
    label: field.label,
    type: field.type,
    soapType:
      field.type === 'boolean'
        ? 'xsd:boolean'
        : ['double', 'currency', 'percent'].includes(field.type)
          ? 'xsd:double'
          : field.type === 'int'
            ? 'xsd:int'
            : field.type === 'date'
              ? 'xsd:date'
              : field.type === 'datetime'
                ? 'xsd:dateTime'
                : field.type === 'reference' || field.type === 'id'
                  ? 'tns:ID'
                  : 'xsd:string',
    length: field.length ?? (field.type === 'reference' || field.type === 'id' ? 18 : 0),
    precision: field.precision ?? 0,
    scale: field.scale ?? 0,
    nillable: !field.required && field.type !== 'boolean',
    createable: writable && editable && (!access || access.canObject(object, 'create')),
    updateable: writable && editable && (!access || access.canObject(object, 'edit')),
    defaultedOnCreate: field.system || field.defaultValue !== undefined,
    calculated: false,
    autoNumber: !!field.autoNumberFormat,
    custom: field.name.endsWith('__c'),
    externalId: !!field.externalId,
    unique: !!field.unique,
    idLookup: field.name === 'Id' || !!field.externalId,
    filterable: true,
    sortable: field.type !== 'textarea' || (field.length ?? 0) <= 255,
    groupable: !['textarea', 'double', 'currency', 'percent', 'multipicklist'].includes(field.type),
    nameField: field.name === 'Name',
    picklistValues: (field.picklistValues ?? []).map((v) => ({
      value: v.value,
      label: v.label,
      active: true,
      defaultValue: v.default,
      validFor: null
    })),
    restrictedPicklist: !!field.restricted,
    referenceTo: field.referenceTo ?? [],
    relationshipName: field.type === 'reference' ? (parentRelationshipName(field) ?? null) : null,
    cascadeDelete: !!field.masterDetail,
    defaultValue: field.defaultValue ?? null
  };
}

/** `access`: the calling user's permissions; none (the admin) describes everything as open. */
export function describeGlobal(org: OrgCore, access?: UserAccess) {
  return {
    encoding: 'UTF-8',
    maxBatchSize: 200,
    sobjects: org.schema.list().map((o) => objectSummary(o, access))
  };
}

export function describeObject(org: OrgCore, type: string, access?: UserAccess) {
  const object = org.schema.get(type);
  if (!object) throw invalidType(type);
  return {
    ...objectSummary(object, access),
    fields: [...object.fields.values()].map((f) => fieldDescribe(object, f, access)),
    childRelationships: org.schema
      .childRelationships(object.name)
      .map((c) => ({ ...c, deprecatedAndHidden: false })),
    recordTypeInfos: []
  };
}
