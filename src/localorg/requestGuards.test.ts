import { request } from 'node:http';
import { startTestOrg, type TestOrg } from '../testkit/testOrg';

// What a page of another site, or of another server on 127.0.0.1, can make a browser send to
// the org, and the bad bodies and URLs a careless client sends: each is refused with a
// Salesforce-shaped error, never answered as the signed-in user or with a 500.
jest.setTimeout(30_000);

let t: TestOrg;
let port: number;
let sellerToken: string;

beforeAll(async () => {
  t = await startTestOrg({ twins: false });
  port = Number(new URL(t.org.instanceUrl).port);
  sellerToken = t.org.users.find((u) => u.persona === 'seller')!.token;
});
afterAll(() => t.close());

interface Answer {
  status: number;
  body: string;
}

/** A raw HTTP request, so Host, Origin and the body go exactly as written. */
function send(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      }
    );
    for (const [name, value] of Object.entries(options.headers ?? {})) req.setHeader(name, value);
    req.on('error', reject);
    req.end(options.body);
  });
}

const API = '/services/data/v62.0';
const bearer = () => ({ Authorization: `Bearer ${t.org.accessToken}` });
const cookie = () => ({ Cookie: `sid=${encodeURIComponent(sellerToken)}` });
const json = { 'Content-Type': 'application/json' };
const errorCode = (answer: Answer) =>
  (JSON.parse(answer.body) as { errorCode: string }[])[0].errorCode;

async function accountNamed(name: string): Promise<number> {
  const found = await t.conn.query(`SELECT Id FROM Account WHERE Name = '${name}'`);
  return found.totalSize;
}

describe('local org request guards', () => {
  it('refuses a Host it is not (DNS rebinding) and answers its own names', async () => {
    const rebound = await send({
      path: `${API}/sobjects`,
      headers: { ...bearer(), Host: `attacker.example:${port}` }
    });
    expect(rebound.status).toBe(421);
    expect(rebound.body).toContain(`127.0.0.1:${port}`);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      const own = await send({ path: `${API}/limits`, headers: { ...bearer(), Host: host } });
      expect(own.status).toBe(200);
    }
  });

  it('refuses a cookie-session write from another origin or as a simple form (CSRF)', async () => {
    const form = 'Name=Csrf Oy';
    const crossPort = await send({
      method: 'POST',
      path: `${API}/sobjects/Account`,
      headers: { ...cookie(), ...json, Origin: `http://127.0.0.1:${port + 1}` },
      body: JSON.stringify({ Name: 'Csrf Oy' })
    });
    expect([crossPort.status, errorCode(crossPort)]).toEqual([403, 'CROSS_ORIGIN_REQUEST_REFUSED']);
    const noOrigin = await send({
      method: 'POST',
      path: `${API}/sobjects/Account`,
      headers: { ...cookie(), ...json },
      body: JSON.stringify({ Name: 'Csrf Oy' })
    });
    expect(noOrigin.status).toBe(403);
    const simpleForm = await send({
      method: 'POST',
      path: `${API}/sobjects/Account`,
      headers: { ...cookie(), 'Content-Type': 'text/plain', Origin: `http://127.0.0.1:${port}` },
      body: JSON.stringify({ Name: 'Csrf Oy' })
    });
    expect([simpleForm.status, errorCode(simpleForm)]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const personaSwitch = await send({
      method: 'POST',
      path: '/preview/persona',
      headers: { ...cookie(), 'Content-Type': 'text/plain', Origin: 'http://localhost:3000' },
      body: form
    });
    expect(personaSwitch.status).toBe(403);
    expect(await accountNamed('Csrf Oy')).toBe(0);

    const ownPage = await send({
      method: 'POST',
      path: `${API}/sobjects/Account`,
      headers: { ...cookie(), ...json, Origin: `http://127.0.0.1:${port}` },
      body: JSON.stringify({ Name: 'Same Origin Oy' })
    });
    expect(ownPage.status).toBe(201);
    const apiClient = await send({
      method: 'POST',
      path: `${API}/sobjects/Account`,
      headers: { ...bearer(), 'Content-Type': 'text/plain' },
      body: JSON.stringify({ Name: 'Bearer Oy' })
    });
    expect(apiClient.status).toBe(201);
    const noSession = await send({
      method: 'POST',
      path: `${API}/sobjects/Account`,
      headers: { ...json, Origin: 'http://attacker.example' },
      body: JSON.stringify({ Name: 'Csrf Oy' })
    });
    expect([noSession.status, errorCode(noSession)]).toEqual([401, 'INVALID_SESSION_ID']);
  });

  it('answers bad bodies and URLs with 400 and a Salesforce error code, no internals', async () => {
    const cases: [string, Parameters<typeof send>[0], string][] = [
      [
        'a null body',
        { method: 'POST', path: `${API}/sobjects/Account`, body: 'null' },
        'JSON_PARSER_ERROR'
      ],
      [
        'a null collection',
        { method: 'POST', path: `${API}/composite/sobjects`, body: 'null' },
        'JSON_PARSER_ERROR'
      ],
      [
        'deeply nested JSON',
        {
          method: 'POST',
          path: `${API}/sobjects/Account`,
          body: `{"Name":${'['.repeat(100_000)}${']'.repeat(100_000)}}`
        },
        'JSON_PARSER_ERROR'
      ],
      [
        'a huge LIMIT',
        {
          path: `${API}/query?q=${encodeURIComponent('SELECT Id FROM Account LIMIT 99999999999999999999')}`
        },
        'MALFORMED_QUERY'
      ],
      [
        'a huge LAST_N_DAYS',
        {
          path: `${API}/query?q=${encodeURIComponent('SELECT Id FROM Account WHERE CreatedDate = LAST_N_DAYS:999999999')}`
        },
        'MALFORMED_QUERY'
      ],
      ['bad %-encoding', { path: `${API}/sobjects/Account/%E0%A4%A` }, 'MALFORMED_URL']
    ];
    for (const [what, options, code] of cases) {
      const answer = await send({ ...options, headers: { ...bearer(), ...json } });
      expect([what, answer.status, errorCode(answer)]).toEqual([what, 400, code]);
      expect(answer.body).not.toMatch(/TypeError|RangeError|SqliteError|stack|at /);
    }
    const badCookie = await send({ path: `${API}/sobjects`, headers: { Cookie: 'sid=%E0%A4%A' } });
    expect([badCookie.status, errorCode(badCookie)]).toEqual([401, 'INVALID_SESSION_ID']);
  });

  it('answers 413 to a body over the cap, before reading it', async () => {
    const cap = t.org.bodyCaps.jsonBytes;
    const big = await send({
      method: 'POST',
      path: `${API}/composite/sobjects`,
      headers: { ...bearer(), ...json, 'Content-Length': String(cap + 1) },
      body: ' '.repeat(cap + 1)
    });
    expect([big.status, errorCode(big)]).toEqual([413, 'REQUEST_LIMIT_EXCEEDED']);
    expect(big.body).toContain('BATON_ORG_MAX_JSON_MB');
  });
});
