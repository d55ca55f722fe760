import { OrgError } from './errors';
import { to18 } from '../core/ids';
import type { FieldDef } from './schema/types';

export type SqlValue = string | number | null;

/** Salesforce's datetime format: `2026-11-22T10:00:00.000+0000`. */
export const formatDateTime = (date: Date) => date.toISOString().replace('Z', '+0000');

/**
 * Where a value was read from. A JSON body's text that is no value of the field's type is a
 * JSON_PARSER_ERROR, as Salesforce's REST deserializer answers; a Bulk CSV cell's is a
 * per-row INVALID_TYPE_ON_FIELD_IN_RECORD.
 */
export type ValueSource = 'json' | 'csv';

/** A number as Salesforce reads one from text: decimal digits, an optional sign, fraction and exponent. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/**
 * Salesforce's date and date-time forms: ISO 8601, a date with an optional time, seconds,
 * fraction and offset (a date field takes a date-time's day).
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function bad(field: FieldDef, value: unknown, source: ValueSource, type: string): OrgError {
  if (source === 'json')
    return new OrgError(
      400,
      'JSON_PARSER_ERROR',
      `Cannot deserialize instance of ${type} from VALUE_STRING value ${JSON.stringify(value)} for ${field.name}`,
      [field.name]
    );
  return new OrgError(
    400,
    'INVALID_TYPE_ON_FIELD_IN_RECORD',
    `${field.label}: value not of required type: ${JSON.stringify(value)}`,
    [field.name]
  );
}

/** A calendar day that exists: 2026-02-30 does not. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Converts one value from a request (a JSON value, or a Bulk CSV cell's text) into its stored
 * form, checking it as an org does: text that is not wholly a value of the field's type is
 * refused, never read up to the junk. References are only checked for shape here; the record
 * layer checks that they exist.
 */
export function toStored(field: FieldDef, value: unknown, source: ValueSource = 'json'): SqlValue {
  if (value === null || value === undefined || value === '') {
    if (field.type === 'boolean') return 0;
    return null;
  }
  switch (field.type) {
    case 'boolean':
      if (typeof value === 'boolean') return value ? 1 : 0;
      if (value === 'true' || value === 'false') return value === 'true' ? 1 : 0;
      throw bad(field, value, source, 'boolean');
    case 'double':
    case 'currency':
    case 'percent':
    case 'int': {
      const n =
        typeof value === 'number'
          ? value
          : typeof value === 'string' && NUMBER.test(value)
            ? Number(value)
            : NaN;
      if (!Number.isFinite(n))
        throw bad(field, value, source, field.type === 'int' ? 'int' : 'double');
      checkPrecision(field, n);
      return field.type === 'int' ? Math.trunc(n) : n;
    }
    case 'date': {
      const s = String(value);
      const parts = DATE.exec(s);
      if (typeof value !== 'string' || !parts || !isCalendarDate(+parts[1], +parts[2], +parts[3]))
        throw bad(field, value, source, 'date');
      return s.slice(0, 10);
    }
    case 'datetime': {
      const s = String(value);
      const parts = DATE.exec(s);
      // A time without an offset is UTC, as in Salesforce (JavaScript would read local time).
      const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(s);
      const date = new Date(
        s.includes('T') && !zoned ? `${s}Z` : s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')
      );
      if (
        typeof value !== 'string' ||
        !parts ||
        !isCalendarDate(+parts[1], +parts[2], +parts[3]) ||
        Number.isNaN(date.getTime())
      )
        throw bad(field, value, source, 'datetime');
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
    case 'email':
      return checkEmail(field, checkText(field, String(value)));
    default:
      return checkText(field, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
}

/** An address as Salesforce accepts one: local part, `@`, a dotted domain, no spaces. */
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

function checkEmail(field: FieldDef, text: string): string {
  if (!EMAIL.test(text))
    throw new OrgError(
      400,
      'INVALID_EMAIL_ADDRESS',
      `${field.label}: invalid email address: ${text}`,
      [field.name]
    );
  return text;
}

/** A number has at most precision − scale digits before its point (1e21 has 22). */
function checkPrecision(field: FieldDef, n: number) {
  if (field.precision === undefined) return;
  const integerDigits = field.precision - (field.scale ?? 0);
  if (Math.abs(n) >= 10 ** integerDigits) {
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
