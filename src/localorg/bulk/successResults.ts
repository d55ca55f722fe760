import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { ServerResponse } from 'node:http';
import { csvLine } from './csv';
import { csvRowsOf } from './csvStream';
import { sendChunk } from './sendChunk';

/**
 * A job's success results are not written while it runs: each processed row leaves only its
 * outcome in the job's outcomes file, one line per row in upload order ("Id,created", or an
 * empty line for a row that failed), and the success file is joined from those lines and the
 * uploaded rows when a client asks for it, since echoing every row wrote the upload twice
 * for clients that ask only for failures (docs/performance.md).
 */
export const outcomeLine = (outcome: { id: string; created: boolean } | null) =>
  outcome ? `${outcome.id},${outcome.created}\n` : '\n';

const READ_BYTES = 64 * 1024;

/** The lines of a file, read a block at a time; a last line without its break is not one. */
class LineReader {
  private readonly fd: number;
  private readonly block = Buffer.allocUnsafe(READ_BYTES);
  private readonly decoder = new StringDecoder('utf8');
  private text = '';
  private at = 0;
  private ended = false;

  constructor(path: string) {
    this.fd = openSync(path, 'r');
  }

  next(): string | undefined {
    for (;;) {
      const end = this.text.indexOf('\n', this.at);
      if (end >= 0) {
        const line = this.text.slice(this.at, end);
        this.at = end + 1;
        return line;
      }
      if (this.ended) return undefined;
      const read = readSync(this.fd, this.block, 0, READ_BYTES, null);
      if (read === 0) this.ended = true;
      this.text = this.text.slice(this.at) + this.decoder.write(this.block.subarray(0, read));
      this.at = 0;
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}

/**
 * Sends a job's success results: `sf__Id,sf__Created`, then each row that succeeded as it was
 * sent, in upload order, as far as the job has committed rows. `false` when the job has no
 * outcomes yet (its upload was not processed).
 */
export async function sendSuccessResults(
  res: ServerResponse,
  dataPath: string,
  outcomesPath: string
): Promise<boolean> {
  if (!existsSync(outcomesPath) || !existsSync(dataPath)) return false;
  res.writeHead(200, { 'Content-Type': 'text/csv; charset=UTF-8' });
  const outcomes = new LineReader(outcomesPath);
  try {
    let header = true;
    let more = true;
    for await (const rows of csvRowsOf(dataPath)) {
      let text = '';
      for (let r = 0; r < rows.texts.length && more; r++) {
        if (header) {
          text += csvLine(['sf__Id', 'sf__Created', ...rows.cells[r]]);
          header = false;
          continue;
        }
        const outcome = outcomes.next();
        if (outcome === undefined) more = false;
        else if (outcome !== '') text += `${outcome},${rows.texts[r]}\n`;
      }
      if (text) await sendChunk(res, text);
      if (!more) break;
    }
  } finally {
    outcomes.close();
  }
  res.end();
  return true;
}
