import { invalidType } from './errors';
import type { OrgCore } from './orgCore';
import { parentRelationshipName } from './schema/schema';
import type { FieldDef, ObjectDef } from './schema/types';

const urls = (name: string) => ({
  sobject: `/services/data/v62.0/sobjects/${name}`,
  describe: `/services/data/v62.0/sobjects/${name}/describe`,
  rowTemplate: `/services/data/v62.0/sobjects/${name}/{ID}`
});

function objectSummary(object: ObjectDef) {
  const isMetadata = object.name.endsWith('__mdt');
  return {
    name: object.name,
    label: object.label,
    labelPlural: object.labelPlural,
    keyPrefix: object.keyPrefix,
    custom: object.custom,
    customSetting: false,
    createable: !isMetadata,
    updateable: !isMetadata,
    deletable: !isMetadata,
    queryable: true,
    retrieveable: true,
    searchable: !isMetadata,
    layoutable: !isMetadata,
    triggerable: !isMetadata,
    urls: urls(object.name)
  };
}

function fieldDescribe(field: FieldDef) {
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
    createable: !field.system || field.name === 'OwnerId',
    updateable: !field.system || field.name === 'OwnerId',
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

export function describeGlobal(org: OrgCore) {
  return { encoding: 'UTF-8', maxBatchSize: 200, sobjects: org.schema.list().map(objectSummary) };
}

export function describeObject(org: OrgCore, type: string) {
  const object = org.schema.get(type);
  if (!object) throw invalidType(type);
  return {
    ...objectSummary(object),
    fields: [...object.fields.values()].map(fieldDescribe),
    childRelationships: org.schema
      .childRelationships(object.name)
      .map((c) => ({ ...c, deprecatedAndHidden: false, restrictedDelete: false })),
    recordTypeInfos: []
  };
}
