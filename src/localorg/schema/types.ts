/** The local org's description of an sObject and its fields, read from metadata. */
export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'picklist'
  | 'multipicklist'
  | 'double'
  | 'currency'
  | 'percent'
  | 'int'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'reference';

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  length?: number;
  precision?: number;
  scale?: number;
  /** Required on create (an org's REQUIRED_FIELD_MISSING). */
  required: boolean;
  picklistValues?: { value: string; label: string; default: boolean }[];
  restricted?: boolean;
  referenceTo?: string[];
  relationshipName?: string;
  masterDetail?: boolean;
  /** A parent with live records through this lookup cannot be deleted (Restrict, or required). */
  restrictDelete?: boolean;
  externalId?: boolean;
  unique?: boolean;
  defaultValue?: string | number | boolean;
  /** Set by the org, never by a client (system fields, autonumbers, formulas we compute). */
  system?: boolean;
  autoNumberFormat?: string;
}

export interface ObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  custom: boolean;
  keyPrefix: string;
  fields: Map<string, FieldDef>;
}

export const lower = (name: string) => name.toLowerCase();
