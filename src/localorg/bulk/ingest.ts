import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync
} from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { OrgError } from '../errors';
import type { BulkOperation } from '../batchWrites';
import type { OrgCore } from '../orgCore';
import type { ApiContext, ApiResult, OrgUser } from '../router';
import { BackgroundCheckpoints } from '../walCheckpoints';
import { csvLine } from './csv';
import { csvRowsOf } from './csvStream';
import { ResultFile } from './resultFile';
import { outcomeLine, sendSuccessResults } from './successResults';
import type { JobStore } from './jobs';

const OPERATIONS = new Set(['insert', 'update', 'upsert', 'delete', 'hardDelete']);
/** Rows per transaction: a crash loses at most the chunk in flight, never half a chunk. */
export const INGEST_CHUNK = 2_000;
/** Unprocessed rows (after an abort) are written this many bytes at a time. */
const RESULT_BYTES = 1024 * 1024;

/**
 * Uploads this large have their WAL checkpointed by a worker thread while they are written
 * (walCheckpoints.ts): a million-Account ingest ~93k → ~100k rows/s, a 100 000-snapshot
 * upsert ~+10 %, when a core is free. Smaller jobs are not worth starting a thread for.
 */
const BACKGROUND_CHECKPOINTS_BYTES = 16 * 1024 * 1024;
const checkpointers = new WeakMap<OrgCore, BackgroundCheckpoints>();

const fileOf = (
  org: OrgCore,
  job: string,
  kind: 'data' | 'outcomes' | 'success' | 'failed' | 'unprocessed'
) => {
  const dir = join(org.dataDir, 'bulk');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${job}.${kind}.csv`);
};

async function processJob(org: OrgCore, jobs: JobStore, id: string, user: OrgUser): Promise<void> {
  const job = jobs.get(id, 'ingest')!;
  jobs.update(id, { state: 'InProgress' });
  let header: string[] | undefined;
  const outcomeFile = new ResultFile(fileOf(org, id, 'outcomes'));
  const failed = new ResultFile(fileOf(org, id, 'failed'));
  const unprocessed = new ResultFile(fileOf(org, id, 'unprocessed'));
  let processed = 0;
  let failures = 0;
  let aborted = false;
  let chunk: string[][] = [];
  let texts: string[] = [];
  const flush = async () => {
    let failedNow = 0;
    try {
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
            failedNow++;
            outcomeFile.text(outcomeLine(null));
            failed.line(
              '',
              `${outcome.errorCode}:${outcome.message}:${outcome.fields.join(',')}`,
              texts[i]
            );
          } else outcomeFile.text(outcomeLine(outcome));
        });
        // The progress is committed with the rows it counts: one commit a chunk, not two.
        jobs.update(id, {
          numberRecordsProcessed: processed + chunk.length,
          numberRecordsFailed: failures + failedNow
        });
      });
    } catch (error) {
      // Rolled back: its rows have no results.
      outcomeFile.discard();
      failed.discard();
      throw error;
    }
    processed += chunk.length;
    failures += failedNow;
    chunk = [];
    texts = [];
    outcomeFile.flush();
    failed.flush();
    await new Promise((resolve) => setImmediate(resolve));
    aborted = jobs.get(id, 'ingest')!.state === 'Aborted';
  };
  const data = fileOf(org, id, 'data');
  let checkpoints: BackgroundCheckpoints | undefined;
  if (statSync(data).size >= BACKGROUND_CHECKPOINTS_BYTES) {
    checkpoints = checkpointers.get(org);
    if (!checkpoints)
      checkpointers.set(org, (checkpoints = new BackgroundCheckpoints(org.db.name)));
    checkpoints.start();
  }
  try {
    let line = 1;
    for await (const rows of csvRowsOf(data)) {
      for (let r = 0; r < rows.cells.length; r++) {
        const row = rows.cells[r];
        if (!header) {
          header = row;
          failed.text(csvLine(['sf__Id', 'sf__Error', ...header]));
          unprocessed.text(csvLine(header));
          // A result asked for before the first chunk commits has its header at least.
          for (const file of [failed, unprocessed]) file.flush();
          continue;
        }
        line++;
        // As an org does, a row with more or fewer fields than the header fails the job.
        if (row.length !== header.length)
          throw new Error(
            `CSV row ${line} has ${row.length} fields; the header has ${header.length}`
          );
        if (aborted) {
          unprocessed.text(`${rows.texts[r]}\n`);
          if (unprocessed.pending > RESULT_BYTES) unprocessed.flush();
          continue;
        }
        chunk.push(row);
        texts.push(rows.texts[r]);
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
    for (const file of [outcomeFile, failed, unprocessed]) file.close();
    await checkpoints?.stop();
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
      async (ctx: ApiContext): Promise<ApiResult> => {
        const job = find(ctx);
        const data = fileOf(ctx.org, job.id, 'data');
        if (
          kind === 'success' &&
          (await sendSuccessResults(ctx.res, data, fileOf(ctx.org, job.id, 'outcomes')))
        )
          return 'handled';
        // A success file is there only for a job processed before outcome files.
        const file = fileOf(ctx.org, job.id, kind);
        ctx.res.writeHead(200, { 'Content-Type': 'text/csv; charset=UTF-8' });
        if (existsSync(file)) createReadStream(file).pipe(ctx.res);
        else ctx.res.end(readFileSync(data, 'utf8').split('\n')[0] + '\n');
        return 'handled';
      }
  };
}
