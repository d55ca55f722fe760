/**
 * Bulk API 2.0 result CSV (RFC 4180, header row first) → one record per row, keyed by the
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
 * text are ever held whole (a 100 000-row page read whole was three 5 MB copies, and its
 * records all alive at once kept the garbage collector busy moving them).
 */
export class CsvRecordReader {
  private pending = '';
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
    const pending = this.pending + text;
    const cut = lastRowEnd(pending) + 1;
    this.pending = pending.slice(cut);
    return this.rows(pending, cut);
  }

  /** The last piece of text: what is left is the last row, a line break after it or not. */
  end(text = ''): Record<string, string>[] {
    const rest = this.pending + text;
    this.pending = '';
    return this.rows(rest, rest.length);
  }

  private rows(text: string, until: number): Record<string, string>[] {
    const records: Record<string, string>[] = [];
    let body = text;
    let at = 0;
    if (!this.header) {
      if (until === 0) return records;
      if (body.charCodeAt(0) === 0xfeff) {
        body = body.slice(1);
        until--;
      }
      const first = rowAt(body, 0);
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
    let quote = body.indexOf('"', at);
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
          const comma = body.indexOf(',', from);
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

/**
 * The index of the last line break outside quotes, or -1: where text read in pieces can be cut
 * after its last complete row. A break is outside quotes when an even number of quotes comes
 * before it (doubled quotes keep the count even). Quotes are counted with indexOf, back from
 * the end only as far as a quoted line break needs.
 */
export function lastRowEnd(text: string): number {
  let end = text.lastIndexOf('\n');
  if (end < 0 || text.indexOf('"') < 0) return end;
  let quotes = countQuotes(text, 0, end);
  while (quotes % 2 === 1) {
    const previous = end > 0 ? text.lastIndexOf('\n', end - 1) : -1;
    if (previous < 0) return -1;
    quotes -= countQuotes(text, previous, end);
    end = previous;
  }
  return end;
}

/** Quotes in text[from, to): a line break is outside quotes after an even number of them. */
export function countQuotes(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('"', from); at >= 0 && at < to; at = text.indexOf('"', at + 1))
    count++;
  return count;
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

/** The row starting at `at` and where the next begins, or null at the end of the text. */
function rowAt(text: string, at: number): { fields: string[]; next: number } | null {
  if (at >= text.length) return null;
  let end = text.indexOf('\n', at);
  if (end === -1) end = text.length;
  const line = text.slice(at, end > at && text.charCodeAt(end - 1) === CR ? end - 1 : end);
  if (!line.includes('"')) return { fields: line.split(','), next: end + 1 };
  return quotedRow(text, at);
}

/** Rows of fields; a trailing line break ends the last row rather than starting an empty one. */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  for (let row = rowAt(text, 0); row; row = rowAt(text, row.next)) rows.push(row.fields);
  return rows;
}

/**
 * One row that holds quotes, from `start`. Each quoted run is found with indexOf and taken as
 * one slice, its doubled quotes undone by split/join (a flat string; replaceAll leaves a chain
 * of pieces). Appending character by character made a 2 KB JSON field (a health snapshot's
 * breakdown) cost thousands of appends kept as a chain: ~30× slower and ~25× the memory.
 */
function quotedRow(text: string, start: number): { fields: string[]; next: number } {
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
      return { fields, next: at + (char === CR ? 2 : 1) };
    } else at++;
  }
  fields.push(field + text.slice(from, at));
  return { fields, next: at };
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
