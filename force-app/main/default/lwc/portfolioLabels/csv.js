// CSV as spreadsheets read it: every value quoted, quotes doubled, CRLF between rows.
const cell = (value) => `"${String(value ?? '').replace(/"/g, '""')}"`;

/** Rows of values (the first row the headers) as CSV text. */
export const toCsv = (rows) => rows.map((row) => row.map(cell).join(',')).join('\r\n');

/** Offers the CSV as a file download (a data URL: no Blob URL needed under Lightning Web Security). */
export function downloadCsv(host, fileName, rows) {
  const link = document.createElement('a');
  link.href = `data:text/csv;charset=utf-8,${encodeURIComponent('\ufeff' + toCsv(rows))}`;
  link.download = fileName;
  link.style.display = 'none';
  host.appendChild(link);
  link.click();
  host.removeChild(link);
}
