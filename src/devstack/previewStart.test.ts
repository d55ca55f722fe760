import { startTestOrg, type TestOrg } from '../testkit/testOrg';
import { onOrgStarted } from './previewStart';

jest.setTimeout(120_000);

let test: TestOrg;
beforeEach(async () => {
  test = await startTestOrg({ twins: false });
});
afterEach(() => test.close());

describe('onOrgStarted', () => {
  it('registers the twins, serves the preview and prints a login URL that opens it', async () => {
    const lines: string[] = [];
    const recomputeHealth = jest.fn(async () => '');
    const url = await onOrgStarted(test.org, {
      seeded: false,
      log: (line) => lines.push(line),
      recomputeHealth
    });
    expect(recomputeHealth).not.toHaveBeenCalled();
    expect(url).toMatch(new RegExp(`^${test.org.url}/\\?login=[0-9a-f]{32}$`));
    expect(lines.at(-1)).toContain(url);

    const login = await fetch(url, { redirect: 'manual' });
    expect(login.status).toBe(302);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const shell = await fetch(`${test.org.url}/lightning/o/Account/list`, { headers: { cookie } });
    expect(await shell.text()).toContain('window.__BATON_SESSION__');

    const apex = await fetch(
      `${test.org.url}/services/apexrest-local/TierCadenceController/getCadence`,
      {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', origin: test.org.url },
        body: JSON.stringify({ accountId: '001000000000000AAA' })
      }
    );
    // Registered: the twin answers (here: no such account), not "No Apex twin is registered".
    expect(await apex.text()).not.toContain('No Apex twin');
  });

  it('recomputes health after the first seed', async () => {
    const lines: string[] = [];
    const recomputeHealth = jest.fn(async () => '12 accounts scored');
    await onOrgStarted(test.org, {
      seeded: true,
      log: (line) => lines.push(line),
      recomputeHealth
    });
    expect(recomputeHealth).toHaveBeenCalledTimes(1);
    expect(lines).toContain('Health: 12 accounts scored');
  });
});
