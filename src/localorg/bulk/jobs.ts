import { randomBytes } from 'node:crypto';
import type { OrgCore } from '../orgCore';

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
}

const TABLE = `CREATE TABLE IF NOT EXISTS _bulk_jobs (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, operation TEXT NOT NULL, object TEXT NOT NULL, query TEXT,
  externalIdFieldName TEXT, state TEXT NOT NULL, createdById TEXT NOT NULL, createdDate TEXT NOT NULL,
  systemModstamp TEXT NOT NULL, numberRecordsProcessed INTEGER NOT NULL DEFAULT 0,
  numberRecordsFailed INTEGER NOT NULL DEFAULT 0, errorMessage TEXT)`;

/** Bulk API 2.0 jobs, kept in the org's SQLite file so their state survives a restart. */
export class JobStore {
  constructor(private readonly org: OrgCore) {
    org.db.exec(TABLE);
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
    const id = `750${randomBytes(6).toString('hex').toUpperCase().slice(0, 12)}AAA`;
    const full: BulkJob = {
      ...job,
      id,
      createdDate: now,
      systemModstamp: now,
      numberRecordsProcessed: 0,
      numberRecordsFailed: 0,
      errorMessage: null
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

  update(
    id: string,
    changes: Partial<
      Pick<BulkJob, 'state' | 'numberRecordsProcessed' | 'numberRecordsFailed' | 'errorMessage'>
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
      apiVersion: 62.0,
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
