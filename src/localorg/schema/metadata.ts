import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { forceAppXml } from '../../core/config/forceAppXml';
import { metadataRowsFromXml } from '../../core/config/loadXml';
import { readModelFiles } from '../../metadata/projectModel';
import type { FieldDef, FieldType } from './types';

/** What force-app says about one object: its own file (custom objects) and its fields. */
export interface ObjectMetadata {
  name: string;
  label?: string;
  pluralLabel?: string;
  nameField?: { label: string; type: 'Text' | 'AutoNumber'; displayFormat?: string };
  fields: FieldDef[];
}

const parse = forceAppXml({ arrays: ['value', 'referenceTo', 'values'] });

const TYPES: Record<string, FieldType> = {
  Text: 'string',
  TextArea: 'textarea',
  LongTextArea: 'textarea',
  Html: 'textarea',
  Email: 'email',
  Phone: 'phone',
  Url: 'url',
  Picklist: 'picklist',
  MultiselectPicklist: 'multipicklist',
  Number: 'double',
  Currency: 'currency',
  Percent: 'percent',
  Checkbox: 'boolean',
  Date: 'date',
  DateTime: 'datetime',
  Lookup: 'reference',
  MasterDetail: 'reference',
  MetadataRelationship: 'string'
};

const bool = (value: unknown) => value === true || value === 'true';

export function parseField(xml: string, file: string): FieldDef {
  const field = parse(xml).CustomField;
  const type = TYPES[field.type as string];
  if (!type) throw new Error(`${file}: field type ${field.type} is not supported by the local org`);
  const values = field.valueSet?.valueSetDefinition?.value ?? [];
  const def: FieldDef = {
    name: field.fullName,
    label: field.label ?? field.fullName,
    type,
    length: field.length
      ? Number(field.length)
      : type === 'textarea'
        ? Number(field.length ?? 255)
        : undefined,
    precision: field.precision !== undefined ? Number(field.precision) : undefined,
    scale: field.scale !== undefined ? Number(field.scale) : undefined,
    required: bool(field.required) || field.type === 'MasterDetail',
    externalId: bool(field.externalId),
    unique: bool(field.unique)
  };
  if (type === 'string' && def.length === undefined) def.length = 255;
  if (values.length) {
    def.picklistValues = values.map(
      (v: { fullName: string; label?: string; default?: unknown }) => ({
        value: String(v.fullName),
        label: String(v.label ?? v.fullName),
        default: bool(v.default)
      })
    );
    def.restricted = bool(field.valueSet.restricted);
    def.defaultValue = def.picklistValues!.find((v) => v.default)?.value;
  }
  if (type === 'boolean') def.defaultValue = bool(field.defaultValue);
  if (type === 'reference') {
    def.referenceTo = [].concat(field.referenceTo);
    def.relationshipName = field.relationshipName;
    def.masterDetail = field.type === 'MasterDetail';
    // A required lookup is Restrict in an org whatever its metadata says.
    def.restrictDelete =
      !def.masterDetail && (field.deleteConstraint === 'Restrict' || def.required);
  }
  return def;
}

/** Reads every object folder under `<projectDir>/force-app/main/default/objects`. */
export function readObjectMetadata(projectDir: string): ObjectMetadata[] {
  const root = join(projectDir, 'force-app', 'main', 'default', 'objects');
  if (!existsSync(root)) return [];
  return readdirSync(root).map((name) => {
    const objectFile = join(root, name, `${name}.object-meta.xml`);
    const result: ObjectMetadata = { name, fields: [] };
    if (existsSync(objectFile)) {
      const object = parse(readFileSync(objectFile, 'utf8')).CustomObject ?? {};
      result.label = object.label;
      result.pluralLabel = object.pluralLabel;
      if (object.nameField) result.nameField = object.nameField;
    }
    const fieldsDir = join(root, name, 'fields');
    if (existsSync(fieldsDir)) {
      for (const file of readdirSync(fieldsDir)
        .filter((f) => f.endsWith('.field-meta.xml'))
        .sort()) {
        result.fields.push(parseField(readFileSync(join(fieldsDir, file), 'utf8'), file));
      }
    }
    return result;
  });
}

/** Custom metadata records: `<Type>.<DeveloperName>.md-meta.xml` → rows as the model reads them. */
export function readCustomMetadataRecords(
  projectDir: string
): { type: string; record: Record<string, unknown> }[] {
  const dir = join(projectDir, 'force-app', 'main', 'default', 'customMetadata');
  if (!existsSync(dir)) return [];
  return Object.entries(metadataRowsFromXml(readModelFiles(dir))).flatMap(([type, rows]) =>
    rows.map(({ DeveloperName, MasterLabel, ...values }) => ({
      type,
      record: {
        DeveloperName,
        MasterLabel,
        Label: MasterLabel,
        QualifiedApiName: DeveloperName,
        ...values
      }
    }))
  );
}
