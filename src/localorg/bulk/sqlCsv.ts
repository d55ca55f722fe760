import type { FieldDef } from '../schema/types';

/**
 * Bulk export lines written by SQLite, for the plain values that come out exactly as the JS
 * formatter (fromStored + csvField) writes them. Anything else is written as a lone quote,
 * so `wellFormedCsv` fails and the page goes through JS:
 * - text: as stored; a quote, comma or line break inside shows in the check below. A column
 *   declared TEXT holds nothing but text or NULL (the store binds strings and numbers, and
 *   TEXT affinity turns numbers into text), so it is read without a type check per value,
 *   which cost a third of the page's time; any other column is checked;
 * - numbers: integers within 2^53, and other numbers whose 15-significant-digit form reads
 *   back as the same double (then it is the shortest form, which is what JS writes) between
 *   1e-4 and 1e15 (no exponent in either); SQLite would write 1050.0 for 1050;
 * - booleans: true only for the number 1, as fromStored.
 */
export interface CsvColumn {
  field: FieldDef;
  sqlAlias: string;
  /** Its SQLite column is declared TEXT (the field's type may have changed since). */
  textAffinity: boolean;
}

function sqlCsvValue(column: CsvColumn): string {
  const x = column.sqlAlias;
  switch (column.field.type) {
    case 'boolean':
      return `CASE WHEN typeof(${x}) IN ('integer', 'real') AND ${x} = 1 THEN 'true' ELSE 'false' END`;
    case 'double':
    case 'currency':
    case 'percent':
    case 'int':
      return (
        `CASE typeof(${x}) WHEN 'null' THEN '' ` +
        `WHEN 'integer' THEN iif(${x} BETWEEN -9007199254740991 AND 9007199254740991, CAST(${x} AS TEXT), '"') ` +
        `WHEN 'real' THEN CASE ` +
        `WHEN ${x} = CAST(${x} AS INTEGER) AND abs(${x}) <= 9007199254740991 THEN CAST(CAST(${x} AS INTEGER) AS TEXT) ` +
        `WHEN abs(${x}) >= 0.0001 AND abs(${x}) < 1e15 AND CAST(printf('%.15g', ${x}) AS REAL) = ${x} THEN printf('%.15g', ${x}) ` +
        `ELSE '"' END ELSE '"' END`
      );
    default:
      return column.textAffinity
        ? `ifnull(${x}, '')`
        : `CASE typeof(${x}) WHEN 'text' THEN ${x} WHEN 'null' THEN '' ELSE '"' END`;
  }
}

/** One row's CSV line as a SQLite expression over the page's columns, line break included. */
const sqlCsvLine = (columns: CsvColumn[]) =>
  columns.map(sqlCsvValue).join(` || ',' || `) + ` || char(10)`;

/**
 * The aggregate writing a page's rows as CSV bytes (UTF-8 as stored): a blob reaches JS as a
 * Buffer, ready to send, where a string would be decoded from UTF-8 and encoded again.
 */
export const sqlCsvBytes = (columns: CsvColumn[]) =>
  `CAST(group_concat(${sqlCsvLine(columns)}, '') AS BLOB)`;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Whether SQLite's page bytes are what the JS formatter would write: no quote or carriage
 * return, one line break per row and columns − 1 commas per row. Every row brings exactly
 * those separators and a text can only add to them, so a comma or line break in any text
 * shows as a count too high. (These are ASCII bytes, never part of a multi-byte character.)
 */
export function wellFormedCsv(csv: Uint8Array, rows: number, columns: number): boolean {
  let lines = 0;
  let commas = 0;
  for (let at = 0; at < csv.length; at++) {
    const byte = csv[at];
    if (byte > COMMA) continue;
    if (byte === COMMA) commas++;
    else if (byte === LF) lines++;
    else if (byte === QUOTE || byte === CR) return false;
  }
  return lines === rows && commas === rows * (columns - 1);
}
