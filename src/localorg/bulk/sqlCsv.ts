import type { FieldDef } from '../schema/types';

/**
 * Bulk export lines written by SQLite, for the values that come out exactly as the JS
 * formatter (fromStored + csvField) writes them; anything else is written as a mark that
 * `wellFormedCsv` finds, and the page goes through JS. Two styles:
 * - 'plain': texts as stored, the mark a lone quote. A quote, comma or line break in a text
 *   shows in the check. A column declared TEXT holds nothing but text or NULL (the store
 *   binds strings and numbers, and TEXT affinity turns numbers into text), so it is read
 *   without a type check per value, which cost a third of the page's time;
 * - 'quoted': texts quoted where csvField quotes them (a quote, comma or line break inside),
 *   the mark a NUL byte; about twice the work, tried when a page's texts need quoting.
 * Numbers: integers within 2^53, and other numbers whose 15-significant-digit form reads back
 * as the same double (then it is the shortest form, which is what JS writes) between 1e-4 and
 * 1e15 (no exponent in either); SQLite would write 1050.0 for 1050. Booleans: true only for
 * the number 1, as fromStored.
 */
export interface CsvColumn {
  field: FieldDef;
  sqlAlias: string;
  /** Its SQLite column is declared TEXT (the field's type may have changed since). */
  textAffinity: boolean;
}

export type CsvStyle = 'plain' | 'quoted';

const MARK: Record<CsvStyle, string> = { plain: `'"'`, quoted: 'char(0)' };

function sqlCsvValue(column: CsvColumn, style: CsvStyle): string {
  const x = column.sqlAlias;
  const mark = MARK[style];
  switch (column.field.type) {
    case 'boolean':
      return `CASE WHEN typeof(${x}) IN ('integer', 'real') AND ${x} = 1 THEN 'true' ELSE 'false' END`;
    case 'double':
    case 'currency':
    case 'percent':
    case 'int':
      return (
        `CASE typeof(${x}) WHEN 'null' THEN '' ` +
        `WHEN 'integer' THEN iif(${x} BETWEEN -9007199254740991 AND 9007199254740991, CAST(${x} AS TEXT), ${mark}) ` +
        `WHEN 'real' THEN CASE ` +
        `WHEN ${x} = CAST(${x} AS INTEGER) AND abs(${x}) <= 9007199254740991 THEN CAST(CAST(${x} AS INTEGER) AS TEXT) ` +
        `WHEN abs(${x}) >= 0.0001 AND abs(${x}) < 1e15 AND CAST(printf('%.15g', ${x}) AS REAL) = ${x} THEN printf('%.15g', ${x}) ` +
        `ELSE ${mark} END ELSE ${mark} END`
      );
    default: {
      const text =
        style === 'plain'
          ? x
          : `iif(instr(${x}, '"') OR instr(${x}, ',') OR instr(${x}, char(10)) OR instr(${x}, char(13)), '"' || replace(${x}, '"', '""') || '"', ${x})`;
      if (column.textAffinity)
        return style === 'plain' ? `ifnull(${x}, '')` : `iif(${x} IS NULL, '', ${text})`;
      return `CASE typeof(${x}) WHEN 'text' THEN ${text} WHEN 'null' THEN '' ELSE ${mark} END`;
    }
  }
}

/** One row's CSV line as a SQLite expression over the page's columns, line break included. */
const sqlCsvLine = (columns: CsvColumn[], style: CsvStyle) =>
  columns.map((column) => sqlCsvValue(column, style)).join(` || ',' || `) + ` || char(10)`;

/**
 * The aggregate writing a page's rows as CSV bytes (UTF-8 as stored): a blob reaches JS as a
 * Buffer, ready to send, where a string would be decoded from UTF-8 and encoded again.
 */
export const sqlCsvBytes = (columns: CsvColumn[], style: CsvStyle) =>
  `CAST(group_concat(${sqlCsvLine(columns, style)}, '') AS BLOB)`;

const NUL = 0;
const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Whether SQLite's page bytes are what the JS formatter would write. 'plain': no quote or
 * carriage return, one line break per row and columns − 1 commas per row; every row brings
 * exactly those separators and a text can only add to them, so a comma or line break in any
 * text shows as a count too high. 'quoted': no NUL byte (the mark; a text holding one is
 * left to JS too). These are ASCII bytes, never part of a multi-byte character.
 */
export function wellFormedCsv(
  csv: Uint8Array,
  rows: number,
  columns: number,
  style: CsvStyle
): boolean {
  if (style === 'quoted') {
    for (let at = 0; at < csv.length; at++) if (csv[at] === NUL) return false;
    return true;
  }
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
