import { OrgError } from '../errors';
import type { ApiContext, ApiResult } from '../router';
import { shapeRow } from '../soql/execute';
import { csvLine, flatten } from './csv';
import type { JobStore } from './jobs';

const DEFAULT_PAGE = 50_000;

/** Waits while the socket's buffer is full, so a million-row export keeps memory flat. */
function write(ctx: ApiContext, chunk: string): Promise<void> | void {
  if (!ctx.res.write(chunk)) return new Promise((resolve) => ctx.res.once('drain', resolve));
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
      const offset = ctx.query.get('locator')
        ? Number(Buffer.from(String(ctx.query.get('locator')), 'base64').toString('utf8'))
        : 0;
      const max = Number(ctx.query.get('maxRecords') ?? DEFAULT_PAGE);
      if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(max) || max < 1)
        throw new OrgError(400, 'INVALIDLOCATOR', 'Invalid locator or maxRecords');
      const compiled = ctx.org.compile(String(job.query), { all: job.operation === 'queryAll' });
      const remaining = job.numberRecordsProcessed - offset;
      const pageSize = Math.max(0, Math.min(max, remaining));
      const next =
        offset + pageSize < job.numberRecordsProcessed
          ? Buffer.from(String(offset + pageSize)).toString('base64')
          : 'null';
      ctx.res.writeHead(200, {
        'Content-Type': 'text/csv; charset=UTF-8',
        'Sforce-Locator': next,
        'Sforce-NumberOfRecords': String(pageSize)
      });
      const columns = compiled.columns.map((c) =>
        c.kind === 'field' ? [...c.path.relationships, c.path.field.name].join('.') : c.name
      );
      await write(ctx, csvLine(columns));
      // The page is read in one synchronous pass (no other statement can run on the
      // connection meanwhile) into chunks, then written with backpressure: memory stays that
      // of one page however large the job.
      const chunks: string[] = [];
      let buffer = '';
      const rows = ctx.org.db
        .prepare(`SELECT * FROM (${compiled.sql}) LIMIT ? OFFSET ?`)
        .iterate(...compiled.params, pageSize, offset);
      for (const row of rows) {
        const flat = flatten(shapeRow(compiled, row as Record<string, unknown>));
        buffer += csvLine(columns.map((c) => flat[c]));
        if (buffer.length > 256_000) {
          chunks.push(buffer);
          buffer = '';
        }
      }
      chunks.push(buffer);
      for (const chunk of chunks) await write(ctx, chunk);
      ctx.res.end();
      return 'handled';
    }
  };
}
