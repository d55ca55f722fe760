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

/** CSV text with a header row; values are quoted only when they must be. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
