import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsvRows } from '../../org/csvRecords';
import { csvRowsOf, splitRows, type CsvRows } from './csvStream';

const dir = mkdtempSync(join(tmpdir(), 'baton-csv-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readRows(text: string): Promise<CsvRows> {
  const file = join(dir, `${Math.random()}.csv`);
  writeFileSync(file, text);
  const rows: CsvRows = { cells: [], texts: [] };
  for await (const batch of csvRowsOf(file)) {
    rows.cells.push(...batch.cells);
    rows.texts.push(...batch.texts);
  }
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
    const rows = await readRows(`\ufeff${text}`);
    expect(rows.cells).toEqual(parseCsvRows(text));
    expect(rows.cells[1]).toEqual(['Öljy 0, "Oy"', 'first line\nsecond \r\nthird', '0']);
    // Each row's text is its line as sent, without the CRLF: what the result files echo.
    expect(rows.texts).toEqual(lines);
    expect(Buffer.byteLength(text)).toBeGreaterThan(4_000_000);
  });

  it('keeps a last row without a line break', async () => {
    expect(await readRows('a,b\n1,2')).toEqual({
      cells: [
        ['a', 'b'],
        ['1', '2']
      ],
      texts: ['a,b', '1,2']
    });
  });

  it('gives each row its text as sent: quoted commas, quotes and line breaks included', () => {
    const lines = [
      'Name,Breakdown__c,Score__c',
      '"Acme, ""the"" Oy","{""measures"":[[0,20],[1,15]]}",7',
      '"two\nlines","cr\r\nlf",',
      '"",,""""',
      'plain,"x",1'
    ];
    for (const end of ['\n', '\r\n']) {
      const text = lines.join(end) + end;
      const rows = splitRows(text);
      expect(rows.texts).toEqual(lines);
      expect(rows.cells).toEqual(parseCsvRows(text));
      expect(rows.cells[1]).toEqual(['Acme, "the" Oy', '{"measures":[[0,20],[1,15]]}', '7']);
      // Read again, each echoed text gives its row's cells.
      expect(rows.texts.map((line) => parseCsvRows(line)[0])).toEqual(rows.cells);
    }
    // The last row may end without a line break; an empty line is a row of one empty cell.
    expect(splitRows('a,"b\nc"\n\n1,2')).toEqual({
      cells: [['a', 'b\nc'], [''], ['1', '2']],
      texts: ['a,"b\nc"', '', '1,2']
    });
    expect(() => splitRows('a,"open\n')).toThrow('CSV ends inside a quoted field');
  });

  it('names the line where a quote never closes, or where bytes are not UTF-8', async () => {
    const rows = ['Name,Description', 'Acme,"two\nlines"', 'Beta,"never closed', 'Gamma,x'];
    await expect(readRows(rows.join('\n'))).rejects.toThrow(
      'CSV line 4: a quoted field starts here and never closes'
    );
    const file = join(dir, 'latin1.csv');
    writeFileSync(file, Buffer.from('Name\nAcme\nK\xe4\xe4pa Oy\n', 'latin1'));
    const read = async () => {
      for await (const batch of csvRowsOf(file)) expect(batch).toBeDefined();
    };
    await expect(read()).rejects.toThrow('CSV line 3: the file is not valid UTF-8');
  });
});
