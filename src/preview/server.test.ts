import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OrgUser } from '../localorg/router';
import { SignIn } from '../localorg/signIn';
import { PROJECT_DIR } from './build';
import { previewHandler } from './server';

const users: OrgUser[] = [
  { id: '005S', username: 's@x', name: 'Sam Seller', persona: 'seller', token: 'tok-seller' },
  { id: '005A', username: 'a@x', name: 'Aino AM', persona: 'accountManager', token: 'tok-am' },
  { id: '005Z', username: 'z@x', name: 'Ada Admin', persona: 'admin', token: 'tok-admin' },
  { id: '005J', username: 'j@x', name: 'Juha AM', persona: 'accountManager', token: 'tok-juha' }
];
// As the org lists them: the first user of each persona.
const personas = users.slice(0, 3).map((u) => ({
  key: u.persona,
  label: u.persona,
  userId: u.id,
  name: u.name,
  token: u.token
}));
const signIn = new SignIn(users);
const buildDir = mkdtempSync(join(tmpdir(), 'preview-build-'));
mkdirSync(join(buildDir, 'chunks'));
writeFileSync(join(buildDir, 'main.js'), 'console.log("main")');
let server: Server;
let base: string;

beforeAll(async () => {
  const handler = previewHandler({
    projectDir: PROJECT_DIR,
    buildDir: () => buildDir,
    buildHash: () => 'h1',
    personas: () => personas,
    signIn,
    // The admin's row is from an org made before LocaleSidKey was kept.
    userLocale: (user) =>
      ({
        '005J': { language: 'fi', locale: 'fi_FI' },
        '005Z': { language: 'fi', locale: null }
      })[user.id] ?? { language: 'en_US', locale: 'en_US' },
    // A won deal (006…) belongs to the Account 001A.
    accountOfRecord: (_type, id) => (id.startsWith('006') ? '001A00000000001AAA' : null)
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
afterEach(() => (signIn.demoPersonas = false));

const get = (path: string, cookie = '') =>
  fetch(base + path, { redirect: 'manual', headers: cookie ? { cookie } : {} });

const switchTo = (persona: string, cookie: string) =>
  fetch(`${base}/preview/persona`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ persona })
  });

describe('preview routes', () => {
  it('signs in with the login link as often as asked, then serves the shell as that user', async () => {
    const link = signIn.loginPath(users[1]);
    for (const attempt of [1, 2]) {
      const login = await get(link);
      expect([attempt, login.status]).toEqual([attempt, 302]);
      expect(login.headers.get('location')).toBe('/lightning/o/Account/list');
      expect(login.headers.get('set-cookie')).toMatch(/^sid=tok-am;.*HttpOnly/);
    }
    expect((await get('/?login=forged')).status).toBe(401);

    const page = await get('/lightning/o/Account/list', 'sid=tok-am; baton_lang=fi');
    const html = await page.text();
    expect(html).toContain('"userId":"005A"');
    expect(html).toContain('"language":"fi"');
    expect(html).toContain('/preview/build/h1/main.js');
  });

  it("speaks the user's own language and locale unless the language switch chose one", async () => {
    const session = async (cookie: string) => {
      const html = await (await get('/lightning/o/Account/list', cookie)).text();
      return JSON.parse(
        /__BATON_SESSION__ = (.*);<\/script>/.exec(html)![1].replace(/\\u003c/g, '<')
      );
    };
    expect(await session('sid=tok-juha')).toMatchObject({ language: 'fi', locale: 'fi' });
    expect(await session('sid=tok-am')).toMatchObject({ language: 'en', locale: 'en' });
    expect(await session('sid=tok-admin')).toMatchObject({ language: 'fi', locale: 'fi' });
    expect(await session('sid=tok-juha; baton_lang=en')).toMatchObject({
      language: 'en',
      locale: 'en'
    });
    expect(await session('sid=tok-am; baton_lang=fi')).toMatchObject({
      language: 'fi',
      locale: 'fi'
    });
    // Juha is not his persona's first user: the switch still shows him, and switches to himself.
    expect((await session('sid=tok-juha')).personas).toEqual([
      { key: 'accountManager', label: 'accountManager' }
    ]);
    const toSelf = await switchTo('accountManager', 'sid=tok-juha');
    expect(toSelf.headers.get('set-cookie')).toMatch(/^sid=tok-juha;/);
  });

  it("opens a won deal's link, with or without the object's name, on its Account's page", async () => {
    for (const path of [
      '/lightning/r/Opportunity/006A00000000001AAA/view',
      '/lightning/r/006A00000000001AAA/view',
      '/lightning/r/Account/006A00000000001AAA/view'
    ]) {
      const response = await get(path, 'sid=tok-seller');
      expect([path, response.status]).toEqual([path, 302]);
      expect(response.headers.get('location')).toBe('/lightning/r/Account/001A00000000001AAA/view');
    }
    expect(
      (await get('/lightning/r/Account/001A00000000001AAA/view', 'sid=tok-seller')).status
    ).toBe(200);
  });

  it('refuses the shell without a known session', async () => {
    expect((await get('/lightning/o/Account/list')).status).toBe(401);
    expect((await get('/lightning/o/Account/list', 'sid=forged')).status).toBe(401);
  });

  it('lets the admin switch to anyone, and nobody else to a stronger token', async () => {
    const asAdmin = await switchTo('seller', 'sid=tok-admin');
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.headers.get('set-cookie')).toMatch(/^sid=tok-seller;/);
    for (const [persona, cookie] of [
      ['admin', 'sid=tok-seller'],
      ['accountManager', 'sid=tok-seller'],
      ['seller', 'sid=tok-am']
    ]) {
      const refused = await switchTo(persona, cookie);
      expect([persona, cookie, refused.status]).toEqual([persona, cookie, 403]);
      expect(refused.headers.get('set-cookie')).toBeNull();
    }
    expect((await switchTo('seller', 'sid=nobody')).status).toBe(403);
    const shell = await (await get('/lightning/o/Account/list', 'sid=tok-seller')).text();
    expect(shell).toContain('"personas":[{"key":"seller","label":"seller"}]');
  });

  it('with --demo-personas, lets anyone switch among the non-admin personas only', async () => {
    signIn.demoPersonas = true;
    const toManager = await switchTo('accountManager', 'sid=tok-seller');
    expect(toManager.headers.get('set-cookie')).toMatch(/^sid=tok-am;/);
    expect((await switchTo('admin', 'sid=tok-am')).status).toBe(403);
  });

  it('serves the build and SLDS, and nothing outside them', async () => {
    expect(await (await get('/preview/build/h1/main.js')).text()).toContain('main');
    const css = await get('/assets/styles/salesforce-lightning-design-system.min.css');
    expect(css.headers.get('content-type')).toContain('text/css');
    expect((await get('/preview/build/h1/..%2F..%2Fpackage.json')).status).toBe(404);
    expect((await get('/services/data/v62.0/query')).status).toBe(404);
  });
});
