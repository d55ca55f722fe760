import { readFileSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import { UserInputError } from '../../core/errors';
import { CsvFormatError, CsvRowCutter, csvField, readRow } from '../../org/csvRecords';

/** One CSV record with the file line it starts on (header = line 1), for row-numbered errors. */
export interface CsvRecord {
  line: number;
  values: string[];
}

/**
 * RFC 4180 CSV, read by the one CSV reader (src/org/csvRecords.ts): quoted fields may hold
 * commas, quotes ("") and line breaks; CRLF or LF; a UTF-8 byte order mark (Excel's exports)
 * is dropped. Blank lines are skipped. A quote that never closes refuses the whole file, naming
 * its line, so no row is read into another's field.
 */
export function parseCsv(text: string): CsvRecord[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const cutter = new CsvRowCutter();
  let whole: string;
  try {
    whole = cutter.push(source) + cutter.end();
  } catch (error) {
    if (error instanceof CsvFormatError) throw new UserInputError(error.message);
    throw error;
  }
  const records: CsvRecord[] = [];
  let line = 1;
  for (let at = 0, row = readRow(whole, 0); row; at = row.next, row = readRow(whole, at)) {
    if (row.end > at) records.push({ line, values: row.fields });
    for (
      let lf = whole.indexOf('\n', at);
      lf >= 0 && lf < row.next;
      lf = whole.indexOf('\n', lf + 1)
    )
      line++;
  }
  return records;
}

/**
 * A CSV file's records. Its bytes must be UTF-8: a file saved in another encoding (Excel's
 * plain "CSV" on Windows is Windows-1252) is refused, naming the line, rather than having its
 * letters stored as U+FFFD.
 */
export function readCsvFile(path: string): CsvRecord[] {
  const bytes = readFileSync(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const readable = bytes.toString('utf8');
    const line = readable.slice(0, readable.indexOf('\ufffd')).split('\n').length;
    throw new UserInputError(
      `${path}: CSV line ${line}: the file is not UTF-8; save it as "CSV UTF-8" and import it again`
    );
  }
  return parseCsv(text);
}

/** CSV text with a header row; values are quoted only when they must be. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
