import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { once } from 'node:events';

/**
 * PUTs text made of pieces, written as they are taken and only as fast as the connection
 * takes them, and returns the answer's status and body. Strings go to the socket as they are
 * (encoded natively per write), where `fetch` copied each piece twice (docs/performance.md).
 */
export async function putPieces(
  url: string,
  headers: Record<string, string>,
  pieces: Iterable<string>
): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const request = send(target, { method: 'PUT', headers });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (text: string) => (body += text));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
  // The request's error rejects `answer`; writing stops at the first one.
  answer.catch(() => undefined);
  for (const piece of pieces) {
    if (!request.write(piece)) await Promise.race([once(request, 'drain'), answer]);
  }
  request.end();
  return answer;
}
