// The codebase's one CSV reader (RFC 4180): Bulk results here, the local org's Bulk uploads
// (localorg/bulk/csvStream.ts) and the imports (services/imports/csv.ts) all cut text with
// CsvRowCutter and split rows with readRow.

/**
 * Bulk API 2.0 result CSV (header row first) → one record per row, keyed by the
 * header. Written for the export path: a million-row query spends most of its client time
 * here, and lines without a quote (nearly all of them) are split in one pass, where a general
 * streaming parser costs several times more. Quoted fields (commas, quotes, line breaks
 * inside) take the careful path.
 */
export function parseCsvRecords(text: string, keep?: readonly string[]): Record<string, string>[] {
  return new CsvRecordReader(keep).end(text);
}

/**
 * Reads CSV text given in pieces, as a response arrives, into records, whole rows at a time:
 * a page is parsed while the rest of it is still on its way, and neither its bytes nor its
 * text are ever held whole (docs/performance.md).
 */
export class CsvRecordReader {
  private readonly cutter = new CsvRowCutter();
  private header?: {
    make: (fields: string[]) => Record<string, string>;
    width: number;
    /** Reused for every quote-free row: a row costs its values and its record only. */
    fields: string[];
  };
  private rowNumber = 1;

  /** `keep`: the only columns to keep in the records (default all). */
  constructor(private readonly keep?: readonly string[]) {}

  /** Takes the next piece of text; returns the records of the rows it completes. */
  push(text: string): Record<string, string>[] {
    return this.rows(this.cutter.push(text));
  }

  /** The last piece of text: what is left is the last row, a line break after it or not. */
  end(text = ''): Record<string, string>[] {
    const records = this.rows(this.cutter.push(text));
    for (const record of this.rows(this.cutter.end())) records.push(record);
    return records;
  }

  /** Records of whole rows (the cutter's), each character looked at once. */
  private rows(text: string): Record<string, string>[] {
    const records: Record<string, string>[] = [];
    let body = text;
    let until = text.length;
    let at = 0;
    if (!this.header) {
      if (until === 0) return records;
      if (body.charCodeAt(0) === 0xfeff) {
        body = body.slice(1);
        until--;
      }
      const first = readRow(body, 0);
      if (!first) return records;
      const header = first.fields;
      // `keep` names the only columns the caller needs (a Bulk result echoes every column
      // sent, kilobytes of JSON a row for health snapshots): the rest are not kept.
      const columns = header
        .map((name, index) => ({ name, index }))
        .filter((column) => !this.keep || this.keep.includes(column.name));
      this.header = { make: recordMaker(columns), width: header.length, fields: [] };
      at = first.next;
    }
    const { make, width, fields } = this.header;
    // The next quote and comma, each found once: no search runs past them again.
    let quote = body.indexOf('"', at);
    let comma = body.indexOf(',', at);
    while (at < until) {
      let end = body.indexOf('\n', at);
      if (end === -1 || end > until) end = until;
      const lineEnd = end > at && body.charCodeAt(end - 1) === CR ? end - 1 : end;
      if (quote !== -1 && quote < at) quote = body.indexOf('"', at);
      let count: number;
      let row: string[];
      if (quote === -1 || quote >= lineEnd) {
        count = 0;
        for (let from = at; ;) {
          if (comma !== -1 && comma < from) comma = body.indexOf(',', from);
          const stop = comma === -1 || comma > lineEnd ? lineEnd : comma;
          if (count < width) fields[count] = body.slice(from, stop);
          count++;
          if (stop === lineEnd) break;
          from = stop + 1;
        }
        row = fields;
        at = end + 1;
      } else {
        const quoted = quotedRow(body, at);
        row = quoted.fields;
        count = row.length;
        at = quoted.next;
      }
      this.rowNumber++;
      if (count !== width)
        throw new Error(`CSV row ${this.rowNumber} has ${count} fields; the header has ${width}`);
      records.push(make(row));
    }
    return records;
  }
}

/** A CSV file that cannot be read: `line` is the file's line (1 = the header) where the trouble starts. */
export class CsvFormatError extends Error {
  constructor(
    readonly line: number,
    message: string
  ) {
    super(`CSV line ${line}: ${message}`);
    this.name = 'CsvFormatError';
  }
}

/**
 * Cuts CSV text read in pieces after its last complete row, looking at each character once: it
 * carries over whether the text so far ends inside a quoted field and holds an unfinished row's
 * pieces unjoined, so a row of any length (or a quote never closed) costs its length once,
 * never its length again for every piece it spans.
 */
export class CsvRowCutter {
  private held: string[] = [];
  private heldChars = 0;
  private quoted = false;
  private lines = 0;
  /** The line the held text starts on, and the line of the quote that opened the open field. */
  private heldLine = 1;
  private openedLine = 0;

  /** The line the text read so far ends on. */
  get line(): number {
    return this.lines + 1;
  }

  /** `maxRowChars`: a row longer than this fails the read instead of filling memory. */
  constructor(private readonly maxRowChars = Number.POSITIVE_INFINITY) {}

  /** The whole rows this piece completes, held text first ('' when it completes none). */
  push(piece: string): string {
    const cut = this.scan(piece);
    if (cut < 0) {
      this.hold(piece);
      return '';
    }
    const rows =
      this.held.length > 0 ? this.held.join('') + piece.slice(0, cut + 1) : piece.slice(0, cut + 1);
    this.held = [];
    this.heldChars = 0;
    this.hold(piece.slice(cut + 1));
    return rows;
  }

  /** What is left: the last row, a line break after it or not. */
  end(): string {
    if (this.quoted)
      throw new CsvFormatError(this.openedLine, 'a quoted field starts here and never closes');
    const rest = this.held.join('');
    this.held = [];
    this.heldChars = 0;
    return rest;
  }

  private hold(text: string): void {
    if (!text) return;
    this.held.push(text);
    this.heldChars += text.length;
    if (this.heldChars > this.maxRowChars)
      throw new CsvFormatError(
        this.quoted ? this.openedLine : this.heldLine,
        `a row is longer than ${this.maxRowChars} characters${this.quoted ? ', or a quote never closes' : ''}`
      );
  }

  /** The index of the piece's last line break outside quotes, or -1. */
  private scan(piece: string): number {
    let cut = -1;
    let at = 0;
    // The next line break at or after `at`, found once: a search never runs over a break twice.
    let lf = piece.indexOf('\n');
    for (;;) {
      const quote = piece.indexOf('"', at);
      const to = quote < 0 ? piece.length : quote;
      for (; lf >= 0 && lf < to; lf = piece.indexOf('\n', lf + 1)) {
        this.lines++;
        if (!this.quoted) {
          cut = lf;
          this.heldLine = this.lines + 1;
        }
      }
      if (quote < 0) return cut;
      // A doubled quote closes and reopens one field: it opened where its first quote was.
      if (!this.quoted && !(quote === at && at > 0)) this.openedLine = this.lines + 1;
      this.quoted = !this.quoted;
      at = quote + 1;
    }
  }
}

/**
 * A function building one record from a row's fields: an object literal with the columns as
 * its keys, so every record of a result has one shape, built in one step (assigning key by
 * key cost a lookup per value and more garbage at a million rows).
 */
function recordMaker(
  columns: { name: string; index: number }[]
): (fields: string[]) => Record<string, string> {
  const names = columns.map((column) => column.name);
  if (new Set(names).size !== names.length || names.includes('__proto__'))
    return (fields) => {
      const record: Record<string, string> = {};
      for (const column of columns) record[column.name] = fields[column.index];
      return record;
    };
  const entries = columns.map((column) => `${JSON.stringify(column.name)}: f[${column.index}]`);
  // The keys are data (JSON-quoted), never code.
  return new Function('f', `return { ${entries.join(', ')} };`) as (
    fields: string[]
  ) => Record<string, string>;
}

/** One row: its fields, where its text ends (before its line break) and where the next begins. */
export interface CsvRow {
  fields: string[];
  end: number;
  next: number;
}

/** The row starting at `at` in whole rows of text (a cutter's), or null at the end of the text. */
export function readRow(text: string, at: number): CsvRow | null {
  if (at >= text.length) return null;
  let lf = text.indexOf('\n', at);
  if (lf === -1) lf = text.length;
  const end = lf > at && text.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
  const line = text.slice(at, end);
  if (!line.includes('"')) return { fields: line.split(','), end, next: lf + 1 };
  return quotedRow(text, at);
}

/** Rows of fields; a trailing line break ends the last row rather than starting an empty one. */
export function parseCsvRows(text: string): string[][] {
  const cutter = new CsvRowCutter();
  const whole = cutter.push(text) + cutter.end();
  const rows: string[][] = [];
  for (let row = readRow(whole, 0); row; row = readRow(whole, row.next)) rows.push(row.fields);
  return rows;
}

/**
 * One row that holds quotes, from `start`. Each quoted run is found with indexOf and taken as
 * one slice, its doubled quotes undone by split/join (a flat string; replaceAll leaves a chain
 * of pieces). Appending character by character made a 2 KB JSON field (a health snapshot's
 * breakdown) cost thousands of appends kept as a chain: ~30× slower and ~25× the memory.
 */
function quotedRow(text: string, start: number): CsvRow {
  const fields: string[] = [];
  let field = '';
  let from = start;
  let at = start;
  while (at < text.length) {
    const char = text.charCodeAt(at);
    if (char === QUOTE) {
      field += text.slice(from, at);
      const end = closingQuote(text, at + 1);
      const quoted = text.slice(at + 1, end.at);
      field += end.doubled ? quoted.split('""').join('"') : quoted;
      from = at = end.at + 1;
    } else if (char === COMMA) {
      fields.push(field + text.slice(from, at));
      field = '';
      from = ++at;
    } else if (char === LF || (char === CR && text.charCodeAt(at + 1) === LF)) {
      fields.push(field + text.slice(from, at));
      return { fields, end: at, next: at + (char === CR ? 2 : 1) };
    } else at++;
  }
  fields.push(field + text.slice(from, at));
  return { fields, end: at, next: at };
}

/** The quote that closes a quoted run starting at `from`, skipping doubled quotes inside it. */
function closingQuote(text: string, from: number): { at: number; doubled: boolean } {
  let doubled = false;
  for (let at = from; ; at += 2) {
    at = text.indexOf('"', at);
    if (at === -1) throw new Error('CSV ends inside a quoted field');
    if (text.charCodeAt(at + 1) !== QUOTE) return { at, doubled };
    doubled = true;
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** One CSV field, quoted when it needs to be (RFC 4180): for uploads and the local org's results. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  // A number or boolean never needs quotes: no pattern test (millions of scores a recompute).
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
