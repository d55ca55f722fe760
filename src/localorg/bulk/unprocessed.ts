import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { csvRowsOf } from './csvStream';
import { sendChunk } from './sendChunk';

/**
 * Sends a job's unprocessed records: the header, then every uploaded row after the first
 * `processed`, as sent. A job commits its rows and its processed count together, a chunk at a
 * time, so this one rule answers for a job aborted, failed on a bad row, or cut off by a crash.
 */
export async function sendUnprocessed(
  res: ServerResponse,
  dataPath: string,
  processed: number
): Promise<void> {
  res.writeHead(200, { 'Content-Type': 'text/csv; charset=UTF-8' });
  if (existsSync(dataPath)) {
    let index = 0; // 0 is the header, n the n-th row
    for await (const rows of csvRowsOf(dataPath)) {
      let text = '';
      for (const line of rows.texts)
        if (index++ === 0 || index > processed + 1) text += `${line}\n`;
      if (text) await sendChunk(res, text);
    }
  }
  res.end();
}
