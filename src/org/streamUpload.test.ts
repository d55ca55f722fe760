import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { putPieces } from './streamUpload';
import { withTransportRetry } from './transportRetry';

// The Bulk upload's PUT against a plain HTTP server: what arrives, and a lost connection.

let server: Server;
let url: string;
const received: { method?: string; type?: string; body: string }[] = [];
let resetNext = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (resetNext > 0) {
      resetNext--;
      req.socket.destroy();
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (text: string) => (body += text));
    req.on('end', () => {
      received.push({ method: req.method, type: req.headers['content-type'], body });
      res.writeHead(body.includes('bad') ? 400 : 201).end(body.includes('bad') ? 'BAD' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/batches`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

beforeEach(() => {
  received.length = 0;
});

describe('putPieces', () => {
  it('sends the pieces, taken one after the other, as one body with the headers given', async () => {
    const big = 'x'.repeat(3 << 20);
    const taken: number[] = [];
    const pieces = (function* () {
      for (const [k, piece] of ['Id,Name\n', `1,"Oy, ""Ab"" ä"\n`, big, '\n'].entries()) {
        taken.push(k);
        yield piece;
      }
    })();

    const answer = await putPieces(url, { 'Content-Type': 'text/csv' }, pieces);

    expect(answer).toEqual({ status: 201, body: '' });
    expect(taken).toEqual([0, 1, 2, 3]);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: 'PUT', type: 'text/csv' });
    expect(received[0].body).toBe(`Id,Name\n1,"Oy, ""Ab"" ä"\n${big}\n`);
  });

  it("returns the org's answer to a refused upload", async () => {
    expect(await putPieces(url, {}, ['bad'])).toEqual({ status: 400, body: 'BAD' });
  });

  it('fails with a socket error when the connection is lost, which the transport retry resends', async () => {
    resetNext = 1;
    await expect(putPieces(url, {}, ['a,b\n'])).rejects.toThrow(/socket hang up|ECONNRESET/);
    resetNext = 1;
    const answer = await withTransportRetry(() => putPieces(url, {}, ['a,b\n']));
    expect(answer.status).toBe(201);
    expect(received.map((r) => r.body)).toEqual(['a,b\n']);
  });
});
