import type { Connection } from 'jsforce';
import { isSalesforceId } from '../../core/ids';
import { idChunks, soqlString } from '../../org/soql';
import {
  ACCOUNT_INPUTS,
  isAccountId,
  WATCHED_OBJECTS,
  type ChangeMessage,
  type WatchedObject
} from './changeEvents';

const BY_ENTITY = new Map(WATCHED_OBJECTS.map((watched) => [watched.entity, watched]));
/** Signal rows whose account the watcher remembers, so a delete names its account. */
const REMEMBERED = 200_000;

/**
 * Which account each signal row belonged to, as last seen: a DELETE event carries no fields,
 * and an UPDATE that moves a row to another account names only the new one.
 */
export class RowAccounts {
  private readonly accounts = new Map<string, string>();

  get(id: string) {
    return this.accounts.get(id);
  }

  set(id: string, account: string) {
    this.accounts.delete(id);
    this.accounts.set(id, account);
    if (this.accounts.size > REMEMBERED)
      this.accounts.delete(this.accounts.keys().next().value as string);
  }
}

/** The changes of one burst: the accounts they touch, and the rows still to be looked up. */
export class ChangeBatch {
  readonly accounts = new Set<string>();
  /** Per object, rows to look up by Id (ALL ROWS for the deleted ones). */
  readonly lookups = new Map<WatchedObject, Set<string>>();
  readonly deleted = new Map<WatchedObject, Set<string>>();
  /** Per channel, the newest replay id taken in. */
  readonly replayIds = new Map<string, number>();
  events = 0;

  constructor(private readonly rows: RowAccounts) {}

  get size() {
    return this.events;
  }

  add(channel: string, message: ChangeMessage) {
    this.events++;
    this.replayIds.set(channel, Math.max(this.replayIds.get(channel) ?? 0, message.event.replayId));
    const header = message.payload.ChangeEventHeader;
    const watched = BY_ENTITY.get(header.entityName);
    if (!watched) return;
    const type = header.changeType;
    for (const id of header.recordIds ?? []) {
      if (!isSalesforceId(id)) continue;
      if (watched.accountField === null) {
        if (type === 'DELETE') continue;
        // The recompute's own writes name only Health_* outputs: they move no score.
        const changed = header.changedFields ?? [];
        if (type !== 'UPDATE' || changed.some((field) => ACCOUNT_INPUTS.has(field)))
          this.accounts.add(id);
        continue;
      }
      const before = this.rows.get(id);
      if (before) this.accounts.add(before);
      if (type === 'DELETE') {
        if (!before) this.need(this.deleted, watched, id);
        continue;
      }
      const account = message.payload[watched.accountField];
      if (type === 'CREATE' || (type === 'UPDATE' && account !== undefined)) {
        if (isAccountId(account)) {
          this.accounts.add(account);
          this.rows.set(id, account);
        }
        continue;
      }
      // An UPDATE that left the account alone, an UNDELETE or a GAP event: read the row.
      this.need(this.lookups, watched, id);
    }
  }

  /** Takes in a batch whose rescoring failed, so the next try covers it too. */
  merge(other: ChangeBatch) {
    this.events += other.events;
    for (const account of other.accounts) this.accounts.add(account);
    for (const [channel, id] of other.replayIds)
      this.replayIds.set(channel, Math.max(this.replayIds.get(channel) ?? 0, id));
    for (const [target, source] of [
      [this.lookups, other.lookups],
      [this.deleted, other.deleted]
    ])
      for (const [watched, ids] of source) for (const id of ids) this.need(target, watched, id);
  }

  private need(map: Map<WatchedObject, Set<string>>, watched: WatchedObject, id: string) {
    if (!map.has(watched)) map.set(watched, new Set());
    map.get(watched)!.add(id);
  }

  /** The touched accounts, after reading each row the events did not name an account for. */
  async resolve(conn: Connection): Promise<string[]> {
    for (const [rows, all] of [
      [this.lookups, false],
      [this.deleted, true]
    ] as const)
      for (const [watched, ids] of rows) {
        for (const chunk of idChunks([...ids].map(soqlString))) {
          const field = watched.accountField!;
          const soql = `SELECT Id, ${field} FROM ${watched.entity} WHERE Id IN (${chunk.join(', ')})`;
          // A deleted row is in the recycle bin: only queryAll (ALL ROWS) still reads it.
          const result = await conn.query<Record<string, unknown>>(soql, {
            autoFetch: true,
            scanAll: all
          });
          for (const row of result.records) {
            const account = row[field];
            if (!isAccountId(account)) continue;
            this.accounts.add(account);
            if (!all) this.rows.set(String(row.Id), account);
          }
        }
      }
    this.lookups.clear();
    this.deleted.clear();
    return [...this.accounts];
  }
}
