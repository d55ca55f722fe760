import type { SnapshotState } from '../../../core/health/history';
import { STORED_NO_DAY, dayOfValue } from '../../../core/dates';
import { StatusCodes } from '../recompute/statusCodes';

const num = (value: unknown) =>
  value === null || value === undefined || value === '' ? NaN : Number(value);

/**
 * Each account's newest snapshot (by its row in the SignalTable), what the recompute compares
 * today's result with before writing another (src/core/health/history.ts).
 */
export class LatestSnapshots {
  private day = new Int32Array(0);
  private score = new Float64Array(0);
  private coverage = new Float64Array(0);
  private status = new Uint8Array(0);
  private override = new Uint8Array(0);
  private readonly statuses: StatusCodes;

  /** `statuses`: the model's, best first (statusOrder). */
  constructor(statuses: readonly string[]) {
    this.statuses = new StatusCodes(statuses);
  }

  /** Forgets every account, keeping room for `capacity` rows (a wave's table). */
  reset(capacity: number): void {
    if (capacity > this.day.length) this.grow(capacity);
    this.day.fill(STORED_NO_DAY);
  }

  private grow(capacity: number): void {
    const old = this.day;
    this.day = new Int32Array(capacity).fill(STORED_NO_DAY);
    this.day.set(old);
    this.score = copy(this.score, new Float64Array(capacity));
    this.coverage = copy(this.coverage, new Float64Array(capacity));
    this.status = copy(this.status, new Uint8Array(capacity));
    this.override = copy(this.override, new Uint8Array(capacity));
  }

  /** Folds one Health_Snapshot__c row in; the newest (by Computed_At__c) wins. */
  add(i: number, row: Record<string, unknown>): void {
    if (i >= this.day.length) this.grow(Math.max(i + 1, this.day.length * 2));
    const day = dayOfValue(row.Computed_At__c);
    if (!(day > this.day[i])) return;
    this.day[i] = day;
    this.score[i] = num(row.Score__c);
    this.coverage[i] = num(row.Coverage__c) || 0;
    this.status[i] = this.statuses.codeOf(row.Status__c);
    this.override[i] = this.statuses.codeOf(row.Override_Status__c);
  }

  stateOf(i: number): SnapshotState | null {
    if (i >= this.day.length || this.day[i] === STORED_NO_DAY) return null;
    return {
      day: this.day[i],
      score: Number.isNaN(this.score[i]) ? null : this.score[i],
      status: this.statuses.nameOf(this.status[i]) ?? '',
      coverage: this.coverage[i],
      override: this.statuses.nameOf(this.override[i])
    };
  }
}

function copy<T extends Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}
