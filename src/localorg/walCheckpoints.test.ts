import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackgroundCheckpoints } from './walCheckpoints';

const dir = mkdtempSync(join(tmpdir(), 'baton-wal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('BackgroundCheckpoints', () => {
  it("copies the WAL's pages into the database file from another thread, and stops", async () => {
    const file = join(dir, 'org.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    // This connection never checkpoints: only the worker can move pages into the file.
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)');
    const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2_000; i++) insert.run('x'.repeat(1_000));
    })();
    const before = statSync(file).size;
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(2_000_000);

    const checkpoints = new BackgroundCheckpoints(file);
    checkpoints.start();
    checkpoints.start();
    await checkpoints.stop();
    // Still used once: the worker keeps going.
    for (let i = 0; i < 100 && statSync(file).size <= before + 2_000_000; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statSync(file).size).toBeGreaterThan(before + 2_000_000);
    await checkpoints.stop();

    // The writer carries on, and its rows are all there.
    db.transaction(() => {
      for (let i = 0; i < 10; i++) insert.run('y');
    })();
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(2_010);
    db.close();
  });
});
