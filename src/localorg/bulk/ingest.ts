import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  type WriteStream
} from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { OrgError } from '../errors';
import type { BulkOperation } from '../batchWrites';
import type { OrgCore } from '../orgCore';
import type { ApiContext, ApiResult, OrgUser } from '../router';
import { csvField } from '../../org/csvRecords';
import { csvLine } from './csv';
import { csvRowsOf } from './csvStream';
import type { JobStore } from './jobs';

const OPERATIONS = new Set(['insert', 'update', 'upsert', 'delete', 'hardDelete']);
/** Rows per transaction: a crash loses at most the chunk in flight, never half a chunk. */
export const INGEST_CHUNK = 2_000;
/** Result bytes a job may have queued for its files before it waits for the disk. */
const RESULTS_BUFFERED = 8 * 1024 * 1024;

const fileOf = (org: OrgCore, job: string, kind: 'data' | 'success' | 'failed' | 'unprocessed') => {
  const dir = join(org.dataDir, 'bulk');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${job}.${kind}.csv`);
};

/** A result file line: the outcome's two columns, then the row as it was sent. */
const resultLine = (first: unknown, second: unknown, row: string[]) =>
  `${csvField(first)},${csvField(second)},${row.map(csvField).join(',')}\n`;

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
  let chunk: string[][] = [];
  const flush = async () => {
    let ok = '';
    let bad = '';
    org.transaction(() => {
      const outcomes = org.batches.write(
        job.operation as BulkOperation,
        job.object,
        header!,
        chunk,
        user,
        job.externalIdFieldName ?? undefined
      );
      outcomes.forEach((outcome, i) => {
        if (outcome instanceof OrgError) {
          failures++;
          bad += resultLine(
            '',
            `${outcome.errorCode}:${outcome.message}:${outcome.fields.join(',')}`,
            chunk[i]
          );
        } else ok += resultLine(outcome.id, outcome.created, chunk[i]);
      });
    });
    processed += chunk.length;
    chunk = [];
    success.write(ok);
    failed.write(bad);
    // Wait for the disk only when it is far behind: a million snapshot rows echo ~1 GB of
    // results, which would otherwise queue in memory.
    for (const file of [success, failed])
      if (file.writableLength > RESULTS_BUFFERED) await once(file, 'drain');
    jobs.update(id, { numberRecordsProcessed: processed, numberRecordsFailed: failures });
    await new Promise((resolve) => setImmediate(resolve));
    aborted = jobs.get(id, 'ingest')!.state === 'Aborted';
  };
  try {
    let line = 1;
    for await (const rows of csvRowsOf(fileOf(org, id, 'data'))) {
      for (const row of rows) {
        if (!header) {
          header = row;
          success.write(csvLine(['sf__Id', 'sf__Created', ...header]));
          failed.write(csvLine(['sf__Id', 'sf__Error', ...header]));
          unprocessed.write(csvLine(header));
          continue;
        }
        line++;
        // As an org does, a row with more or fewer fields than the header fails the job.
        if (row.length !== header.length)
          throw new Error(
            `CSV row ${line} has ${row.length} fields; the header has ${header.length}`
          );
        if (aborted) {
          unprocessed.write(csvLine(row));
          continue;
        }
        chunk.push(row);
        if (chunk.length >= INGEST_CHUNK) await flush();
      }
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
