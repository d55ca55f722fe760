import type { MessageSegment } from '../../../core/connect';

export type Row = Record<string, unknown>;

/** Outcome of writing one row, aligned with the rows sent. */
export type RowResult = { success: true } | { success: false; errorCode: string; message: string };

/**
 * What the recompute needs from an org. Kept this narrow so the service reads as the use
 * case, and tests can count and fail calls; `connectionAccess` implements it with jsforce.
 */
export interface OrgAccess {
  count(soql: string): Promise<number>;
  /** Streams the rows page by page; `expectedRows` lets the implementation pick REST or Bulk. */
  query(soql: string, expectedRows: number, onRows: (rows: Row[]) => void): Promise<void>;
  update(object: string, rows: Row[]): Promise<RowResult[]>;
  upsert(object: string, externalIdField: string, rows: Row[]): Promise<RowResult[]>;
  post(subjectId: string, segments: MessageSegment[]): Promise<void>;
}
