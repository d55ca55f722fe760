import { OrgError } from '../errors';
import type { ApiContext, ApiResult } from '../router';
import type { FieldDef } from '../schema/types';
import { compileQuery, parseSoql, type CompiledQuery } from '../soql/compile';
import { shapeRow } from '../soql/execute';
import { q } from '../store';
import { fromStored } from '../values';
import { csvField } from '../../org/csvRecords';
import { csvLine, flatten } from './csv';
import { sendChunk } from './sendChunk';
import type { JobStore } from './jobs';
import { sqlCsvBytes, wellFormedCsv, type CsvStyle } from './sqlCsv';

const DEFAULT_PAGE = 50_000;

/**
 * Where the next page starts: how many rows came before it and, for unordered queries, the
 * rowid of the last row sent. Unordered pages continue after that rowid in storage order, so
 * a page deep into a million rows costs what the first one does (OFFSET would rescan what
 * came before) and the job reads the table once in all, whatever index its filter could use.
 */
interface Locator {
  offset: number;
  afterRow: number;
}

const formatLocator = (locator: Locator) =>
  Buffer.from(`${locator.offset}:${locator.afterRow}`).toString('base64');

/** The locator sent, or the first page's: just before the job's first row when it has one. */
function parseLocator(value: string | null, firstRow: number | null): Locator {
  if (!value)
    return { offset: 0, afterRow: firstRow === null ? Number.MIN_SAFE_INTEGER : firstRow - 1 };
  const [offset, afterRow = ''] = Buffer.from(value, 'base64').toString('utf8').split(':');
  const parsed = { offset: Number(offset), afterRow: Number(afterRow) };
  if (
    !Number.isSafeInteger(parsed.offset) ||
    parsed.offset < 0 ||
    !/^-?[0-9]+$/.test(afterRow) ||
    !Number.isSafeInteger(parsed.afterRow)
  )
    throw new OrgError(400, 'INVALIDLOCATOR', 'Invalid locator or maxRecords');
  return parsed;
}

/**
 * How a page is read: 'afterRow' continues after the locator's rowid (unordered queries over
 * several pages); 'offset' skips the rows before it (ordered queries keep their order), and
 * also reads a job that fits in one page, where the planner may use any index.
 */
type PageMode = 'afterRow' | 'offset';

function pageStatement(
  compiled: CompiledQuery,
  mode: PageMode,
  locator: Locator,
  pageSize: number
): { sql: string; params: unknown[] } {
  return mode === 'afterRow'
    ? {
        sql: `SELECT * FROM (${compiled.sql}) WHERE _row > ? ORDER BY _row LIMIT ?`,
        params: [...compiled.params, locator.afterRow, pageSize]
      }
    : {
        sql: `SELECT * FROM (${compiled.sql}) LIMIT ? OFFSET ?`,
        params: [...compiled.params, pageSize, locator.offset]
      };
}

/** Plain field columns (no parent relationships), each with its field. */
function plainFields(compiled: CompiledQuery): { field: FieldDef; sqlAlias: string }[] | null {
  const plain = compiled.columns.every(
    (c) => c.kind === 'field' && c.path.relationships.length === 0
  );
  if (!plain) return null;
  return compiled.columns.map((c) => ({
    field: (c as { path: { field: FieldDef } }).path.field,
    sqlAlias: c.sqlAlias
  }));
}

/**
 * One result row as a CSV line. Plain field columns are read straight from the row; queries
 * through parent relationships go through the REST record shape (null parents, nesting).
 */
function csvRowFormatter(
  compiled: CompiledQuery,
  columns: string[],
  names: string[]
): (row: unknown[]) => string {
  const plain = plainFields(compiled);
  if (!plain) {
    return (row) => {
      const named: Record<string, unknown> = {};
      for (let k = 0; k < names.length; k++) named[names[k]] = row[k];
      const flat = flatten(shapeRow(compiled, named));
      return csvLine(columns.map((c) => flat[c]));
    };
  }
  const fields = plain.map(({ field, sqlAlias }) => ({ field, index: names.indexOf(sqlAlias) }));
  return (row) => {
    let line = '';
    for (let k = 0; k < fields.length; k++) {
      if (k > 0) line += ',';
      line += csvField(fromStored(fields[k].field, row[fields[k].index]));
    }
    return line + '\n';
  };
}

/**
 * The page as CSV built in SQLite in one statement, or null when a value needs the JS
 * formatter (a number SQLite would write otherwise than JS). Building the text in SQLite
 * skips a JS array and string per row and value: at a million rows that was most of an
 * export's server time. Texts go as stored first; a page where one needs quoting (a comma in
 * a name) is written again with quoting, still in SQLite.
 */
/**
 * Per job, what its last page needed beyond plain text: its next pages start there rather
 * than writing each page once more in vain (names with commas are on every page, not one).
 */
const jobNeeds = new Map<string, CsvStyle | 'js'>();

function sqlPage(
  ctx: ApiContext,
  jobId: string,
  compiled: CompiledQuery,
  mode: PageMode,
  locator: Locator,
  pageSize: number
): { csv: Buffer; rows: number; lastRow: number } | null {
  // group_concat promises no order: only for queries where any order is right.
  const plain = compiled.unordered ? plainFields(compiled) : null;
  if (!plain) return null;
  const declared = new Map(
    (
      ctx.org.db.prepare(`PRAGMA table_info(${q(compiled.object.name)})`).all() as {
        name: string;
        type: string;
      }[]
    ).map((column) => [column.name.toLowerCase(), column.type.toUpperCase()])
  );
  const fields = plain.map((f) => ({
    ...f,
    textAffinity: declared.get(f.field.name.toLowerCase()) === 'TEXT'
  }));
  const page = pageStatement(compiled, mode, locator, pageSize);
  const lastRow = mode === 'afterRow' ? 'max(_row)' : 'NULL';
  const needs = jobNeeds.get(jobId);
  if (needs === 'js') return null;
  // A bounded memory: an org runs a handful of jobs at a time.
  if (jobNeeds.size > 1000) jobNeeds.clear();
  for (const style of needs === 'quoted' ? (['quoted'] as const) : (['plain', 'quoted'] as const)) {
    const result = ctx.org.db
      .prepare(
        `SELECT ${sqlCsvBytes(fields, style)} AS csv, count(*) AS n, ${lastRow} AS lastRow FROM (${page.sql})`
      )
      .get(...page.params) as { csv: Buffer | null; n: number; lastRow: number | null };
    const csv = result.csv ?? Buffer.alloc(0);
    if (wellFormedCsv(csv, result.n, fields.length, style)) {
      if (style === 'quoted') jobNeeds.set(jobId, style);
      return { csv, rows: result.n, lastRow: result.lastRow ?? locator.afterRow };
    }
  }
  jobNeeds.set(jobId, 'js');
  return null;
}

/** The page row by row through the JS formatter, in chunks. */
function jsPage(
  ctx: ApiContext,
  compiled: CompiledQuery,
  columns: string[],
  mode: PageMode,
  locator: Locator,
  pageSize: number
): { chunks: string[]; lastRow: number } {
  const page = pageStatement(compiled, mode, locator, pageSize);
  const statement = ctx.org.db.prepare(page.sql);
  statement.raw(true);
  const names = statement.columns().map((column) => column.name);
  const toCsv = csvRowFormatter(compiled, columns, names);
  const rowIndex = names.indexOf('_row');
  const chunks: string[] = [];
  let buffer = '';
  let lastRow = locator.afterRow;
  for (const row of statement.iterate(...page.params) as IterableIterator<unknown[]>) {
    buffer += toCsv(row);
    if (rowIndex >= 0) lastRow = Number(row[rowIndex]);
    if (buffer.length > 256_000) {
      chunks.push(buffer);
      buffer = '';
    }
  }
  chunks.push(buffer);
  return { chunks, lastRow };
}

const compileJobQuery = (
  ctx: ApiContext,
  job: { query: string | null; operation: string },
  storageOrder: boolean
) =>
  compileQuery(parseSoql(String(job.query)), ctx.org.schema, {
    all: job.operation === 'queryAll',
    storageOrder
  });

export function queryRoutes(jobs: JobStore) {
  return {
    async create(ctx: ApiContext): Promise<ApiResult> {
      const body = (await ctx.body()) as { operation?: string; query?: string };
      if (!['query', 'queryAll'].includes(String(body.operation)))
        throw new OrgError(400, 'INVALIDJOB', 'operation must be query or queryAll');
      // Compiled with its rowids: an unordered job's first page reads on from its first row
      // (rows that match only deep in a table skip the rows before them), found here with the
      // table's indexes where the page reads in storage order.
      const compiled = ctx.org.compile(String(body.query ?? ''), {
        all: body.operation === 'queryAll',
        rowIds: true
      });
      // Bulk API 2.0 refuses these as its guide lists them.
      if (compiled.children.length || compiled.aggregate || compiled.typeofs.length)
        throw new OrgError(
          400,
          'INVALIDJOB',
          'Bulk queries cannot use subqueries, aggregates or TYPEOF'
        );
      const count = ctx.org.db
        .prepare(`SELECT COUNT(*) AS n, MIN(_row) AS firstRow FROM (${compiled.sql})`)
        .get(...compiled.params) as { n: number; firstRow: number | null };
      const job = jobs.create({
        kind: 'query',
        operation: String(body.operation),
        object: compiled.object.name,
        query: String(body.query),
        externalIdFieldName: null,
        state: 'JobComplete',
        createdById: ctx.user.id
      });
      jobs.update(job.id, { numberRecordsProcessed: count.n, firstRow: count.firstRow });
      return {
        status: 200,
        body: { ...jobs.info({ ...job, numberRecordsProcessed: count.n }), jobType: 'V2Query' }
      };
    },

    info(ctx: ApiContext): ApiResult {
      const job = jobs.visible(ctx.params.id, 'query', ctx.user);
      return { status: 200, body: { ...jobs.info(job), jobType: 'V2Query' } };
    },

    delete(ctx: ApiContext): ApiResult {
      jobs.delete(jobs.visible(ctx.params.id, 'query', ctx.user).id);
      return { status: 204 };
    },

    /** One page of CSV; `Sforce-Locator` says where the next page starts ('null' at the end). */
    async results(ctx: ApiContext): Promise<ApiResult> {
      const job = jobs.visible(ctx.params.id, 'query', ctx.user);
      if (job.state !== 'JobComplete')
        throw new OrgError(400, 'INVALIDJOBSTATE', `The job is ${job.state}`);
      const locator = parseLocator(ctx.query.get('locator'), job.firstRow);
      const max = Number(ctx.query.get('maxRecords') ?? DEFAULT_PAGE);
      if (!Number.isInteger(max) || max < 1)
        throw new OrgError(400, 'INVALIDLOCATOR', 'Invalid locator or maxRecords');
      const remaining = job.numberRecordsProcessed - locator.offset;
      const pageSize = Math.max(0, Math.min(max, remaining));
      const wholeJob = locator.offset === 0 && pageSize === job.numberRecordsProcessed;
      let compiled = compileJobQuery(ctx, job, false);
      const mode: PageMode = compiled.unordered && !wholeJob ? 'afterRow' : 'offset';
      if (mode === 'afterRow') compiled = compileJobQuery(ctx, job, true);
      const columns = compiled.columns.map((c) =>
        c.kind === 'field' ? [...c.path.relationships, c.path.field.name].join('.') : c.name
      );
      // The page is read in one synchronous pass (no other statement can run on the
      // connection meanwhile), then written with backpressure: memory stays that of one page
      // however large the job.
      const fast = sqlPage(ctx, job.id, compiled, mode, locator, pageSize);
      const page = fast
        ? { chunks: [fast.csv], lastRow: fast.lastRow }
        : jsPage(ctx, compiled, columns, mode, locator, pageSize);
      const next =
        locator.offset + pageSize < job.numberRecordsProcessed
          ? formatLocator({ offset: locator.offset + pageSize, afterRow: page.lastRow })
          : 'null';
      ctx.res.writeHead(200, {
        'Content-Type': 'text/csv; charset=UTF-8',
        'Sforce-Locator': next,
        'Sforce-NumberOfRecords': String(pageSize)
      });
      await sendChunk(ctx.res, csvLine(columns));
      for (const chunk of page.chunks) await sendChunk(ctx.res, chunk);
      ctx.res.end();
      return 'handled';
    }
  };
}
