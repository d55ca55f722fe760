import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { BatchWriter } from './batchWrites';
import { ChangeLog, selectedEntities } from './changeEvents/changeLog';
import { FEED_OBJECTS, feedLinks } from './chatter/links';
import { makeId } from './ids';
import { AccessRules } from './permissions';
import { Records, type Fields, type Writer } from './records';
import { readCustomMetadataRecords } from './schema/metadata';
import { Schema } from './schema/schema';
import { ensureSearchIndexes } from './search/searchIndex';
import { compileQuery, parseSoql, type CompiledQuery } from './soql/compile';
import { attachChildren, shapeRow, type QueryRecord } from './soql/execute';
import { registerCaseFold } from './soql/textMatch';
import { q, Store } from './store';
import { toStored } from './values';
import { API_VERSION } from '../metadata/apiVersion';

export const PAGE_SIZE = 2000;

export interface QueryPage {
  totalSize: number;
  done: boolean;
  records: QueryRecord[];
  nextRecordsUrl?: string;
}

interface Cursor {
  compiled: CompiledQuery;
  offset: number;
  totalSize: number;
  /** The user whose query it is: only they can read its next page. */
  owner?: string;
  /** Milliseconds since the epoch; a cursor unused for CURSOR_IDLE_MS is gone, as in Salesforce. */
  created: number;
}

const CURSOR_IDLE_MS = 15 * 60_000;

/**
 * The local org's data: schema from force-app, records in SQLite, SOQL over them. The HTTP
 * layer and the Apex twins both go through this one object.
 */
export class OrgCore {
  readonly store: Store;
  readonly schema: Schema;
  readonly records: Records;
  /** Bulk API rows, a chunk at a time, with the checks of `records`' one-row writes. */
  readonly batches: BatchWriter;
  /** Object and field permissions of non-admin users (permissions.ts). */
  readonly access: AccessRules;
  private readonly cursors = new Map<string, Cursor>();

  constructor(
    readonly dataDir: string,
    projectDir: string
  ) {
    this.store = new Store(dataDir);
    registerCaseFold(this.store.db);
    this.schema = new Schema(projectDir, (name) => this.store.prefixFor(name));
    this.store.migrate(this.schema);
    ensureSearchIndexes(this.store, this.schema);
    this.loadCustomMetadata(projectDir);
    this.records = new Records(this.store, this.schema);
    this.records.changeLog = new ChangeLog(this.store, selectedEntities(projectDir));
    for (const object of FEED_OBJECTS)
      this.records.addTrigger(object, `${object}.webLinksOnly`, feedLinks);
    this.batches = new BatchWriter(this.store, this.schema, this.records);
    this.access = new AccessRules(projectDir, this.store);
  }

  get db(): Database.Database {
    return this.store.db;
  }

  transaction<T>(fn: () => T): T {
    try {
      return this.db.transaction(() => {
        const result = fn();
        this.store.flushSequences();
        return result;
      })();
    } catch (error) {
      this.store.resetSequenceCache();
      throw error;
    }
  }

  create(type: string, fields: Fields, writer: Writer): string {
    return this.transaction(() => this.records.create(type, fields, writer));
  }

  update(type: string, id: string, fields: Fields, writer: Writer): void {
    this.transaction(() => this.records.update(type, id, fields, writer));
  }

  upsert(type: string, externalField: string, value: string, fields: Fields, writer: Writer) {
    return this.transaction(() => this.records.upsert(type, externalField, value, fields, writer));
  }

  delete(type: string, id: string, writer: Writer): void {
    this.transaction(() => this.records.delete(type, id, writer));
  }

  retrieve(type: string, id: string, fieldNames?: string[]): Fields {
    return this.records.retrieve(type, id, fieldNames);
  }

  compile(soql: string, options: { all?: boolean; rowIds?: boolean } = {}): CompiledQuery {
    return compileQuery(parseSoql(soql), this.schema, options);
  }

  /** The first page of a query (2000 records), with a cursor for the rest, `owner`'s alone. */
  query(
    soql: string,
    options: { all?: boolean; pageSize?: number; owner?: string } = {}
  ): QueryPage {
    const compiled = this.compile(soql, options);
    if (compiled.countOnly) {
      const row = this.db.prepare(compiled.sql).get(...compiled.params) as { expr: number };
      return { totalSize: row.expr, done: true, records: [] };
    }
    const pageSize = options.pageSize ?? PAGE_SIZE;
    // One row past the page says whether the page is all: most queries fit in one, and
    // counting would run them twice (a sorted query over a million rows, twice over).
    const first = this.rows(compiled, pageSize + 1, 0);
    const totalSize =
      first.length <= pageSize
        ? first.length
        : (
            this.db
              .prepare(`SELECT COUNT(*) AS n FROM (${compiled.sql})`)
              .get(...compiled.params) as { n: number }
          ).n;
    const cursor = { compiled, offset: 0, totalSize, owner: options.owner, created: Date.now() };
    return this.page(cursor, pageSize, first.slice(0, pageSize));
  }

  private rows(compiled: CompiledQuery, limit: number, offset: number) {
    return this.db
      .prepare(`SELECT * FROM (${compiled.sql}) LIMIT ? OFFSET ?`)
      .all(...compiled.params, limit, offset) as Record<string, unknown>[];
  }

  /** The next page for a `nextRecordsUrl` cursor id, if it is `owner`'s and still open. */
  queryMore(cursorId: string, owner: string, pageSize = PAGE_SIZE): QueryPage | undefined {
    const cursor = this.cursors.get(cursorId);
    if (!cursor || cursor.owner !== owner || Date.now() - cursor.created > CURSOR_IDLE_MS)
      return undefined;
    this.cursors.delete(cursorId);
    return this.page(cursor, pageSize);
  }

  /** A page of the cursor's query from its offset (`read`: its rows, when already read). */
  private page(cursor: Cursor, pageSize: number, read?: Record<string, unknown>[]): QueryPage {
    const { compiled } = cursor;
    const rows = read ?? this.rows(compiled, pageSize, cursor.offset);
    const records = rows.map((row) => shapeRow(compiled, row));
    if (compiled.children.length)
      attachChildren(
        this.db,
        compiled,
        records,
        rows.map((r) => String(r._id))
      );
    const offset = cursor.offset + rows.length;
    const done = offset >= cursor.totalSize || rows.length === 0;
    const page: QueryPage = { totalSize: cursor.totalSize, done, records };
    if (!done) {
      // Random, not sequential: a cursor id is not guessable from one's own.
      const id = `01g${randomBytes(10).toString('hex').toUpperCase()}-${offset}`;
      this.forgetIdleCursors();
      this.cursors.set(id, { ...cursor, offset, created: Date.now() });
      page.nextRecordsUrl = `/services/data/v${API_VERSION}/query/${id}`;
    }
    return page;
  }

  private forgetIdleCursors() {
    const now = Date.now();
    for (const [id, cursor] of this.cursors)
      if (now - cursor.created > CURSOR_IDLE_MS) this.cursors.delete(id);
  }

  /** Every record of a query, one at a time, for Bulk API exports (no child subqueries). */
  *iterate(soql: string, options: { all?: boolean } = {}): Generator<QueryRecord> {
    const compiled = this.compile(soql, options);
    for (const row of this.db.prepare(compiled.sql).iterate(...compiled.params)) {
      yield shapeRow(compiled, row as Record<string, unknown>);
    }
  }

  /** Custom metadata records are read-only copies of force-app's, reloaded at each start. */
  private loadCustomMetadata(projectDir: string) {
    const records = readCustomMetadataRecords(projectDir);
    this.transaction(() => {
      for (const object of this.schema.list().filter((o) => o.name.endsWith('__mdt')))
        this.db.exec(`DELETE FROM ${q(object.name)}`);
      records.forEach(({ type, record }, index) => {
        const object = this.schema.get(type);
        if (!object) return;
        const row: Record<string, unknown> = {
          Id: makeId(object.keyPrefix, '00', index + 1),
          IsDeleted: 0
        };
        for (const [name, value] of Object.entries(record)) {
          const field = this.schema.field(object, name);
          if (field) row[field.name] = toStored(field, value);
        }
        const columns = Object.keys(row);
        this.db
          .prepare(
            `INSERT INTO ${q(object.name)} (${columns.map(q).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
          )
          .run(...columns.map((c) => row[c]));
      });
    });
  }

  close(): void {
    this.store.close();
  }
}
