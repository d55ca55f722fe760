import { csvUploads } from './bulk';
import { parseCsvRecords } from './csvRecords';

describe('csvUploads', () => {
  const rows = Array.from({ length: 50 }, (_, i) => ({ Id: `a${i}`, Note: `é, "${i}"` }));

  it('keeps every upload within the byte limit, each with the header, every row once', () => {
    const uploads = [...csvUploads(rows, 300)];
    expect(uploads.length).toBeGreaterThanOrEqual(3);
    for (const upload of uploads) expect(Buffer.byteLength(upload.csv)).toBeLessThanOrEqual(300);
    const back = uploads.flatMap((upload) => parseCsvRecords(upload.csv));
    expect(back).toEqual(rows);
    expect(uploads.reduce((sum, upload) => sum + upload.rows, 0)).toBe(50);
  });

  it('sends a row larger than the limit alone rather than dropping it', () => {
    const uploads = [...csvUploads([{ Id: 'big', Note: 'x'.repeat(500) }, { Id: 'b' }], 100)];
    expect(uploads.map((upload) => upload.rows)).toEqual([1, 1]);
  });

  it('writes null as #N/A so Bulk clears the field', () => {
    const [upload] = [...csvUploads([{ Id: 'a', Note: null }], 1000)];
    expect(upload.csv).toBe('Id,Note\na,#N/A\n');
  });
});
