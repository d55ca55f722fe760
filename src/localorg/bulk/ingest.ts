import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  type WriteStream
} from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { OrgError } from '../errors';
import type { OrgCore } from '../orgCore';
import type { ApiContext, ApiResult, OrgUser } from '../router';
import { csvLine } from './csv';
import type { BulkJob, JobStore } from './jobs';

const OPERATIONS = new Set(['insert', 'update', 'upsert', 'delete', 'hardDelete']);
/** Rows per transaction: a crash loses at most the chunk in flight, never half a chunk. */
export const INGEST_CHUNK = 2_000;

const fileOf = (org: OrgCore, job: string, kind: 'data' | 'success' | 'failed' | 'unprocessed') => {
  const dir = join(org.dataDir, 'bulk');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${job}.${kind}.csv`);
};

type Row = Record<string, string>;

function applyRow(
  org: OrgCore,
  job: BulkJob,
  row: Row,
  user: OrgUser
): { id: string; created: boolean } {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row))
    if (value !== '') fields[key] = value === '#N/A' ? null : value;
  const id = String(fields.Id ?? fields.id ?? '');
  switch (job.operation) {
    case 'insert':
      return { id: org.records.create(job.object, fields, user), created: true };
    case 'update':
      org.records.update(job.object, id, fields, user);
      return { id, created: false };
    case 'upsert': {
      const key = Object.keys(fields).find(
        (k) => k.toLowerCase() === String(job.externalIdFieldName).toLowerCase()
      );
      if (!key)
        throw new OrgError(
          400,
          'REQUIRED_FIELD_MISSING',
          `${job.externalIdFieldName} is required for upsert`,
          [String(job.externalIdFieldName)]
        );
      return org.records.upsert(job.object, key, String(fields[key]), fields, user);
    }
    default:
      org.records.delete(job.object, id, user);
      return { id, created: false };
  }
}

async function processJob(org: OrgCore, jobs: JobStore, id: string, user: OrgUser): Promise<void> {
  const job = jobs.get(id, 'ingest')!;
  jobs.update(id, { state: 'InProgress' });
  let header: string[] | undefined;
  const success = createWriteStream(fileOf(org, id, 'success'));
  const failed = createWriteStream(fileOf(org, id, 'failed'));
  const unprocessed = createWriteStream(fileOf(org, id, 'unprocessed'));
  let processed = 0;
  let failures = 0;
  let aborted = false;
  const parser = createReadStream(fileOf(org, id, 'data')).pipe(
    parse({ columns: (h: string[]) => (header = h), bom: true, relax_column_count: false })
  );
  let chunk: Row[] = [];
  const flush = async () => {
    const lines = { ok: '', bad: '' };
    org.transaction(() => {
      for (const row of chunk) {
        const values = header!.map((h) => row[h]);
        try {
          const result = applyRow(org, job, row, user);
          lines.ok += csvLine([result.id, result.created, ...values]);
        } catch (error) {
          if (!(error instanceof OrgError)) throw error;
          failures++;
          lines.bad += csvLine([
            '',
            `${error.errorCode}:${error.message}:${error.fields.join(',')}`,
            ...values
          ]);
        }
      }
    });
    processed += chunk.length;
    chunk = [];
    success.write(lines.ok);
    failed.write(lines.bad);
    jobs.update(id, { numberRecordsProcessed: processed, numberRecordsFailed: failures });
    await new Promise((resolve) => setImmediate(resolve));
    aborted = jobs.get(id, 'ingest')!.state === 'Aborted';
  };
  try {
    for await (const row of parser) {
      if (!success.bytesWritten && !success.pending && processed === 0 && chunk.length === 0) {
        success.write(csvLine(['sf__Id', 'sf__Created', ...header!]));
        failed.write(csvLine(['sf__Id', 'sf__Error', ...header!]));
        unprocessed.write(csvLine(header!));
      }
      if (aborted) {
        unprocessed.write(csvLine(header!.map((h) => (row as Row)[h])));
        continue;
      }
      chunk.push(row as Row);
      if (chunk.length >= INGEST_CHUNK) await flush();
    }
    if (chunk.length && !aborted) await flush();
    if (!aborted) jobs.update(id, { state: 'JobComplete' });
  } catch (error) {
    jobs.update(id, {
      state: 'Failed',
      errorMessage:
        error instanceof OrgError || error instanceof Error ? error.message : String(error)
    });
  } finally {
    await Promise.all(
      [success, failed, unprocessed].map(
        (s) => new Promise((resolve) => (s as WriteStream).end(resolve))
      )
    );
  }
}

export function ingestRoutes(jobs: JobStore) {
  const find = (ctx: ApiContext) => {
    const job = jobs.get(ctx.params.id, 'ingest');
    if (!job) throw new OrgError(404, 'NOT_FOUND', 'Job not found');
    return job;
  };
  return {
    async create(ctx: ApiContext): Promise<ApiResult> {
      const body = (await ctx.body()) as {
        object?: string;
        operation?: string;
        externalIdFieldName?: string;
        contentType?: string;
      };
      const object = ctx.org.records.object(String(body.object ?? ''));
      if (!OPERATIONS.has(String(body.operation)))
        throw new OrgError(
          400,
          'INVALIDJOB',
          `operation must be one of ${[...OPERATIONS].join(', ')}`
        );
      if (body.contentType && body.contentType !== 'CSV')
        throw new OrgError(400, 'INVALIDJOB', 'contentType must be CSV');
      if (
        body.operation === 'upsert' &&
        !ctx.org.schema.field(object, String(body.externalIdFieldName ?? ''))?.externalId
      ) {
        throw new OrgError(
          400,
          'INVALIDJOB',
          `externalIdFieldName must name an External ID field of ${object.name}`
        );
      }
      const job = jobs.create({
        kind: 'ingest',
        operation: String(body.operation),
        object: object.name,
        query: null,
        externalIdFieldName: body.externalIdFieldName ?? null,
        state: 'Open',
        createdById: ctx.user.id
      });
      return { status: 200, body: jobs.info(job) };
    },
    info: (ctx: ApiContext): ApiResult => ({ status: 200, body: jobs.info(find(ctx)) }),
    async upload(ctx: ApiContext): Promise<ApiResult> {
      if (find(ctx).state !== 'Open')
        throw new OrgError(400, 'INVALIDJOBSTATE', 'Data can only be uploaded to an Open job');
      await pipeline(
        ctx.req,
        createWriteStream(fileOf(ctx.org, ctx.params.id, 'data'), { flags: 'a' })
      );
      return { status: 201 };
    },
    async changeState(ctx: ApiContext): Promise<ApiResult> {
      const job = find(ctx);
      const state = String(((await ctx.body()) as { state?: string }).state);
      if (state === 'Aborted' && ['Open', 'UploadComplete', 'InProgress'].includes(job.state)) {
        jobs.update(job.id, { state: 'Aborted' });
      } else if (state === 'UploadComplete' && job.state === 'Open') {
        if (!existsSync(fileOf(ctx.org, job.id, 'data')))
          throw new OrgError(400, 'INVALIDJOBSTATE', 'No data was uploaded');
        jobs.update(job.id, { state: 'UploadComplete' });
        setImmediate(() => void processJob(ctx.org, jobs, job.id, ctx.user));
      } else {
        throw new OrgError(400, 'INVALIDJOBSTATE', `Cannot change a ${job.state} job to ${state}`);
      }
      return { status: 200, body: jobs.info(find(ctx)) };
    },
    results:
      (kind: 'success' | 'failed' | 'unprocessed') =>
      (ctx: ApiContext): ApiResult => {
        const job = find(ctx);
        const file = fileOf(ctx.org, job.id, kind);
        ctx.res.writeHead(200, { 'Content-Type': 'text/csv; charset=UTF-8' });
        if (existsSync(file)) createReadStream(file).pipe(ctx.res);
        else
          ctx.res.end(readFileSync(fileOf(ctx.org, job.id, 'data'), 'utf8').split('\n')[0] + '\n');
        return 'handled';
      }
  };
}
