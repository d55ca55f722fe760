import { closeSync, openSync, writeSync } from 'node:fs';
import { csvField } from '../../org/csvRecords';

/** The buffer's first size; it grows to the largest chunk's lines. */
const BUFFER_BYTES = 1024 * 1024;

/**
 * A Bulk job's result file, written a chunk of lines at a time from one buffer kept for the
 * whole job: each line is encoded straight into it, and written with one synchronous write
 * (into the OS's page cache). Joining a chunk's lines into a string and writing that through a
 * stream cost more for snapshot rows (a string of thousands of pieces, flattened, then encoded
 * into a new buffer per chunk), and slowed the SQLite work around it.
 */
export class ResultFile {
  private readonly fd: number;
  private buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private length = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  /** A result line: the outcome's two columns, then the row's text as it was sent. */
  line(first: unknown, second: unknown, text: string): void {
    this.text(`${csvField(first)},${csvField(second)},`);
    this.text(text);
    this.text('\n');
  }

  /** Text as it is (a line of its own must end with its line break). */
  text(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit: this much room is always enough.
    const most = 3 * text.length;
    if (this.length + most > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(2 * this.buffer.length, this.length + most));
      this.buffer.copy(bigger, 0, 0, this.length);
      this.buffer = bigger;
    }
    this.length += this.buffer.write(text, this.length);
  }

  /** Bytes collected and not written yet. */
  get pending(): number {
    return this.length;
  }

  /** Forgets what was collected: the lines of a chunk that was rolled back. */
  discard(): void {
    this.length = 0;
  }

  /** Writes what was collected (a chunk's lines once the chunk is committed). */
  flush(): void {
    for (let at = 0; at < this.length;) at += writeSync(this.fd, this.buffer, at, this.length - at);
    this.length = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
