import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsvRows } from '../../org/csvRecords';
import { lastRowEnd } from '../../org/csvRecords';
import { csvRowsOf } from './csvStream';

const dir = mkdtempSync(join(tmpdir(), 'baton-csv-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(text: string): Promise<string[][]> {
  const file = join(dir, `${Math.random()}.csv`);
  writeFileSync(file, text);
  const rows: string[][] = [];
  for await (const batch of csvRowsOf(file)) rows.push(...batch);
  return rows;
}

describe('csvRowsOf', () => {
  it('reads a file of several megabytes as parseCsvRows reads it whole', async () => {
    // Quoted line breaks, doubled quotes, commas and multi-byte characters land on every
    // kind of read boundary somewhere in ~4 MB.
    const lines = ['Name,Description,MRR__c'];
    for (let i = 0; i < 100_000; i++)
      lines.push(
        i % 7 === 0
          ? `"Öljy ${i}, ""Oy""","first line\nsecond ${'€'.repeat(i % 13)}\r\nthird",${i}`
          : `Plain ${i} Oy,${'x'.repeat(i % 50)},${i}`
      );
    const text = lines.join('\r\n') + '\r\n';
    const rows = await readAll(`\ufeff${text}`);
    expect(rows).toEqual(parseCsvRows(text));
    expect(rows[1]).toEqual(['Öljy 0, "Oy"', 'first line\nsecond \r\nthird', '0']);
    expect(Buffer.byteLength(text)).toBeGreaterThan(4_000_000);
  });

  it('keeps a last row without a line break', async () => {
    expect(await readAll('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2']
    ]);
  });

  it('cuts only at a line break outside quotes', () => {
    expect(lastRowEnd('a,b\n1,"x\ny"\n2,"open\n')).toBe(11);
    expect(lastRowEnd('a\n"x""\n')).toBe(1);
    expect(lastRowEnd('"\n')).toBe(-1);
    expect(lastRowEnd('no break')).toBe(-1);
  });
});
