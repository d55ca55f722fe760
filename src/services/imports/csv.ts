/** One CSV record with the file line it starts on (header = line 1), for row-numbered errors. */
export interface CsvRecord {
  line: number;
  values: string[];
}

/**
 * RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF; a
 * UTF-8 byte order mark (Excel's exports) is dropped. Blank lines are skipped.
 */
export function parseCsv(text: string): CsvRecord[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let values: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  const endRecord = () => {
    if (fieldStarted || values.length > 0) {
      values.push(field);
      records.push({ line: recordLine, values });
    }
    values = [];
    field = '';
    fieldStarted = false;
  };
  for (let k = 0; k < source.length; k++) {
    const char = source[k];
    if (quoted) {
      if (char === '"' && source[k + 1] === '"') {
        field += '"';
        k++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
      fieldStarted = true;
    } else if (char === ',') {
      values.push(field);
      field = '';
      fieldStarted = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[k + 1] === '\n') k++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  endRecord();
  return records;
}

const quote = (value: string) =>
  /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

/** CSV text with a header row; values are quoted only when they must be. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}
