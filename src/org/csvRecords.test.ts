import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { csvLine } from '../localorg/bulk/csv';
import { CsvRecordReader, CsvRowCutter, parseCsvRecords, parseCsvRows } from './csvRecords';

describe('parseCsvRecords', () => {
  it('keys plain rows by the header and drops the BOM', () => {
    expect(parseCsvRecords('\ufeffId,Name\n001A,Kontrakti Oy\n001B,\n')).toEqual([
      { Id: '001A', Name: 'Kontrakti Oy' },
      { Id: '001B', Name: '' }
    ]);
  });

  it('reads quoted commas, doubled quotes and line breaks inside a field', () => {
    const text = 'Id,Comment\r\n001A,"Hyvä, ""nopea"" vastaus\r\nkiitos"\r\n001B,ok\r\n';
    expect(parseCsvRecords(text)).toEqual([
      { Id: '001A', Comment: 'Hyvä, "nopea" vastaus\r\nkiitos' },
      { Id: '001B', Comment: 'ok' }
    ]);
  });

  it('refuses a row whose field count differs from the header, naming the row', () => {
    expect(() => parseCsvRecords('Id,Name\n001A\n')).toThrow('CSV row 2 has 1 fields');
  });

  it('refuses text that ends inside quotes, naming the line where the quote opened', () => {
    expect(() => parseCsvRows('a,"open\n')).toThrow(
      'CSV line 1: a quoted field starts here and never closes'
    );
    const text = 'Id,Comment\n001A,"two\nlines"\n001B,"x ""y""\n\nz\n001C,ok\n';
    expect(() => parseCsvRecords(text)).toThrow('CSV line 4: a quoted field starts here');
    const reader = new CsvRecordReader();
    expect(reader.push(text.slice(0, 30))).toEqual([{ Id: '001A', Comment: 'two\nlines' }]);
    expect(reader.push(text.slice(30))).toEqual([]);
    expect(() => reader.end()).toThrow('CSV line 4');
  });

  it('cuts pieces only at a line break outside quotes', () => {
    const cutter = new CsvRowCutter();
    expect(cutter.push('a,b\n1,"x\ny"\n2,"open\n')).toBe('a,b\n1,"x\ny"\n');
    expect(cutter.push('still open""\n')).toBe('');
    expect(cutter.push('",3\n4,')).toBe('2,"open\nstill open""\n",3\n');
    expect(cutter.end()).toBe('4,');
  });

  it('reads a 4 MiB file with a quote never closed looking at each character a few times at most', () => {
    const lines = ['Name,Description', 'Acme,"never closed'];
    for (let i = 0; i < 300_000; i++) lines.push(`Row ${i},plain`);
    const text = lines.join('\n') + '\n';
    expect(text.length).toBeGreaterThan(4 * 1024 * 1024);
    const searched = charactersSearched(() => {
      const cutter = new CsvRowCutter();
      for (let at = 0; at < text.length; at += 64 * 1024) cutter.push(text.slice(at, at + 65536));
      expect(() => cutter.end()).toThrow('CSV line 2: a quoted field starts here');
    });
    expect(searched).toBeLessThanOrEqual(3 * text.length);
  });

  it('reads JSON fields (quotes doubled throughout) back exactly, as a snapshot breakdown', () => {
    fc.assert(
      fc.property(fc.array(fc.json(), { minLength: 1, maxLength: 20 }), (values) => {
        const text =
          csvLine(['Key', 'Breakdown__c']) + values.map((v, k) => csvLine([`k${k}`, v])).join('');
        expect(parseCsvRecords(text).map((row) => row.Breakdown__c)).toEqual(values);
      })
    );
  });

  it('reads back whatever the local org writes, as csv-parse does', () => {
    const field = fc.oneof(
      fc.string(),
      fc.constantFrom('', ',', '"', '\n', '\r\n', 'a"b', 'x,y', ' lead')
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { minLength: 1 }),
        (rows) => {
          const text = csvLine(['A', 'B']) + rows.map((row) => csvLine(row)).join('');
          expect(parseCsvRecords(text)).toEqual(parse(text, { columns: true, bom: true }));
        }
      )
    );
  });

  it('reads text given in pieces, cut anywhere, as the whole text', () => {
    const field = fc.oneof(
      fc.string(),
      fc.constantFrom('', ',', '"', '\n', '\r\n', 'a"b', 'x,y', 'Hyvä', '😀')
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.boolean(),
        (rows, cuts, bom) => {
          const text =
            (bom ? '\ufeff' : '') + csvLine(['A', 'B', 'C']) + rows.map(csvLine).join('');
          const at = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
          const reader = new CsvRecordReader(['A', 'C']);
          const records: Record<string, string>[] = [];
          let from = 0;
          for (const cut of at) {
            records.push(...reader.push(text.slice(from, cut)));
            from = cut;
          }
          records.push(...reader.end(text.slice(from)));
          expect(records).toEqual(parseCsvRecords(text, ['A', 'C']));
          expect(records).toHaveLength(rows.length);
        }
      )
    );
  });
});

/** Characters that indexOf and lastIndexOf looked at while `work` ran: the reader's work. */
function charactersSearched(work: () => void): number {
  const { indexOf, lastIndexOf } = String.prototype;
  let searched = 0;
  const indexOfSpy = jest.spyOn(String.prototype, 'indexOf').mockImplementation(function (
    this: string,
    search: string,
    from = 0
  ) {
    const found = indexOf.call(this, search, from);
    searched += (found < 0 ? this.length : found + 1) - Math.max(0, from);
    return found;
  });
  const lastIndexOfSpy = jest.spyOn(String.prototype, 'lastIndexOf').mockImplementation(function (
    this: string,
    search: string,
    from = Infinity
  ) {
    const found = lastIndexOf.call(this, search, from);
    searched += Math.min(this.length - 1, from) + 1 - Math.max(0, found);
    return found;
  });
  try {
    work();
  } finally {
    indexOfSpy.mockRestore();
    lastIndexOfSpy.mockRestore();
  }
  return searched;
}
