import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync
} from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { OrgError } from '../errors';
import type { BulkOperation } from '../batchWrites';
import type { OrgCore } from '../orgCore';
import type { Writer } from '../records';
import { uploadCap } from '../requestBody';
import { checkContentType } from '../requestGuards';
import type { ApiContext, ApiResult } from '../router';
import { q } from '../store';
import { BackgroundCheckpoints } from '../walCheckpoints';
import { ChunkTurns } from './chunkTurns';
import { csvLine } from './csv';
import { csvRowsOf } from './csvStream';
import { ResultFile } from './resultFile';
import { outcomeLine, sendSuccessResults } from './successResults';
import { sendUnprocessed } from './unprocessed';
import type { JobStore } from './jobs';
import { lookupByRelationship } from '../parentKeys';

const OPERATIONS = new Set(['insert', 'update', 'upsert', 'delete', 'hardDelete']);
/** Rows per transaction: a crash loses at most the chunk in flight, never half a chunk. */
export const INGEST_CHUNK = 2_000;

/**
 * Uploads this large have their WAL checkpointed by a worker thread while they are written
 * (walCheckpoints.ts): a million-Account ingest ~93k → ~100k rows/s, a 100 000-snapshot
 * upsert ~+10 %, when a core is free. Smaller jobs are not worth starting a thread for.
 */
const BACKGROUND_CHECKPOINTS_BYTES = 16 * 1024 * 1024;
const checkpointers = new WeakMap<OrgCore, BackgroundCheckpoints>();
const chunkTurns = new WeakMap<OrgCore, ChunkTurns>();
const turnsOf = (org: OrgCore) => {
  let turns = chunkTurns.get(org);
  if (!turns) chunkTurns.set(org, (turns = new ChunkTurns()));
  return turns;
};

const bulkDir = (org: OrgCore) => join(org.dataDir, 'bulk');

const fileOf = (org: OrgCore, job: string, kind: 'data' | 'outcomes' | 'success' | 'failed') => {
  mkdirSync(bulkDir(org), { recursive: true });
  return join(bulkDir(org), `${job}.${kind}.csv`);
};

/** Deletes a job's upload and result files (when the job is deleted). */
export function deleteJobFiles(org: OrgCore, job: string): void {
  if (!existsSync(bulkDir(org))) return;
  for (const name of readdirSync(bulkDir(org)).filter((n) => n.startsWith(`${job}.`)))
    rmSync(join(bulkDir(org), name), { force: true });
}

/**
 * A job's rows run as the user who created it, held to that user's permissions, whoever
 * closes it: its id is no way to write as someone else.
 */
function creatorOf(org: OrgCore, userId: string): Writer {
  const user = org.db.prepare(`SELECT Persona__c FROM ${q('User')} WHERE Id = ?`).get(userId) as
    { Persona__c: string | null } | undefined;
  return {
    id: userId,
    access: org.access.forUser({ id: userId, persona: user?.Persona__c ?? '' })
  };
}

async function processJob(org: OrgCore, jobs: JobStore, id: string): Promise<void> {
  const job = jobs.get(id, 'ingest')!;
  const user = creatorOf(org, job.createdById);
  jobs.update(id, { state: 'InProgress' });
  let header: string[] | undefined;
  const outcomeFile = new ResultFile(fileOf(org, id, 'outcomes'));
  const failed = new ResultFile(fileOf(org, id, 'failed'));
  let processed = 0;
  let failures = 0;
  let aborted = false;
  let chunk: string[][] = [];
  let texts: string[] = [];
  const flush = async () => {
    // Aborted, or deleted, while waiting for its turn: these rows stay unprocessed.
    const failedNow = await turnsOf(org).run(() =>
      jobs.get(id, 'ingest')?.state === 'InProgress' ? writeChunk() : null
    );
    if (failedNow === null) return void (aborted = true);
    processed += chunk.length;
    failures += failedNow;
    chunk = [];
    texts = [];
    outcomeFile.flush();
    failed.flush();
    // Aborted, or deleted meanwhile: the rows after this chunk stay unprocessed.
    aborted = jobs.get(id, 'ingest')?.state !== 'InProgress';
  };
  /** Writes the chunk and its results in one transaction; returns how many rows failed. */
  const writeChunk = (): number => {
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
    return failedNow;
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
          // As an org does, a column naming no field fails the job before any row is written.
          const unknown = header.find((column) => !namesField(org, job.object, column));
          if (unknown !== undefined)
            throw new Error(`InvalidBatch : Field name not found : ${unknown}`);
          failed.text(csvLine(['sf__Id', 'sf__Error', ...header]));
          // A result asked for before the first chunk commits has its header at least.
          failed.flush();
          continue;
        }
        line++;
        // As an org does, a row with more or fewer fields than the header fails the job.
        if (row.length !== header.length)
          throw new Error(
            `CSV row ${line} has ${row.length} fields; the header has ${header.length}`
          );
        if (aborted) break;
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
    for (const file of [outcomeFile, failed]) file.close();
    await checkpoints?.stop();
  }
}

/** A header column that is a field of `type`, or `Relationship.Field` naming a parent's field. */
function namesField(org: OrgCore, type: string, column: string): boolean {
  const object = org.records.object(type);
  if (org.schema.field(object, column)) return true;
  const [relationship, field, ...rest] = column.split('.');
  const lookup = field && !rest.length && lookupByRelationship(object, relationship);
  return (
    !!lookup &&
    (lookup.referenceTo ?? []).some((name) => {
      const parent = org.schema.get(name);
      return !!parent && !!org.schema.field(parent, field);
    })
  );
}

/** What Salesforce answers when a job that had two uploads is closed. */
const multipleUploads = (id: string) =>
  new OrgError(
    400,
    'INVALIDJOB',
    `Found multiple contents for job: <${id}>, please 'Close' / 'Abort' / 'Delete' the current Job then create a new Job and make sure you only do 'PUT' once on a given Job.`
  );

const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });

export function ingestRoutes(jobs: JobStore) {
  const find = (ctx: ApiContext) => jobs.visible(ctx.params.id, 'ingest', ctx.user);
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
      const job = find(ctx);
      if (job.state !== 'Open')
        throw new OrgError(400, 'INVALIDJOBSTATE', 'Data can only be uploaded to an Open job');
      checkContentType(ctx.req, 'text/csv');
      const cap = uploadCap(ctx.req, ctx.caps.uploadBytes);
      // Counted before it is read, so two uploads at once cannot both become the data.
      jobs.update(job.id, { uploads: job.uploads + 1 });
      // As Salesforce does, a second upload is taken and never added: closing the job fails.
      if (job.uploads > 0) {
        await pipeline(ctx.req, cap, discard());
        return { status: 201 };
      }
      const data = fileOf(ctx.org, job.id, 'data');
      try {
        await pipeline(ctx.req, cap, createWriteStream(data));
      } catch (error) {
        // An upload over the cap leaves nothing: the job is still Open, to abort or upload to.
        rmSync(data, { force: true });
        jobs.update(job.id, { uploads: jobs.get(job.id, 'ingest')!.uploads - 1 });
        throw error;
      }
      return { status: 201 };
    },
    delete(ctx: ApiContext): ApiResult {
      const job = find(ctx);
      if (!['JobComplete', 'Failed', 'Aborted', 'UploadComplete'].includes(job.state))
        throw new OrgError(400, 'INVALIDJOBSTATE', `A ${job.state} job cannot be deleted`);
      jobs.delete(job.id);
      deleteJobFiles(ctx.org, job.id);
      return { status: 204 };
    },
    async changeState(ctx: ApiContext): Promise<ApiResult> {
      const job = find(ctx);
      const state = String(((await ctx.body()) as { state?: string }).state);
      if (state === 'Aborted' && ['Open', 'UploadComplete', 'InProgress'].includes(job.state)) {
        jobs.update(job.id, { state: 'Aborted' });
      } else if (state === 'UploadComplete' && job.state === 'Open') {
        if (job.uploads > 1) throw multipleUploads(job.id);
        if (!existsSync(fileOf(ctx.org, job.id, 'data')))
          throw new OrgError(400, 'INVALIDJOBSTATE', 'No data was uploaded');
        jobs.update(job.id, { state: 'UploadComplete' });
        setImmediate(() => void processJob(ctx.org, jobs, job.id));
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
        if (kind === 'unprocessed') {
          await sendUnprocessed(ctx.res, data, job.numberRecordsProcessed);
          return 'handled';
        }
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
