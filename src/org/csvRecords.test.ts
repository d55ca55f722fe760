import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { csvLine } from '../localorg/bulk/csv';
import { CsvRecordReader, parseCsvRecords, parseCsvRows } from './csvRecords';

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

  it('refuses text that ends inside quotes', () => {
    expect(() => parseCsvRows('a,"open\n')).toThrow('ends inside a quoted field');
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
