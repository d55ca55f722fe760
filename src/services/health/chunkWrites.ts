import type { Failure } from './failures';
import type { OrgAccess, Row } from './orgAccess';
import type { RetryOptions } from './retry';
import type { ChunkOutcome } from './scoreChunk';
import { writeRows } from './writeRows';

const accountOf = (field: string) => (row: Row) => String(row[field]);

/**
 * The chunks being written, as two lanes: each chunk's Account update, then its snapshot
 * upsert (one after the other: on a real org, inserting a snapshot locks its Account, which
 * the update may hold). The next chunk's Account update goes while this chunk's snapshots
 * are written (other accounts, no lock in common), so the org always has a job while the
 * recompute makes the next upload. At most two chunks are in flight (`room`).
 */
export class ChunkWrites {
  private accounts: Promise<Failure[]> = Promise.resolve([]);
  private snapshots: Promise<void> = Promise.resolve();
  private readonly inFlight: Promise<void>[] = [];

  constructor(
    private readonly org: OrgAccess,
    private readonly retry: RetryOptions | undefined
  ) {}

  /** Waits until fewer than two chunks are being written. */
  async room(): Promise<void> {
    while (this.inFlight.length >= 2) await this.inFlight.shift();
  }

  /** Starts writing a chunk; `done` gets the rows that failed after retries. */
  add(chunk: ChunkOutcome, done: (failures: Failure[]) => void): void {
    const accounts = this.accounts.then(() =>
      writeRows(
        this.org,
        { object: 'Account', rows: chunk.accountRows, accountOf: accountOf('Id') },
        this.retry
      )
    );
    const snapshots = Promise.all([accounts, this.snapshots]).then(async ([accountFailures]) => {
      // One write; more than 100 MB of CSV would go as several Bulk jobs (src/org/bulk.ts).
      const snapshotFailures = await writeRows(
        this.org,
        {
          object: 'Health_Snapshot__c',
          rows: chunk.snapshotRows,
          externalIdField: 'Snapshot_Key__c',
          accountOf: accountOf('Account__c')
        },
        this.retry
      );
      done([...accountFailures, ...snapshotFailures]);
    });
    // Handled here so a failure while the next chunk is scored is not an unhandled
    // rejection; it is still thrown where the chunk is awaited (room, finished).
    accounts.catch(() => undefined);
    snapshots.catch(() => undefined);
    this.accounts = accounts;
    this.snapshots = snapshots;
    this.inFlight.push(snapshots);
  }

  async finished(): Promise<void> {
    while (this.inFlight.length > 0) await this.inFlight.shift();
  }
}
