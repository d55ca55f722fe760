import { OrgError } from './errors';
import { to18 } from './ids';
import type { FieldDef } from './schema/types';

export type SqlValue = string | number | null;

/** Salesforce's datetime format: `2026-11-22T10:00:00.000+0000`. */
export const formatDateTime = (date: Date) => date.toISOString().replace('Z', '+0000');

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function bad(field: FieldDef, value: unknown, code = 'INVALID_TYPE_ON_FIELD_IN_RECORD'): OrgError {
  return new OrgError(
    400,
    code,
    `${field.label}: value not of required type: ${JSON.stringify(value)}`,
    [field.name]
  );
}

/**
 * Converts one JSON value from a request into its stored form, checking it as an org does.
 * References are only checked for shape here; the record layer checks that they exist.
 */
export function toStored(field: FieldDef, value: unknown): SqlValue {
  if (value === null || value === undefined || value === '') {
    if (field.type === 'boolean') return 0;
    return null;
  }
  switch (field.type) {
    case 'boolean':
      if (typeof value === 'boolean') return value ? 1 : 0;
      if (value === 'true' || value === 'false') return value === 'true' ? 1 : 0;
      throw bad(field, value);
    case 'double':
    case 'currency':
    case 'percent':
    case 'int': {
      const n = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(n) || typeof value === 'boolean') throw bad(field, value);
      checkPrecision(field, n);
      return field.type === 'int' ? Math.trunc(n) : n;
    }
    case 'date': {
      const s = String(value);
      if (!DATE.test(s.slice(0, 10)) || Number.isNaN(Date.parse(s.slice(0, 10))))
        throw bad(field, value);
      return s.slice(0, 10);
    }
    case 'datetime': {
      const date = new Date(String(value).replace(/\+0000$/, 'Z'));
      if (Number.isNaN(date.getTime())) throw bad(field, value);
      return formatDateTime(date);
    }
    case 'reference':
    case 'id': {
      const id = to18(String(value));
      if (!id)
        throw new OrgError(
          400,
          'MALFORMED_ID',
          `${field.label}: id value of incorrect type: ${value}`,
          [field.name]
        );
      return id;
    }
    default:
      return checkText(field, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
}

function checkPrecision(field: FieldDef, n: number) {
  if (field.precision === undefined) return;
  const integerDigits = field.precision - (field.scale ?? 0);
  if (Math.abs(Math.trunc(n)).toString().length > integerDigits) {
    throw new OrgError(
      400,
      'NUMBER_OUTSIDE_VALID_RANGE',
      `${field.label}: value outside of valid range on numeric field: ${n}`,
      [field.name]
    );
  }
}

// Bulk loads check the same picklist a million times: build each value set once.
const picklistSets = new WeakMap<FieldDef, Set<string>>();
function allowedValues(field: FieldDef): Set<string> {
  let allowed = picklistSets.get(field);
  if (!allowed)
    picklistSets.set(field, (allowed = new Set(field.picklistValues!.map((v) => v.value))));
  return allowed;
}

function checkText(field: FieldDef, text: string): string {
  if (field.length && text.length > field.length) {
    throw new OrgError(
      400,
      'STRING_TOO_LONG',
      `${field.label}: data value too large: ${text.slice(0, 40)}… (max length=${field.length})`,
      [field.name]
    );
  }
  if (field.restricted && field.picklistValues) {
    const allowed = allowedValues(field);
    const values = field.type === 'multipicklist' ? text.split(';') : [text];
    const wrong = values.find((v) => !allowed.has(v));
    if (wrong !== undefined) {
      throw new OrgError(
        400,
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        `${field.label}: bad value for restricted picklist field: ${wrong}`,
        [field.name]
      );
    }
  }
  return text;
}

/** Converts a stored value back to JSON as the REST API returns it. */
export function fromStored(field: FieldDef | undefined, value: unknown): unknown {
  if (!field) return value ?? null;
  if (field.type === 'boolean') return value === 1 || value === true;
  return value ?? null;
}
