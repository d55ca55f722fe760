import { WAVE_ACCOUNTS } from './accountWaves';
import type { Failure } from './failures';
import type { OrgAccess, Row } from './orgAccess';
import type { RetryOptions } from './retry';
import type { ChunkOutcome } from './scoreChunk';
import { writeRows } from './writeRows';

const accountOf = (field: string) => (row: Row) => String(row[field]);

/**
 * Accounts per chunk: a wave (WAVE_ACCOUNTS) in three, so one chunk is scored while two are
 * written and neither the org nor the recompute waits (docs/performance.md).
 */
const CHUNK_ACCOUNTS = Math.ceil(WAVE_ACCOUNTS / 3);

/**
 * Up to this many accounts a table goes as one chunk: a second chunk costs about a dozen API
 * calls, which 100 000 accounts cannot spare under the goal of 50 (docs/performance.md).
 */
const ONE_CHUNK_ACCOUNTS = 100_000;

/** Accounts per chunk for a wave's table of `accounts`: all of them up to ONE_CHUNK_ACCOUNTS, else a third of a wave. */
export function chunkAccounts(accounts: number): number {
  return accounts <= ONE_CHUNK_ACCOUNTS ? Math.max(1, accounts) : CHUNK_ACCOUNTS;
}

/**
 * The chunks being written. Each chunk's Account update goes first, then its snapshot upsert
 * (on a real org, inserting a snapshot locks its Account, which the update may hold). Chunks
 * do not wait for each other: two chunks hold other accounts, no lock in common, and the org
 * works on a job of the next chunk while the recompute learns (by polling) that this one's
 * update is done. Chained one object after the other across chunks, the org sat idle ~20 %
 * of a million-account recompute. At most two chunks are in flight (`room`), which bounds
 * the memory their rows hold.
 */
export class ChunkWrites {
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
    const accounts = writeRows(
      this.org,
      { object: 'Account', rows: chunk.accountRows, accountOf: accountOf('Id') },
      this.retry
    );
    const snapshots = accounts.then(async (accountFailures) => {
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
    this.inFlight.push(snapshots);
  }

  async finished(): Promise<void> {
    while (this.inFlight.length > 0) await this.inFlight.shift();
  }
}
