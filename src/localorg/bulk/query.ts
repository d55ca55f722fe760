import { OrgError } from '../errors';
import type { ApiContext, ApiResult } from '../router';
import type { FieldDef } from '../schema/types';
import type { CompiledQuery } from '../soql/compile';
import { shapeRow } from '../soql/execute';
import { fromStored } from '../values';
import { csvField, csvLine, flatten } from './csv';
import type { JobStore } from './jobs';

const DEFAULT_PAGE = 50_000;

/** Waits while the socket's buffer is full, so a million-row export keeps memory flat. */
function write(ctx: ApiContext, chunk: string): Promise<void> | void {
  if (!ctx.res.write(chunk)) return new Promise((resolve) => ctx.res.once('drain', resolve));
}

/**
 * Where the next page starts: how many rows came before it and, for unordered queries, the
 * last Id sent. Unordered pages continue after that Id on the primary key index, so a page
 * deep into a million rows costs what the first one does (OFFSET would rescan what came before).
 */
interface Locator {
  offset: number;
  afterId: string;
}

const formatLocator = (locator: Locator) =>
  Buffer.from(`${locator.offset}:${locator.afterId}`).toString('base64');

function parseLocator(value: string | null): Locator {
  if (!value) return { offset: 0, afterId: '' };
  const [offset, afterId = ''] = Buffer.from(value, 'base64').toString('utf8').split(':');
  const parsed = Number(offset);
  if (!Number.isInteger(parsed) || parsed < 0 || !/^[0-9A-Za-z]*$/.test(afterId))
    throw new OrgError(400, 'INVALIDLOCATOR', 'Invalid locator or maxRecords');
  return { offset: parsed, afterId };
}

/** One page of result rows as arrays (no object per row), with the column names. */
function pageRows(
  ctx: ApiContext,
  compiled: CompiledQuery,
  locator: Locator,
  pageSize: number
): { names: string[]; rows: IterableIterator<unknown[]> } {
  const statement = compiled.unordered
    ? ctx.org.db.prepare(`SELECT * FROM (${compiled.sql}) WHERE _id > ? ORDER BY _id LIMIT ?`)
    : ctx.org.db.prepare(`SELECT * FROM (${compiled.sql}) LIMIT ? OFFSET ?`);
  const bounds = compiled.unordered ? [locator.afterId, pageSize] : [pageSize, locator.offset];
  statement.raw(true);
  return {
    names: statement.columns().map((column) => column.name),
    rows: statement.iterate(...compiled.params, ...bounds) as IterableIterator<unknown[]>
  };
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
  const plain = compiled.columns.every(
    (c) => c.kind === 'field' && c.path.relationships.length === 0
  );
  if (!plain) {
    return (row) => {
      const named: Record<string, unknown> = {};
      for (let k = 0; k < names.length; k++) named[names[k]] = row[k];
      const flat = flatten(shapeRow(compiled, named));
      return csvLine(columns.map((c) => flat[c]));
    };
  }
  const fields = compiled.columns.map((c) => {
    const field = (c as { path: { field: FieldDef } }).path.field;
    return { field, index: names.indexOf(c.sqlAlias) };
  });
  return (row) => {
    let line = '';
    for (let k = 0; k < fields.length; k++) {
      if (k > 0) line += ',';
      line += csvField(fromStored(fields[k].field, row[fields[k].index]));
    }
    return line + '\n';
  };
}

export function queryRoutes(jobs: JobStore) {
  return {
    async create(ctx: ApiContext): Promise<ApiResult> {
      const body = (await ctx.body()) as { operation?: string; query?: string };
      if (!['query', 'queryAll'].includes(String(body.operation)))
        throw new OrgError(400, 'INVALIDJOB', 'operation must be query or queryAll');
      const compiled = ctx.org.compile(String(body.query ?? ''), {
        all: body.operation === 'queryAll'
      });
      if (compiled.children.length || compiled.aggregate)
        throw new OrgError(400, 'INVALIDJOB', 'Bulk queries cannot use subqueries or aggregates');
      const count = ctx.org.db
        .prepare(`SELECT COUNT(*) AS n FROM (${compiled.sql})`)
        .get(...compiled.params) as { n: number };
      const job = jobs.create({
        kind: 'query',
        operation: String(body.operation),
        object: compiled.object.name,
        query: String(body.query),
        externalIdFieldName: null,
        state: 'JobComplete',
        createdById: ctx.user.id
      });
      jobs.update(job.id, { numberRecordsProcessed: count.n });
      return {
        status: 200,
        body: { ...jobs.info({ ...job, numberRecordsProcessed: count.n }), jobType: 'V2Query' }
      };
    },

    info(ctx: ApiContext): ApiResult {
      const job = jobs.get(ctx.params.id, 'query');
      if (!job) throw new OrgError(404, 'NOT_FOUND', 'Job not found');
      return { status: 200, body: { ...jobs.info(job), jobType: 'V2Query' } };
    },

    /** One page of CSV; `Sforce-Locator` says where the next page starts ('null' at the end). */
    async results(ctx: ApiContext): Promise<ApiResult> {
      const job = jobs.get(ctx.params.id, 'query');
      if (!job) throw new OrgError(404, 'NOT_FOUND', 'Job not found');
      if (job.state !== 'JobComplete')
        throw new OrgError(400, 'INVALIDJOBSTATE', `The job is ${job.state}`);
      const locator = parseLocator(ctx.query.get('locator'));
      const max = Number(ctx.query.get('maxRecords') ?? DEFAULT_PAGE);
      if (!Number.isInteger(max) || max < 1)
        throw new OrgError(400, 'INVALIDLOCATOR', 'Invalid locator or maxRecords');
      const compiled = ctx.org.compile(String(job.query), { all: job.operation === 'queryAll' });
      const remaining = job.numberRecordsProcessed - locator.offset;
      const pageSize = Math.max(0, Math.min(max, remaining));
      const columns = compiled.columns.map((c) =>
        c.kind === 'field' ? [...c.path.relationships, c.path.field.name].join('.') : c.name
      );
      // The page is read in one synchronous pass (no other statement can run on the
      // connection meanwhile) into chunks, then written with backpressure: memory stays that
      // of one page however large the job.
      const page = pageRows(ctx, compiled, locator, pageSize);
      const toCsv = csvRowFormatter(compiled, columns, page.names);
      const idIndex = page.names.indexOf('_id');
      const chunks: string[] = [];
      let buffer = '';
      let lastId = '';
      for (const row of page.rows) {
        buffer += toCsv(row);
        lastId = String(row[idIndex]);
        if (buffer.length > 256_000) {
          chunks.push(buffer);
          buffer = '';
        }
      }
      chunks.push(buffer);
      const next =
        locator.offset + pageSize < job.numberRecordsProcessed
          ? formatLocator({ offset: locator.offset + pageSize, afterId: lastId })
          : 'null';
      ctx.res.writeHead(200, {
        'Content-Type': 'text/csv; charset=UTF-8',
        'Sforce-Locator': next,
        'Sforce-NumberOfRecords': String(pageSize)
      });
      await write(ctx, csvLine(columns));
      for (const chunk of chunks) await write(ctx, chunk);
      ctx.res.end();
      return 'handled';
    }
  };
}
