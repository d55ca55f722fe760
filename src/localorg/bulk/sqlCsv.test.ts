import Database from 'better-sqlite3';
import fc from 'fast-check';
import type { FieldDef, FieldType } from '../schema/types';
import { fromStored } from '../values';
import { csvField } from '../../org/csvRecords';
import { sqlCsvBytes, wellFormedCsv, type CsvStyle } from './sqlCsv';

// SQLite's CSV lines against the JS formatter (fromStored + csvField) the export falls back
// to: whenever the check passes, the text is the JS text byte for byte.
const field = (name: string, type: FieldType): FieldDef =>
  ({ name, label: name, type, required: false }) as FieldDef;
const fields = [
  { field: field('Name', 'string'), sqlAlias: 'c0', column: 'TEXT', textAffinity: true },
  { field: field('MRR__c', 'currency'), sqlAlias: 'c1', column: 'REAL', textAffinity: false },
  {
    field: field('NumberOfEmployees', 'int'),
    sqlAlias: 'c2',
    column: 'INTEGER',
    textAffinity: false
  },
  {
    field: field('Strategic_Account__c', 'boolean'),
    sqlAlias: 'c3',
    column: 'INTEGER',
    textAffinity: false
  },
  // A text field whose column was made for a number before its type changed.
  { field: field('External_Id__c', 'string'), sqlAlias: 'c4', column: 'REAL', textAffinity: false }
];
type Row = [string | null, number | null, number | null, number | null, string | number | null];

function bothWays(rows: Row[], style: CsvStyle): { sql: string; ok: boolean; js: string } {
  const db = new Database(':memory:');
  try {
    db.exec(`CREATE TABLE t (${fields.map((f) => `${f.sqlAlias} ${f.column}`).join(', ')})`);
    const insert = db.prepare(`INSERT INTO t VALUES (?, ?, ?, ?, ?)`);
    for (const row of rows) insert.run(...row);
    const page = db
      .prepare(`SELECT ${sqlCsvBytes(fields, style)} AS csv, count(*) AS n FROM t`)
      .get() as { csv: Buffer | null; n: number };
    const stored = db.prepare('SELECT * FROM t ORDER BY rowid').raw(true).all() as unknown[][];
    const js = stored
      .map((row) => fields.map((f, k) => csvField(fromStored(f.field, row[k]))).join(',') + '\n')
      .join('');
    const bytes = page.csv ?? Buffer.alloc(0);
    return {
      sql: bytes.toString('utf8'),
      ok: wellFormedCsv(bytes, page.n, fields.length, style),
      js
    };
  } finally {
    db.close();
  }
}

describe('SQLite-built export lines', () => {
  it('write plain values exactly as the JS formatter, without falling back', () => {
    const rows: Row[] = [
      ['Bench 1 Oy', 1050, 12, 1, '2026-01-31'],
      ['Hyvä Oy 😀', 1234.56, -3, 0, null],
      ['', -0.5, null, null, ''],
      [null, null, 9007199254740991, 2, '2026-12-02'],
      ['x', 0.1, 0, 1, null],
      ['y', 123456789012.34, 1, 0, null],
      ['z', -0, 1, 0, null],
      ['w', 0.0001, 1, 0, null]
    ];
    for (const style of ['plain', 'quoted'] as const) {
      const { sql, ok, js } = bothWays(rows, style);
      expect(ok).toBe(true);
      expect(sql).toBe(js);
      expect(js.split('\n')[0]).toBe('Bench 1 Oy,1050,12,true,2026-01-31');
    }
  });

  it.each([
    ['a comma', ['Acme, Inc.', 1, 1, 1, null]],
    ['a quote', ['The "best" Oy', 1, 1, 1, null]],
    ['a line break', ['two\nlines', 1, 1, 1, 'and\r\nthese']],
    ['a carriage return', ['two\rlines', 1, 1, 1, null]]
  ] as [string, Row][])('quote a text with %s only in the quoted style', (_, row) => {
    const rows: Row[] = [['plain', 1, 1, 1, null], row];
    expect(bothWays(rows, 'plain').ok).toBe(false);
    const quoted = bothWays(rows, 'quoted');
    expect(quoted.ok).toBe(true);
    expect(quoted.sql).toBe(quoted.js);
  });

  it.each([
    ['a number with 17 digits', ['x', 0.1 + 0.2, 1, 1, null]],
    ['a tiny number', ['x, y', 1e-7, 1, 1, null]],
    ['a huge number', ['x', 1e21, 1, 1, null]],
    ['a number with 16 digits', ['x', 99999999999999.98, 1, 1, null]],
    ['an integer beyond 2^53', ['x', 1, 2 ** 53 + 2, 1, null]],
    ['a number in a text field whose column is not TEXT', ['x', 1, 1, 1, '5']]
  ] as [string, Row][])('fall back to JS for %s', (_, row) => {
    for (const style of ['plain', 'quoted'] as const)
      expect(bothWays([['plain', 1, 1, 1, null], row], style).ok).toBe(false);
  });

  it('keep a NUL character as stored, or leave it to JS in the quoted style (NUL is its mark)', () => {
    const rows: Row[] = [['x\u0000y', 1, 1, 1, null]];
    const plain = bothWays(rows, 'plain');
    expect(plain.ok).toBe(true);
    expect(plain.sql).toBe(plain.js);
    expect(bothWays(rows, 'quoted').ok).toBe(false);
  });

  it('never differ from the JS formatter when the check passes', () => {
    const text = fc.oneof(
      fc.string(),
      fc.fullUnicodeString(),
      fc.constantFrom('', ',', '"', '\n', '\r', 'a,b', 'Hyvä', '😀', 'x y', 'x\u0000y')
    );
    const number = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.integer({ min: -1e12, max: 1e12 }).map((cents) => cents / 100),
      fc.constantFrom(0.1, 1234.56, 1e15, 1e-4, 9.999e-5, 2 ** 53, 2 ** 53 + 2, -0)
    );
    const row = fc.tuple(
      fc.option(text),
      fc.option(number),
      fc.option(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constant(2 ** 60))),
      fc.option(fc.constantFrom(0, 1, 2)),
      fc.option(text)
    );
    const passed = { plain: 0, quoted: 0 };
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), (rows) => {
        for (const style of ['plain', 'quoted'] as const) {
          const { sql, ok, js } = bothWays(rows as Row[], style);
          if (ok) passed[style]++;
          // Either the check fails (the page goes through JS) or the texts are the same.
          expect(ok ? sql : js).toBe(js);
        }
      }),
      { numRuns: 2000 }
    );
    // The check is not merely failing everything.
    expect(passed.plain).toBeGreaterThan(50);
    expect(passed.quoted).toBeGreaterThan(passed.plain);
  });
});
