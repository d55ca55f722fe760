import { OrgError } from './errors';
import type { ApiContext, Router } from './router';
import { q } from './store';
import { formatDateTime } from './values';

/** A `start`/`end` parameter as the stored date-time text, which compares in time order. */
function dateParam(ctx: ApiContext, name: 'start' | 'end'): string {
  const text = ctx.query.get(name);
  const date = text ? new Date(text) : undefined;
  if (!date || Number.isNaN(date.getTime()))
    throw new OrgError(
      400,
      'INVALID_REPLICATION_DATE',
      `${name} must be an ISO 8601 date-time, e.g. 2026-01-01T00:00:00+00:00`
    );
  return formatDateTime(date);
}

/** The window of a replication call, `start` before `end` as an org requires. */
function window(ctx: ApiContext) {
  const start = dateParam(ctx, 'start');
  const end = dateParam(ctx, 'end');
  if (start >= end) throw new OrgError(400, 'INVALID_REPLICATION_DATE', 'end must be after start');
  return { start, end };
}

/**
 * The replication resources (`sobject.updated()` and `deleted()` in jsforce): ids changed or
 * deleted within a window, by SystemModstamp. Deleted rows stay in the table (the recycle
 * bin), so both read it directly.
 */
export function registerReplicationRoutes(router: Router): void {
  router.add('GET', '/sobjects/:type/updated', (ctx) => {
    const object = ctx.org.records.object(ctx.params.type);
    const { start, end } = window(ctx);
    const ids = ctx.org.db
      .prepare(
        `SELECT Id FROM ${q(object.name)} WHERE IsDeleted = 0 AND SystemModstamp >= ? AND SystemModstamp < ? ORDER BY SystemModstamp`
      )
      .pluck()
      .all(start, end) as string[];
    return { status: 200, body: { ids, latestDateCovered: end } };
  });
  router.add('GET', '/sobjects/:type/deleted', (ctx) => {
    const object = ctx.org.records.object(ctx.params.type);
    const { start, end } = window(ctx);
    const rows = ctx.org.db
      .prepare(
        `SELECT Id, SystemModstamp FROM ${q(object.name)} WHERE IsDeleted = 1 AND SystemModstamp >= ? AND SystemModstamp < ? ORDER BY SystemModstamp`
      )
      .all(start, end) as { Id: string; SystemModstamp: string }[];
    const earliest = ctx.org.db
      .prepare(`SELECT MIN(SystemModstamp) FROM ${q(object.name)} WHERE IsDeleted = 1`)
      .pluck()
      .get() as string | null;
    return {
      status: 200,
      body: {
        deletedRecords: rows.map((r) => ({ id: r.Id, deletedDate: r.SystemModstamp })),
        earliestDateAvailable: earliest ?? start,
        latestDateCovered: end
      }
    };
  });
}
