import { randomBytes } from 'node:crypto';
import { OrgError } from '../errors';
import { checksumSuffix } from '../../core/ids';
import type { OrgCore } from '../orgCore';
import { API_VERSION } from '../../metadata/apiVersion';

export type JobState =
  'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';

export interface BulkJob {
  id: string;
  kind: 'query' | 'ingest';
  operation: string;
  object: string;
  query: string | null;
  externalIdFieldName: string | null;
  state: JobState;
  createdById: string;
  createdDate: string;
  systemModstamp: string;
  numberRecordsProcessed: number;
  numberRecordsFailed: number;
  errorMessage: string | null;
  /** PUTs to /batches: Salesforce takes one upload per job and refuses to close a second. */
  uploads: number;
  /**
   * A query job's first matching rowid when it was created (null: none, or an ingest job): its
   * first page starts there instead of scanning the rows before it.
   */
  firstRow: number | null;
}

/** Whom a job shows itself to: its creator, and the admin (a System Administrator sees all). */
export interface JobViewer {
  id: string;
  access?: unknown;
}

/** Finished jobs are kept as long as Salesforce keeps them, then deleted with their files. */
export const JOB_RETENTION_DAYS = 7;

const TABLE = `CREATE TABLE IF NOT EXISTS _bulk_jobs (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, operation TEXT NOT NULL, object TEXT NOT NULL, query TEXT,
  externalIdFieldName TEXT, state TEXT NOT NULL, createdById TEXT NOT NULL, createdDate TEXT NOT NULL,
  systemModstamp TEXT NOT NULL, numberRecordsProcessed INTEGER NOT NULL DEFAULT 0,
  numberRecordsFailed INTEGER NOT NULL DEFAULT 0, errorMessage TEXT, uploads INTEGER NOT NULL DEFAULT 0,
  firstRow INTEGER)`;

/** Bulk API 2.0 jobs, kept in the org's SQLite file so their state survives a restart. */
export class JobStore {
  constructor(private readonly org: OrgCore) {
    org.db.exec(TABLE);
    const columns = org.db.prepare('PRAGMA table_info(_bulk_jobs)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'uploads'))
      org.db.exec('ALTER TABLE _bulk_jobs ADD COLUMN uploads INTEGER NOT NULL DEFAULT 0');
    if (!columns.some((c) => c.name === 'firstRow'))
      org.db.exec('ALTER TABLE _bulk_jobs ADD COLUMN firstRow INTEGER');
    // A job that was running when the org stopped did not finish: say so, as an org would.
    org.db
      .prepare(
        "UPDATE _bulk_jobs SET state = 'Failed', errorMessage = 'The local org stopped while the job was running; rows committed before that are kept' WHERE state IN ('UploadComplete', 'InProgress')"
      )
      .run();
  }

  create(
    job: Pick<
      BulkJob,
      'kind' | 'operation' | 'object' | 'query' | 'externalIdFieldName' | 'state' | 'createdById'
    >
  ): BulkJob {
    const now = new Date().toISOString().replace('Z', '+0000');
    const id15 = `750${randomBytes(6).toString('hex').toUpperCase()}`;
    const id = id15 + checksumSuffix(id15);
    const full: BulkJob = {
      ...job,
      id,
      createdDate: now,
      systemModstamp: now,
      numberRecordsProcessed: 0,
      numberRecordsFailed: 0,
      errorMessage: null,
      uploads: 0,
      firstRow: null
    };
    this.org.db
      .prepare(
        'INSERT INTO _bulk_jobs (id, kind, operation, object, query, externalIdFieldName, state, createdById, createdDate, systemModstamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
      )
      .run(
        id,
        job.kind,
        job.operation,
        job.object,
        job.query,
        job.externalIdFieldName,
        job.state,
        job.createdById,
        now,
        now
      );
    return full;
  }

  get(id: string, kind: BulkJob['kind']): BulkJob | undefined {
    return this.org.db
      .prepare('SELECT * FROM _bulk_jobs WHERE id = ? AND kind = ?')
      .get(id, kind) as BulkJob | undefined;
  }

  /**
   * The job as `viewer` may see it. Another user's job answers NOT_FOUND, as Salesforce
   * answers for a job the caller cannot see: its id reveals nothing and grants nothing.
   */
  visible(id: string, kind: BulkJob['kind'], viewer: JobViewer): BulkJob {
    const job = this.get(id, kind);
    if (!job || (viewer.access && job.createdById !== viewer.id))
      throw new OrgError(404, 'NOT_FOUND', 'Job not found');
    return job;
  }

  delete(id: string): void {
    this.org.db.prepare('DELETE FROM _bulk_jobs WHERE id = ?').run(id);
  }

  /** Ids of finished jobs last changed before `before` (an ISO date-time). */
  finishedBefore(before: string): string[] {
    return (
      this.org.db
        .prepare(
          "SELECT id FROM _bulk_jobs WHERE state IN ('JobComplete', 'Failed', 'Aborted') AND systemModstamp < ?"
        )
        .all(before.replace('Z', '+0000')) as { id: string }[]
    ).map((row) => row.id);
  }

  update(
    id: string,
    changes: Partial<
      Pick<
        BulkJob,
        | 'state'
        | 'numberRecordsProcessed'
        | 'numberRecordsFailed'
        | 'errorMessage'
        | 'uploads'
        | 'firstRow'
      >
    >
  ): void {
    const entries = Object.entries(changes);
    const now = new Date().toISOString().replace('Z', '+0000');
    this.org.db
      .prepare(
        `UPDATE _bulk_jobs SET ${entries.map(([k]) => `${k} = ?`).join(', ')}, systemModstamp = ? WHERE id = ?`
      )
      .run(...entries.map(([, v]) => v), now, id);
  }

  info(job: BulkJob) {
    return {
      id: job.id,
      operation: job.operation,
      object: job.object,
      createdById: job.createdById,
      createdDate: job.createdDate,
      systemModstamp: job.systemModstamp,
      state: job.state,
      externalIdFieldName: job.externalIdFieldName ?? undefined,
      concurrencyMode: 'Parallel',
      contentType: 'CSV',
      apiVersion: Number(API_VERSION),
      jobType: 'V2Ingest',
      lineEnding: 'LF',
      columnDelimiter: 'COMMA',
      numberRecordsProcessed: job.numberRecordsProcessed,
      numberRecordsFailed: job.numberRecordsFailed,
      errorMessage: job.errorMessage ?? undefined,
      retries: 0,
      totalProcessingTime: 0
    };
  }
}
