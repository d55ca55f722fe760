import { createReadStream } from 'node:fs';
import { countQuotes, lastRowEnd, parseCsvRows } from '../../org/csvRecords';

/**
 * Bytes per read. Small on purpose: a read's rows are all parsed at once and wait for their
 * chunk, and rows parsed a megabyte ahead outlived young-generation collections (GC time
 * at 200 000 Accounts: ~400 ms with 1 MB reads, ~100 ms with 64 KB).
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
 * is never held whole. Each read is cut after its last complete row (src/org/csvRecords.ts's
 * rule, as the export path's reader cuts) and its rows are split by splitRows.
 */
export async function* csvRowsOf(path: string): AsyncGenerator<CsvRows> {
  let rest = '';
  let first = true;
  for await (const piece of createReadStream(path, {
    encoding: 'utf8',
    highWaterMark: READ_BYTES
  })) {
    let text = rest + (piece as string);
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    const end = lastRowEnd(text);
    if (end < 0) {
      if (text.length > MAX_ROW_CHARS)
        throw new Error(
          `A CSV row is longer than ${MAX_ROW_CHARS} characters, or a quote is not closed`
        );
      rest = text;
      continue;
    }
    rest = text.slice(end + 1);
    yield splitRows(text.slice(0, end + 1));
  }
  if (rest) yield splitRows(rest);
}

/**
 * Whole rows of CSV text (it ends after a row's line break, or is the file's last row): each
 * row's cells as parseCsvRows reads them, and its text. A row ends at the first line break
 * with an even number of quotes before it in the row (doubled quotes keep the count even);
 * a quote-free line is split on its commas, a row with quotes is read by parseCsvRows.
 */
export function splitRows(text: string): CsvRows {
  const cells: string[][] = [];
  const texts: string[] = [];
  let quote = text.indexOf('"');
  for (let at = 0; at < text.length;) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    if (quote !== -1 && quote < at) quote = text.indexOf('"', at);
    let line: string;
    if (quote === -1 || quote > end) {
      line = text.slice(at, end > at && text.charCodeAt(end - 1) === CR ? end - 1 : end);
      cells.push(line.split(','));
    } else {
      let quotes = countQuotes(text, quote, end);
      while (quotes % 2 === 1 && end < text.length) {
        const next = text.indexOf('\n', end + 1);
        const to = next === -1 ? text.length : next;
        quotes += countQuotes(text, end, to);
        end = to;
      }
      // A CR before the row's line break is part of the break; at the text's end (no line
      // break) the parser keeps it in the last field, and so does the text.
      line = text.slice(at, end < text.length && text.charCodeAt(end - 1) === CR ? end - 1 : end);
      cells.push(parseCsvRows(line)[0]);
    }
    texts.push(line);
    at = end + 1;
  }
  return { cells, texts };
}

const CR = 13;
