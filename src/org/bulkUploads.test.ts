import { csvUploads } from './bulk';
import { parseCsvRecords } from './csvRecords';

/** Each upload's text whole, as the server receives it, and its row count. */
function uploadsOf(rows: Record<string, unknown>[], maxBytes: number) {
  const uploads: { csv: string; rows: number; pieces: number }[] = [];
  for (const upload of csvUploads(rows, maxBytes)) {
    const pieces = [...upload.pieces];
    uploads.push({
      csv: pieces.join(''),
      rows: upload.rows,
      pieces: pieces.length
    });
  }
  return uploads;
}

describe('csvUploads', () => {
  const rows = Array.from({ length: 50 }, (_, i) => ({ Id: `a${i}`, Note: `é, "${i}"` }));

  it('keeps every upload within the byte limit, each with the header, every row once', () => {
    const uploads = uploadsOf(rows, 300);
    expect(uploads.length).toBeGreaterThanOrEqual(3);
    for (const upload of uploads) expect(Buffer.byteLength(upload.csv)).toBeLessThanOrEqual(300);
    const back = uploads.flatMap((upload) => parseCsvRecords(upload.csv));
    expect(back).toEqual(rows);
    expect(uploads.reduce((sum, upload) => sum + upload.rows, 0)).toBe(50);
  });

  it('sends a row larger than the limit alone rather than dropping it', () => {
    const uploads = uploadsOf([{ Id: 'big', Note: 'x'.repeat(500) }, { Id: 'b' }], 100);
    expect(uploads.map((upload) => upload.rows)).toEqual([1, 1]);
  });

  it('writes null as #N/A so Bulk clears the field', () => {
    const [upload] = uploadsOf([{ Id: 'a', Note: null }], 1000);
    expect(upload.csv).toBe('Id,Note\na,#N/A\n');
  });

  it('makes a large upload in pieces of whole lines under 128 KB, the same text as one string', () => {
    const many = Array.from({ length: 30_000 }, (_, i) => ({ Id: `a${i}`, Note: 'n'.repeat(90) }));
    const [upload] = uploadsOf(many, 100_000_000);
    expect(upload.rows).toBe(30_000);
    expect(upload.pieces).toBeGreaterThanOrEqual(2);
    // Small enough for V8's young generation (larger strings go where only a full collection
    // frees them), and whole lines: a piece never ends inside a row.
    for (const piece of csvUploads(many, 100_000_000).next().value!.pieces) {
      expect(piece.length).toBeLessThan(128 * 1024);
      expect(piece.at(-1)).toBe('\n');
    }
    expect(parseCsvRecords(upload.csv)).toEqual(many);
  });

  it('fills each upload of several pieces up to the byte limit, counting multi-byte characters', () => {
    // ~300 characters and ~450 bytes a row: a 500 000-byte upload takes several 64K pieces,
    // and a limit counted in characters would overfill it by half.
    const wide = Array.from({ length: 4_000 }, (_, i) => ({
      Id: `a${i}`,
      Note: 'é'.repeat(150 + (i % 7))
    }));
    const uploads = uploadsOf(wide, 500_000);
    expect(uploads.length).toBeGreaterThanOrEqual(3);
    let taken = 0;
    for (const upload of uploads.slice(0, -1)) {
      expect(upload.pieces).toBeGreaterThanOrEqual(2);
      const bytes = Buffer.byteLength(upload.csv);
      taken += upload.rows;
      const next = Buffer.byteLength(`${wide[taken].Id},${wide[taken].Note}\n`);
      // Within the limit, and full: the next row would not have fitted.
      expect(bytes).toBeLessThanOrEqual(500_000);
      expect(bytes + next).toBeGreaterThan(500_000);
    }
    expect(Buffer.byteLength(uploads.at(-1)!.csv)).toBeLessThanOrEqual(500_000);
    expect(uploads.flatMap((upload) => parseCsvRecords(upload.csv))).toEqual(wide);
  });

  it("writes the union of the rows' columns, a column a row lacks left empty", () => {
    const [upload] = uploadsOf(
      [
        { Id: 'a', "it's": 1 },
        { Id: 'b', Other: true }
      ],
      1000
    );
    expect(upload.csv).toBe("Id,it's,Other\na,1,\nb,,true\n");
  });

  it('refuses the next upload before the last one was taken, rather than skip rows', () => {
    const uploads = csvUploads(rows, 300);
    uploads.next();
    expect(() => uploads.next()).toThrow("take an upload's pieces before the next");
  });
});
