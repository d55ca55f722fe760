import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendFile } from './staticFiles';

// The preview's static routes need no session: a symlink in a served folder must not hand
// out files from elsewhere on the developer's disk.
const base = mkdtempSync(join(tmpdir(), 'baton-static-'));
const root = join(base, 'served');
let server: Server;
let url: string;

beforeAll(async () => {
  mkdirSync(join(root, 'styles'), { recursive: true });
  writeFileSync(join(root, 'styles', 'app.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), 'token=00D!secret');
  symlinkSync(join(base, 'secret.txt'), join(root, 'styles', 'linked.css'));
  symlinkSync(base, join(root, 'outside'));
  server = createServer((req, res) => {
    if (!sendFile(res, root, (req.url ?? '/').slice(1), 'no-cache')) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(base, { recursive: true, force: true });
});

describe('preview static files', () => {
  it('serves a file under its root', async () => {
    const answer = await fetch(`${url}/styles/app.css`);
    expect([answer.status, await answer.text()]).toEqual([200, 'body{}']);
  });

  it('does not follow a symlink, a linked folder or ../ out of the root', async () => {
    for (const path of [
      '/styles/linked.css',
      '/outside/secret.txt',
      '/..%2Fsecret.txt',
      '/%E0%A4%A'
    ]) {
      const answer = await fetch(url + path);
      expect([path, answer.status]).toEqual([path, 404]);
      expect(await answer.text()).not.toContain('secret');
    }
  });
});
