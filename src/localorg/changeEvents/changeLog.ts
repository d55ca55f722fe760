import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../store';
import { API_VERSION } from '../../metadata/apiVersion';

export type ChangeType = 'CREATE' | 'UPDATE' | 'DELETE';

/** Salesforce keeps change events 72 hours; a replay from further back finds nothing. */
export const RETENTION_MS = 72 * 60 * 60_000;

/** The channel that carries every selected object's events. */
export const ALL_CHANGES_CHANNEL = '/data/ChangeEvents';

/** `Account` → `/data/AccountChangeEvent`; `Survey_Response__c` → `/data/Survey_Response__ChangeEvent`. */
export function changeChannel(entityName: string): string {
  return `/data/${entityName.replace(/__c$/, '__')}ChangeEvent`;
}

/** `Survey_Response__ChangeEvent` → `Survey_Response__c`; `AccountChangeEvent` → `Account`. */
function entityOfChangeEvent(changeEvent: string): string {
  const base = changeEvent.replace(/ChangeEvent$/, '');
  return base.endsWith('__') ? `${base}c` : base;
}

/**
 * The objects selected for Change Data Capture, as the package ships them:
 * `platformEventChannelMembers/*.platformEventChannelMember-meta.xml` on the ChangeEvents channel.
 */
export function selectedEntities(projectDir: string): Set<string> {
  const folder = join(projectDir, 'force-app', 'main', 'default', 'platformEventChannelMembers');
  if (!existsSync(folder)) return new Set();
  const entities = readdirSync(folder)
    .filter((name) => name.endsWith('.platformEventChannelMember-meta.xml'))
    .map((name) => readFileSync(join(folder, name), 'utf8'))
    .filter((xml) => /<eventChannel>ChangeEvents<\/eventChannel>/.test(xml))
    .map((xml) => /<selectedEntity>([^<]+)<\/selectedEntity>/.exec(xml)?.[1])
    .filter((entity): entity is string => !!entity);
  return new Set(entities.map(entityOfChangeEvent));
}

export interface ChangeEvent {
  replayId: number;
  channel: string;
  payload: Record<string, unknown>;
}

interface StoredEvent {
  replayId: number;
  channel: string;
  payload: string;
  createdAt: number;
}

/** A change as kept: type, record, transaction key and number, user, and the fields. */
type StoredChange = [ChangeType, string, string, number, string, Record<string, unknown>];

/** The change event a kept row carries (a row kept whole by an earlier version is as it was). */
function eventOf(row: StoredEvent): Record<string, unknown> {
  const stored = JSON.parse(row.payload) as StoredChange | Record<string, unknown>;
  if (!Array.isArray(stored)) return stored;
  const [changeType, recordId, transactionKey, sequenceNumber, commitUser, fields] = stored;
  return {
    ChangeEventHeader: {
      entityName: entityOfChangeEvent(row.channel.slice('/data/'.length)),
      recordIds: [recordId],
      changeType,
      changeOrigin: `com/salesforce/api/rest/${API_VERSION}`,
      transactionKey,
      sequenceNumber,
      commitTimestamp: row.createdAt,
      commitUser,
      changedFields: changeType === 'UPDATE' ? Object.keys(fields) : []
    },
    ...fields
  };
}

/**
 * Change events of the selected objects, written in the record write's own transaction (a
 * rolled-back write raises none) and kept in SQLite, so a restart keeps the 72 hours of replay.
 */
export class ChangeLog extends EventEmitter {
  private notifyPending = false;
  private transactionKey = '';
  private sequenceNumber = 0;

  constructor(
    private readonly store: Store,
    private readonly entities: Set<string>
  ) {
    super();
    store.db.exec(
      'CREATE TABLE IF NOT EXISTS _change_events (replayId INTEGER PRIMARY KEY AUTOINCREMENT, channel TEXT NOT NULL, payload TEXT NOT NULL, createdAt INTEGER NOT NULL)'
    );
    this.forgetExpired(Date.now());
  }

  captures(entityName: string): boolean {
    return this.entities.has(entityName);
  }

  /** Records one record's change; `fields` are the changed fields and their new values. */
  record(
    entityName: string,
    changeType: ChangeType,
    recordId: string,
    fields: Record<string, unknown>,
    commitUser: string
  ): void {
    if (!this.entities.has(entityName)) return;
    // A write's transaction runs in one turn of the event loop: its events share a key and
    // are numbered in order, as an org's events of one transaction are.
    if (!this.notifyPending) {
      this.notifyPending = true;
      this.transactionKey = randomUUID();
      this.sequenceNumber = 0;
      // After the write's transaction commits (or rolls back): listeners read what was kept.
      setImmediate(() => {
        this.notifyPending = false;
        this.emit('appended');
      });
    }
    // Kept without the header an event rebuilds from its row (eventOf): a million-Account
    // recompute writes a million events, and the header was half of each.
    const stored: StoredChange = [
      changeType,
      recordId,
      this.transactionKey,
      ++this.sequenceNumber,
      commitUser,
      changeType === 'DELETE' ? {} : fields
    ];
    this.store
      .stmt('INSERT INTO _change_events (channel, payload, createdAt) VALUES (?, ?, ?)')
      .run(changeChannel(entityName), JSON.stringify(stored), Date.now());
  }

  /** The newest replay id, or 0 when none is kept. */
  latestReplayId(): number {
    const row = this.store.stmt('SELECT MAX(replayId) AS id FROM _change_events').get() as {
      id: number | null;
    };
    return row.id ?? 0;
  }

  /** Retained events after `replayId` on `channel` (or every channel for /data/ChangeEvents). */
  after(channel: string, replayId: number, limit = 1000): ChangeEvent[] {
    const since = Date.now() - RETENTION_MS;
    const rows = (
      channel === ALL_CHANGES_CHANNEL
        ? this.store
            .stmt(
              'SELECT * FROM _change_events WHERE replayId > ? AND createdAt >= ? ORDER BY replayId LIMIT ?'
            )
            .all(replayId, since, limit)
        : this.store
            .stmt(
              'SELECT * FROM _change_events WHERE channel = ? AND replayId > ? AND createdAt >= ? ORDER BY replayId LIMIT ?'
            )
            .all(channel, replayId, since, limit)
    ) as StoredEvent[];
    return rows.map((row) => ({ replayId: row.replayId, channel, payload: eventOf(row) }));
  }

  private forgetExpired(now: number) {
    this.store.stmt('DELETE FROM _change_events WHERE createdAt < ?').run(now - RETENTION_MS);
  }
}
