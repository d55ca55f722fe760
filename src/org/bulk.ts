import { StringDecoder } from 'node:string_decoder';
import type { Connection } from 'jsforce';
import { FIRST_INGEST_POLL_MS, nextPollDelay } from './bulkPolling';
import { CsvRecordReader, csvField } from './csvRecords';
import { putPieces } from './streamUpload';

export type CsvRecord = Record<string, string>;

const jobsUrl = (conn: Connection, path: string) => `/services/data/v${conn.version}/jobs/${path}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Above this many rows a query goes through Bulk API 2.0 instead of REST paging. */
export const BULK_THRESHOLD = 10_000;

/** Above this many rows a write goes as one Bulk API 2.0 ingest job instead of collections. */
export const BULK_WRITE_THRESHOLD = 2000;

/** Polls a job until `done`; `expectedRows` (an ingest's row count) lets polls follow its progress. */
async function waitFor(
  conn: Connection,
  path: string,
  done: (state: string) => boolean,
  expectedRows?: number
): Promise<{
  state: string;
  numberRecordsProcessed: number;
  numberRecordsFailed: number;
  errorMessage?: string;
}> {
  const started = Date.now();
  // An ingest (it has expected rows) is not done as its upload closes: no poll then.
  if (expectedRows) await sleep(FIRST_INGEST_POLL_MS);
  for (let wait = 50; ;) {
    const info = await conn.request<{
      state: string;
      numberRecordsProcessed: number;
      numberRecordsFailed: number;
      errorMessage?: string;
    }>(jobsUrl(conn, path));
    if (done(info.state)) return info;
    if (info.state === 'Failed' || info.state === 'Aborted')
      throw new Error(`Bulk job ${path} ${info.state}: ${info.errorMessage ?? ''}`);
    wait = nextPollDelay(wait, {
      processed: Number(info.numberRecordsProcessed) || 0,
      expected: expectedRows,
      elapsedMs: Date.now() - started
    });
    await sleep(wait);
  }
}

/**
 * Records handed to the caller at a time, at least (or the rest of the page): a page is
 * yielded in parts as it arrives. Small parts let a caller that handles a part before taking
 * the next drop its records while they are young; parts of 10 000 outlived young-generation
 * collections and doubled the client's time at a million rows in a fresh process.
 */
const QUERY_BATCH = 1_000;

/**
 * A Bulk API 2.0 query: every row, in batches of a thousand records or a little more, never
 * more than a result page (a page is split as it arrives, pages are never joined). The locator pages are followed here with plain
 * requests: jsforce's own result stream breaks on two or more pages (jsforce #1546, #1693).
 * The next page is asked for as soon as the current one's headers name it, so the org
 * prepares it while this one is read and handed out.
 */
export async function* bulkQuery(
  conn: Connection,
  soql: string,
  options: { maxRecords?: number } = {}
): AsyncGenerator<CsvRecord[]> {
  const job = await conn.request<{ id: string; state: string }>({
    method: 'POST',
    url: jobsUrl(conn, 'query'),
    body: JSON.stringify({ operation: 'query', query: soql }),
    headers: { 'Content-Type': 'application/json' }
  });
  // A job that says it is complete as it is created (a small one) is not asked again.
  if (job.state !== 'JobComplete')
    await waitFor(conn, `query/${job.id}`, (state) => state === 'JobComplete');
  // Stops the page being read and the one asked for ahead when the caller leaves early.
  const controller = new AbortController();
  const page = async (locator: string | undefined) => {
    const params = new URLSearchParams();
    if (locator) params.set('locator', locator);
    if (options.maxRecords) params.set('maxRecords', String(options.maxRecords));
    const response = await fetch(
      `${conn.instanceUrl}${jobsUrl(conn, `query/${job.id}/results`)}?${params}`,
      {
        headers: { Authorization: `Bearer ${conn.accessToken}`, Accept: 'text/csv' },
        signal: controller.signal
      }
    );
    if (!response.ok)
      throw new Error(`Bulk query results failed: ${response.status} ${await response.text()}`);
    const next = response.headers.get('sforce-locator');
    return { response, locator: next && next !== 'null' ? next : undefined };
  };
  const ahead = (locator: string) => {
    const request = page(locator);
    // Its failure is raised when the caller reaches it, not as an unhandled rejection before.
    request.catch(() => undefined);
    return request;
  };
  try {
    let pending: ReturnType<typeof page> | undefined = page(undefined);
    while (pending) {
      const current: Awaited<ReturnType<typeof page>> = await pending;
      pending = current.locator ? ahead(current.locator) : undefined;
      const reader = new CsvRecordReader();
      // Bytes to text across chunk edges that cut a multi-byte character.
      const decoder = new StringDecoder('utf8');
      let batch: CsvRecord[] = [];
      const body = (current.response.body ?? []) as unknown as AsyncIterable<Uint8Array>;
      for await (const chunk of body) {
        for (const record of reader.push(decoder.write(chunk))) batch.push(record);
        if (batch.length >= QUERY_BATCH) {
          yield batch;
          batch = [];
        }
      }
      for (const record of reader.end(decoder.end())) batch.push(record);
      if (batch.length) yield batch;
    }
  } finally {
    controller.abort();
  }
}

export interface IngestResult {
  successful: { id: string; created: boolean; row: CsvRecord }[];
  failed: { row: CsvRecord; error: string }[];
  /**
   * Rows that succeeded without being listed in `successful`: with `readSuccesses: false`, a
   * job that processed every row is not asked for its success file.
   */
  unlistedSuccesses?: number;
}

/**
 * Salesforce takes at most 150 MB of base64 per upload, "upload data that does not exceed
 * 100 MB" (Bulk API 2.0, Upload Job Data). Larger writes go as several jobs.
 */
export const MAX_UPLOAD_BYTES = 100_000_000;

export interface IngestOptions {
  externalIdField?: string;
  /** Columns of each row to keep in the results (default all): results echo every column. */
  resultColumns?: readonly string[];
  /** Upload size per job; MAX_UPLOAD_BYTES unless a test wants smaller jobs. */
  maxUploadBytes?: number;
  /**
   * False when the caller needs only the failures (an update or upsert that keeps no new Ids):
   * a job that processed every row then skips its success file, which echoes every row sent
   * (a million snapshots' breakdowns), for one call and one download less per job.
   */
  readSuccesses?: boolean;
}

/** One value as a Bulk upload field: null as #N/A (which clears the field), undefined empty. */
const uploadField = (value: unknown) => csvField(value === null ? '#N/A' : value);

/** One row's size as a line of a Bulk upload, line break included, made as `csvUploads` makes it. */
export function csvRowBytes(row: Record<string, unknown>): number {
  return Buffer.byteLength(lineMaker(Object.keys(row))(row));
}

/**
 * A function making one row's upload line (line break included) for these columns: one
 * expression per column, compiled once per upload, as CsvRecordReader's recordMaker builds
 * records. Mapping each row's values to an array, then to fields, then joining them cost
 * three arrays a row (two million rows a million-account recompute).
 */
function lineMaker(columns: string[]): (row: Record<string, unknown>) => string {
  if (columns.length === 0) return () => '\n';
  // The keys are data (JSON-quoted), never code.
  const fields = columns.map((column) => `field(row[${JSON.stringify(column)}])`);
  return new Function('field', `return (row) => ${fields.join(" + ',' + ")} + '\\n';`)(
    uploadField
  ) as (row: Record<string, unknown>) => string;
}

/**
 * Upload text is made and sent in pieces of about this many characters: each joined from its
 * lines in one go (not a rope the socket flattens), a string encoded natively as it is written,
 * and small enough for V8's young generation (docs/performance.md).
 */
const PIECE_CHARS = 1 << 16;

/** A character takes at most this many UTF-8 bytes (a surrogate pair is two characters, 4 bytes). */
const MAX_BYTES_PER_CHAR = 3;

/** One upload: its text in pieces, made as they are taken; `rows` is final once all are taken. */
export interface CsvUpload {
  pieces: Iterable<string>;
  rows: number;
}

/**
 * The rows as CSV uploads of at most `maxBytes` each, header included in every one. Each
 * upload's text is made a piece at a time while it is sent, so a 100 MB upload never exists
 * as one string (it did, with its lines and the request's copy: ~3× its size at once, the
 * recompute's peak memory). Take an upload's pieces before asking for the next upload.
 * Bytes are counted a piece at a time; a line's own bytes only near the limit, where the
 * piece so far could be over it if every character took three bytes.
 */
export function* csvUploads(
  rows: Record<string, unknown>[],
  maxBytes: number
): Generator<CsvUpload> {
  const columnSet = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columnSet.add(key);
  const columns = [...columnSet];
  const lineOf = lineMaker(columns);
  const header = `${columns.join(',')}\n`;
  let next = 0;
  while (next < rows.length) {
    const upload: CsvUpload = { rows: 0, pieces: [] };
    upload.pieces = (function* () {
      const from = next;
      let lines = [header];
      let chars = header.length;
      // Bytes of the pieces yielded, and of the lines of this piece measured one by one.
      let bytes = 0;
      let measured = 0;
      for (; next < rows.length; next++) {
        const line = lineOf(rows[next]);
        if (bytes + (chars + line.length) * MAX_BYTES_PER_CHAR > maxBytes) {
          // Near the limit: the piece so far is measured once, then each line.
          if (measured === 0) measured = Buffer.byteLength(lines.join(''));
          const lineBytes = Buffer.byteLength(line);
          // A row larger than the limit still goes, alone, rather than being dropped.
          if (next > from && bytes + measured + lineBytes > maxBytes) break;
          measured += lineBytes;
        }
        lines.push(line);
        chars += line.length;
        if (chars >= PIECE_CHARS) {
          const piece = lines.join('');
          bytes += Buffer.byteLength(piece);
          yield piece;
          lines = [];
          chars = 0;
          measured = 0;
        }
      }
      upload.rows = next - from;
      if (lines.length > 0) yield lines.join('');
    })();
    const before = next;
    yield upload;
    if (next === before) throw new Error("csvUploads: take an upload's pieces before the next");
  }
}

/** Writes rows through Bulk API 2.0 ingest jobs (one per 100 MB) and returns each row's outcome. */
export async function bulkIngest(
  conn: Connection,
  object: string,
  operation: 'insert' | 'update' | 'upsert' | 'delete',
  rows: Record<string, unknown>[],
  options: IngestOptions = {}
): Promise<IngestResult> {
  const result: IngestResult = { successful: [], failed: [] };
  for (const upload of csvUploads(rows, options.maxUploadBytes ?? MAX_UPLOAD_BYTES)) {
    const job = await runIngestJob(conn, object, operation, upload, options);
    for (const ok of job.successful) result.successful.push(ok);
    for (const bad of job.failed) result.failed.push(bad);
    if (job.unlistedSuccesses)
      result.unlistedSuccesses = (result.unlistedSuccesses ?? 0) + job.unlistedSuccesses;
  }
  return result;
}

async function runIngestJob(
  conn: Connection,
  object: string,
  operation: string,
  upload: CsvUpload,
  options: IngestOptions
): Promise<IngestResult> {
  const job = await conn.request<{ id: string }>({
    method: 'POST',
    url: jobsUrl(conn, 'ingest'),
    body: JSON.stringify({
      object,
      operation,
      externalIdFieldName: options.externalIdField,
      contentType: 'CSV',
      lineEnding: 'LF'
    }),
    headers: { 'Content-Type': 'application/json' }
  });
  // Streamed: the pieces are made as the request sends them (jsforce takes only whole bodies).
  const put = await putPieces(
    `${conn.instanceUrl}${jobsUrl(conn, `ingest/${job.id}/batches`)}`,
    { Authorization: `Bearer ${conn.accessToken}`, 'Content-Type': 'text/csv' },
    upload.pieces
  );
  if (put.status < 200 || put.status >= 300)
    throw new Error(`Bulk upload failed: ${put.status} ${put.body}`);
  const rows = upload.rows;
  await conn.request({
    method: 'PATCH',
    url: jobsUrl(conn, `ingest/${job.id}`),
    body: JSON.stringify({ state: 'UploadComplete' }),
    headers: { 'Content-Type': 'application/json' }
  });
  const final = await waitFor(conn, `ingest/${job.id}`, (state) => state === 'JobComplete', rows);
  const keep = options.resultColumns && [
    'sf__Id',
    'sf__Created',
    'sf__Error',
    ...options.resultColumns
  ];
  // Read as they arrive, keeping only the `keep` columns: results echo every column sent (a
  // snapshot's breakdown), and the whole file parsed at once was the size of the upload again.
  const read = async (kind: string) => {
    const response = await fetch(
      `${conn.instanceUrl}${jobsUrl(conn, `ingest/${job.id}/${kind}`)}`,
      { headers: { Authorization: `Bearer ${conn.accessToken}` } }
    );
    if (!response.ok)
      throw new Error(`Bulk ${kind} failed: ${response.status} ${await response.text()}`);
    const reader = new CsvRecordReader(keep);
    const decoder = new StringDecoder('utf8');
    const records: CsvRecord[] = [];
    const body = (response.body ?? []) as unknown as AsyncIterable<Uint8Array>;
    for await (const chunk of body)
      for (const r of reader.push(decoder.write(chunk))) records.push(r);
    for (const r of reader.end(decoder.end())) records.push(r);
    return records;
  };
  const strip = (row: CsvRecord) =>
    Object.fromEntries(Object.entries(row).filter(([k]) => !k.startsWith('sf__')));
  const failedCount = Number(final.numberRecordsFailed);
  // No failures reported, no file to fetch: one API call less per job.
  const failed =
    failedCount > 0
      ? (await read('failedResults')).map((r) => ({ error: r.sf__Error, row: strip(r) }))
      : [];
  if (options.readSuccesses === false && Number(final.numberRecordsProcessed) === rows)
    return { successful: [], failed, unlistedSuccesses: rows - failedCount };
  return {
    successful: (await read('successfulResults')).map((r) => ({
      id: r.sf__Id,
      created: r.sf__Created === 'true',
      row: strip(r)
    })),
    failed
  };
}

/**
 * Every record of a query: REST paging for small results, Bulk API 2.0 above the threshold
 * (counted first with one COUNT() query). Bulk values arrive as CSV strings.
 */
export async function queryAll<T = Record<string, unknown>>(
  conn: Connection,
  soql: string,
  options: { threshold?: number } = {}
): Promise<T[]> {
  const countSoql = soql
    .replace(/^\s*SELECT\s+[\s\S]+?\s+FROM\s/i, 'SELECT COUNT() FROM ')
    .replace(/\s+(ORDER BY|LIMIT|OFFSET)\s[\s\S]*$/i, '');
  const total = (await conn.query(countSoql)).totalSize;
  if (total <= (options.threshold ?? BULK_THRESHOLD)) {
    const result = await conn
      .query(soql)
      .run({ autoFetch: true, maxFetch: Number.MAX_SAFE_INTEGER });
    return result.records as T[];
  }
  const out: T[] = [];
  for await (const page of bulkQuery(conn, soql)) out.push(...(page as T[]));
  return out;
}
