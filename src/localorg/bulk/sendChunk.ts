import type { ServerResponse } from 'node:http';

/**
 * Writes a chunk of a response, waiting while the socket's buffer is full: a million-row
 * export or result file is sent at the pace the client reads it, and memory stays flat.
 */
export function sendChunk(res: ServerResponse, chunk: string | Buffer): Promise<void> | void {
  if (!res.write(chunk)) return new Promise((resolve) => res.once('drain', resolve));
}
