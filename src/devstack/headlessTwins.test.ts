import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'jsforce';
import type { LocalOrg } from '../localorg/server';
import { startOrgCommand } from './start';

jest.setTimeout(180_000);

const CLASSES = join(__dirname, '..', '..', 'force-app', 'main', 'default', 'classes');

/** `Class.method` of every @AuraEnabled static method the package's Apex offers components. */
function auraEnabledMethods(): string[] {
  return readdirSync(CLASSES)
    .filter((name) => name.endsWith('.cls') && !name.endsWith('_Tests.cls'))
    .flatMap((name) => {
      const source = readFileSync(join(CLASSES, name), 'utf8');
      const className = name.replace(/\.cls$/, '');
      return [...source.matchAll(/@AuraEnabled[^\n]*\s+public\s+static\s+\S+\s+(\w+)\s*\(/g)].map(
        (match) => `${className}.${match[1]}`
      );
    })
    .sort();
}

let org: LocalOrg;
const lines: string[] = [];
let stop: () => void;
let dataDir: string;

beforeAll(async () => {
  process.env.BATON_NO_SF_ALIAS = '1';
  dataDir = mkdtempSync(join(tmpdir(), 'baton-headless-'));
  const started = await startOrgCommand({
    dataDir,
    port: 0,
    headless: true,
    seed: false,
    healthEveryMinutes: 0,
    log: (line) => lines.push(line)
  });
  ({ org } = started);
  stop = started.stopHealthTimer;
});

afterAll(async () => {
  stop?.();
  await org?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('baton org start --headless', () => {
  it('says an empty folder started with --no-seed was not seeded', () => {
    expect(lines).toContain('Seeding skipped (--no-seed).');
    expect(lines.join('\n')).not.toMatch(/already had accounts/);
  });

  it('registers a twin for every @AuraEnabled Apex method in force-app', () => {
    const methods = auraEnabledMethods();
    expect(methods.length).toBeGreaterThanOrEqual(12);
    expect(org.registeredApexTwins()).toEqual(
      expect.arrayContaining(methods.map((method) => method.toLowerCase()))
    );
  });

  it.each(auraEnabledMethods())('answers %s through jsforce as the Apex would', async (method) => {
    const seller = org.users.find((user) => user.persona === 'seller')!;
    const conn: Connection = org.connectionFor(seller);
    const [className, name] = method.split('.');
    // An Id of no record: each twin answers with its own checks, never "no twin registered".
    const answer = await conn
      .request({
        method: 'POST',
        url: `/services/apexrest-local/${className}/${name}`,
        body: JSON.stringify({ accountId: '001000000000000AAA', recordId: '001000000000000AAA' }),
        headers: { 'content-type': 'application/json' }
      })
      .then(
        (body) => JSON.stringify(body),
        (error: Error) => error.message
      );
    expect(answer).not.toMatch(/No Apex twin|NOT_FOUND/);
  });
});
