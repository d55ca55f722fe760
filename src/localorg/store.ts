import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { customPrefix, newPod } from './ids';
import type { Schema } from './schema/schema';
import type { FieldDef, ObjectDef } from './schema/types';

/** SQLite column affinity per field type; values are converted at the API boundary. */
export function columnType(field: FieldDef): string {
  switch (field.type) {
    case 'double':
    case 'currency':
    case 'percent':
      return 'REAL';
    case 'int':
    case 'boolean':
      return 'INTEGER';
    default:
      return 'TEXT';
  }
}

export const q = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * Customer data and session hashes are the developer's alone: the folder is 0700 and the
 * database 0600 before SQLite opens it (SQLite gives its -wal and -shm files the database's mode).
 */
function ownerOnly(dataDir: string) {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const database = join(dataDir, 'org.sqlite');
  if (!existsSync(database)) closeSync(openSync(database, 'a', 0o600));
  for (const file of [database, `${database}-wal`, `${database}-shm`])
    if (existsSync(file)) chmodSync(file, 0o600);
}

/**
 * The SQLite file behind one local org. One table per object, one column per field; the
 * schema comes from metadata, so a new field file adds a column on the next start and keeps
 * the data. WAL mode and one transaction per API write keep committed data across a crash.
 */
export class Store {
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly sequences = new Map<string, number>();
  private readonly dirtySequences = new Set<string>();
  private podCache: string | undefined;

  constructor(dataDir: string) {
    ownerOnly(dataDir);
    this.db = new Database(join(dataDir, 'org.sqlite'));
    // 16 KB pages instead of 4 KB: fewer, fuller B-tree pages to split and write per insert.
    // npm run bench -- localorg, same minutes, 3 runs each: Bulk ingest of 1 000 000 Accounts
    // 77–106k → 102–115k rows/s, export 560–660k → 780–890k rows/s, p95 unchanged. Only a new
    // database takes it (an existing one keeps its page size; `baton org reset` makes a new one).
    this.db.pragma('page_size = 16384');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // Checkpoint the WAL every ~40 MB (2 500 pages of 16 KB) instead of SQLite's 1 000 pages: a
    // Bulk chunk of 2 000 rows dirties about 4 MB, so each commit also copied its pages into
    // the database (~3 µs of ~15 µs a row at 500 000 Accounts; ~1.5 µs with this). Commits stay
    // durable in the WAL either way; only when pages move into the main file changes.
    this.db.pragma('wal_autocheckpoint = 2500');
    this.db.exec('CREATE TABLE IF NOT EXISTS _meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  }

  /** Prepared statements are reused: compiling SQL per row would dominate bulk loads. */
  stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  meta(key: string): string | undefined {
    const row = this.stmt('SELECT value FROM _meta WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.stmt(
      'INSERT INTO _meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'
    ).run(key, value);
  }

  /** The install's id "pod" characters, made once. */
  pod(): string {
    if (this.podCache) return this.podCache;
    let pod = this.meta('pod');
    if (!pod) this.setMeta('pod', (pod = newPod()));
    return (this.podCache = pod);
  }

  /** Stable key prefixes for custom objects, remembered across restarts. */
  prefixFor(objectName: string): string {
    const prefixes: Record<string, string> = JSON.parse(this.meta('prefixes') ?? '{}');
    if (!prefixes[objectName]) {
      prefixes[objectName] = objectName.endsWith('__mdt')
        ? 'm' + customPrefix(Object.keys(prefixes).length).slice(1)
        : customPrefix(Object.keys(prefixes).length);
      this.setMeta('prefixes', JSON.stringify(prefixes));
    }
    return prefixes[objectName];
  }

  /**
   * The next number of a sequence (ids, autonumbers). Written in the caller's transaction,
   * so a rolled-back write also gives its number back.
   */
  nextSequence(name: string): number {
    const next = (this.sequences.get(name) ?? Number(this.meta(`seq:${name}`) ?? '0')) + 1;
    this.sequences.set(name, next);
    this.dirtySequences.add(name);
    return next;
  }

  /** Writes the sequences used since the last flush; OrgCore calls it before each commit. */
  flushSequences(): void {
    for (const name of this.dirtySequences)
      this.setMeta(`seq:${name}`, String(this.sequences.get(name)));
    this.dirtySequences.clear();
  }

  /** Forget cached sequence values (after a rollback, the stored value is the truth). */
  resetSequenceCache(): void {
    this.podCache = undefined;
    this.sequences.clear();
    this.dirtySequences.clear();
  }

  /** Creates missing tables, columns and indexes for every object in the schema. */
  migrate(schema: Schema): void {
    this.db.transaction(() => {
      for (const object of schema.list()) this.migrateObject(object);
    })();
  }

  private migrateObject(object: ObjectDef) {
    const table = q(object.name);
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${table} (${q('Id')} TEXT PRIMARY KEY)`);
    const existing = new Set(
      (this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) =>
        c.name.toLowerCase()
      )
    );
    for (const field of object.fields.values()) {
      if (!existing.has(field.name.toLowerCase())) {
        this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${q(field.name)} ${columnType(field)}`);
      }
      const indexName = q(`ix2_${object.name}_${field.name}`);
      // Text equality in SOQL ignores case, so text indexes use NOCASE to be usable.
      const column = ['id', 'reference'].includes(field.type)
        ? q(field.name)
        : `${q(field.name)} COLLATE NOCASE`;
      if (field.unique || field.externalId) {
        // Unique among live rows only: deleted rows stay for queryAll.
        const unique = field.unique ? 'UNIQUE ' : '';
        this.db.exec(
          `CREATE ${unique}INDEX IF NOT EXISTS ${indexName} ON ${table} (${column}) WHERE ${q('IsDeleted')} = 0`
        );
      } else if ((field.type === 'reference' && !field.system) || field.name === 'Name') {
        this.db.exec(`CREATE INDEX IF NOT EXISTS ${indexName} ON ${table} (${column})`);
      }
    }
  }

  close(): void {
    this.db.close();
  }
}
