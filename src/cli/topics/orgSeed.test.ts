import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startTestOrg, type TestOrg } from '../../localorg/testing';

const BIN = resolve(__dirname, '../../../bin/baton.js');
const COUNTED = [
  'Account',
  'Contact',
  'Opportunity',
  'Case',
  'Task',
  'Handover__c',
  'Survey_Response__c',
  'Usage_Snapshot__c'
];

let testOrg: TestOrg;
let folder: string;

/** The real CLI in a child process, in a folder whose ./.localorg/auth.json names the test org. */
function baton(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      'node',
      [BIN, ...args],
      { cwd: folder, env: { ...process.env, HOME: folder }, timeout: 120_000 },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 2) : 0, stdout, stderr })
    );
  });
}

async function counts(): Promise<Record<string, number>> {
  const entries = await Promise.all(
    COUNTED.map(async (type) => [
      type,
      (await testOrg.conn.query(`SELECT COUNT() FROM ${type}`)).totalSize
    ])
  );
  return Object.fromEntries(entries);
}

beforeAll(async () => {
  testOrg = await startTestOrg();
  folder = mkdtempSync(join(tmpdir(), 'baton-org-seed-'));
  const admin = testOrg.org.users.find((user) => user.persona === 'admin')!;
  mkdirSync(join(folder, '.localorg'));
  writeFileSync(
    join(folder, '.localorg', 'auth.json'),
    JSON.stringify({
      instanceUrl: testOrg.org.instanceUrl,
      accessToken: admin.token,
      username: admin.username,
      userId: admin.id
    })
  );
}, 60_000);

afterAll(async () => {
  await testOrg?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('baton org seed (child process, local org)', () => {
  it('seeds an empty org, and a second run exits 0 with every count unchanged', async () => {
    const first = await baton('org', 'seed', '--accounts', '12', '--json');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const afterFirst = await counts();
    expect(afterFirst).toMatchObject({ Account: 12, Contact: 36, Handover__c: 8 });
    expect(afterFirst.Survey_Response__c).toBeGreaterThan(0);
    expect(afterFirst.Usage_Snapshot__c).toBe(36);
    expect(afterFirst.Task).toBe(12);

    const second = await baton('org', 'seed', '--accounts', '12', '--json');
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).counts).toEqual(JSON.parse(first.stdout).counts);
    expect(await counts()).toEqual(afterFirst);
  }, 300_000);
});
