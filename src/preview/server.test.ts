import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_DIR } from './build';
import { previewHandler } from './server';

const personas = [
  { key: 'seller', label: 'Seller', userId: '005S', name: 'Sam Seller', token: 'tok-seller' },
  {
    key: 'accountManager',
    label: 'Account Manager',
    userId: '005A',
    name: 'Aino AM',
    token: 'tok-am'
  }
];
const buildDir = mkdtempSync(join(tmpdir(), 'preview-build-'));
mkdirSync(join(buildDir, 'chunks'));
writeFileSync(join(buildDir, 'main.js'), 'console.log("main")');
const loginCodes = new Map<string, string>();
let server: Server;
let base: string;

beforeAll(async () => {
  const handler = previewHandler({
    projectDir: PROJECT_DIR,
    buildDir: () => buildDir,
    buildHash: () => 'h1',
    personas: () => personas,
    loginCodes
  });
  server = createServer((req, res) => {
    void handler(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

const get = (path: string, cookie = '') =>
  fetch(base + path, { redirect: 'manual', headers: cookie ? { cookie } : {} });

describe('preview routes', () => {
  it('logs in once with the code from the printed URL, then serves the shell as that persona', async () => {
    loginCodes.set('code1', 'tok-am');
    const login = await get('/?login=code1');
    expect(login.status).toBe(302);
    expect(login.headers.get('location')).toBe('/lightning/o/Account/list');
    expect(login.headers.get('set-cookie')).toMatch(/^sid=tok-am;.*HttpOnly/);
    expect((await get('/?login=code1')).status).toBe(401);

    const page = await get('/lightning/o/Account/list', 'sid=tok-am; baton_lang=fi');
    const html = await page.text();
    expect(html).toContain('"userId":"005A"');
    expect(html).toContain('"language":"fi"');
    expect(html).toContain('/preview/build/h1/main.js');
  });

  it('refuses the shell without a known session', async () => {
    expect((await get('/lightning/o/Account/list')).status).toBe(401);
    expect((await get('/lightning/o/Account/list', 'sid=forged')).status).toBe(401);
  });

  it('switches persona by swapping the session cookie, only for a logged-in browser', async () => {
    const post = (cookie: string) =>
      fetch(`${base}/preview/persona`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ persona: 'seller' })
      });
    const switched = await post('sid=tok-am');
    expect(switched.status).toBe(200);
    expect(switched.headers.get('set-cookie')).toMatch(/^sid=tok-seller;/);
    expect((await post('sid=nobody')).status).toBe(403);
  });

  it('serves the build and SLDS, and nothing outside them', async () => {
    expect(await (await get('/preview/build/h1/main.js')).text()).toContain('main');
    const css = await get('/assets/styles/salesforce-lightning-design-system.min.css');
    expect(css.headers.get('content-type')).toContain('text/css');
    expect((await get('/preview/build/h1/..%2F..%2Fpackage.json')).status).toBe(404);
    expect((await get('/services/data/v62.0/query')).status).toBe(404);
  });
});
