import { BatonError } from '../errors';
import { forceAppXml } from './forceAppXml';
import { parseModelRecords, type BatonModel } from './model';
import { MDT_TYPES, type ModelRecords } from './records';

export interface MetadataFile {
  /** File name, `<Type>.<Record>.md-meta.xml` (a leading directory is ignored). */
  name: string;
  xml: string;
}

const parseRecord = forceAppXml({ arrays: ['values'], attributes: true });

type XmlValue = string | { '#text'?: string; '@xsi:type'?: string; '@xsi:nil'?: string };

/** One `<value>` as the org would return it: number, boolean, string or null. */
function valueOf(value: XmlValue | undefined): unknown {
  if (value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  if (value['@xsi:nil'] === 'true') return null;
  const raw = value['#text'] ?? '';
  switch (value['@xsi:type']) {
    case 'xsd:double':
    case 'xsd:int':
    case 'xsd:long':
      return raw === '' ? null : Number(raw);
    case 'xsd:boolean':
      return raw === 'true';
    default:
      return raw;
  }
}

/** `.md-meta.xml` files → records per type, in the org's row shape. Pure: no file access. */
export function recordsFromXml(files: MetadataFile[]): ModelRecords {
  return metadataRowsFromXml(files, MDT_TYPES) as ModelRecords;
}

/** The rows of the given custom metadata types among the files (others are skipped; all without types). */
export function metadataRowsFromXml(
  files: MetadataFile[],
  types?: readonly string[]
): Record<string, Record<string, unknown>[]> {
  const records: Record<string, Record<string, unknown>[]> = {};
  for (const file of files) {
    const base = file.name.split(/[\\/]/).pop() ?? file.name;
    const match = /^([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)\.md-meta\.xml$/.exec(base);
    if (!match) throw new BatonError('INVALID_MODEL', `${base}: not <Type>.<Record>.md-meta.xml`);
    const type = `${match[1]}__mdt`;
    if (types && !types.includes(type)) continue;
    const root = parseRecord(file.xml).CustomMetadata;
    if (!root) throw new BatonError('INVALID_MODEL', `${base}: no <CustomMetadata> root`);
    const row: Record<string, unknown> = {
      DeveloperName: match[2],
      MasterLabel: typeof root.label === 'string' ? root.label : null
    };
    for (const entry of root.values ?? []) row[String(entry.field)] = valueOf(entry.value);
    (records[type] ??= []).push(row);
  }
  return records;
}

/** The model from custom metadata record files (the project's or any given set). */
export function loadModelFromXml(files: MetadataFile[]): BatonModel {
  return parseModelRecords(recordsFromXml(files));
}
