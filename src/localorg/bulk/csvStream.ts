import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { CsvFormatError, CsvRowCutter, readRow } from '../../org/csvRecords';

/**
 * Bytes per read. Small on purpose: a read's rows are all parsed at once and wait for their
 * chunk, and rows parsed far ahead outlive young-generation collections (docs/performance.md).
 */
const READ_BYTES = 64 * 1024;
/** A row longer than this (or a quote never closed) fails the job instead of filling memory. */
const MAX_ROW_CHARS = 32 * 1024 * 1024;

/**
 * Rows of an upload: each row's cells, and its text as sent (its line break left off), which
 * the result files echo instead of quoting every cell again (a health snapshot's JSON
 * breakdown is full of quotes: re-quoting it was ~10 % of a snapshot upsert's CPU).
 */
export interface CsvRows {
  cells: string[][];
  texts: string[];
}

/**
 * The rows of an uploaded CSV file, a read (64 KB) at a time, so a million-row upload
 * is never held whole. Each read is cut after its last complete row by src/org/csvRecords.ts's
 * cutter, which names the line of a quote that never closes. Bytes that are not UTF-8 fail the
 * read rather than being replaced, as Salesforce refuses them.
 */
export async function* csvRowsOf(path: string): AsyncGenerator<CsvRows> {
  const cutter = new CsvRowCutter(MAX_ROW_CHARS);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes?: Buffer) => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new CsvFormatError(lineOfBadBytes(cutter.line, bytes), 'the file is not valid UTF-8');
    }
  };
  for await (const bytes of createReadStream(path, { highWaterMark: READ_BYTES })) {
    const text = cutter.push(decode(bytes as Buffer));
    if (text) yield splitRows(text);
  }
  const rest = cutter.push(decode()) + cutter.end();
  if (rest) yield splitRows(rest);
}

/** The line of the first byte that is not UTF-8 in a read that starts on `line`. */
function lineOfBadBytes(line: number, bytes?: Buffer): number {
  const text = bytes ? bytes.toString('utf8') : '';
  const bad = text.indexOf('\ufffd');
  let breaks = 0;
  for (let lf = text.indexOf('\n'); lf >= 0 && lf < bad; lf = text.indexOf('\n', lf + 1)) breaks++;
  return line + breaks;
}

/**
 * Whole rows of CSV text (it ends after a row's line break, or is the file's last row): each
 * row's cells as readRow reads them, and its text as sent, its line break left off.
 */
export function splitRows(text: string): CsvRows {
  const cells: string[][] = [];
  const texts: string[] = [];
  for (let at = 0, row = readRow(text, 0); row; at = row.next, row = readRow(text, at)) {
    cells.push(row.fields);
    texts.push(text.slice(at, row.end));
  }
  return { cells, texts };
}
