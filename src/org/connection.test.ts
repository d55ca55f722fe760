import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalOrg, type LocalOrg } from '../localorg/server';

const PROJECT = join(__dirname, '..', '..');

// `--target-org baton-local` means the org the alias names, from any folder, even one whose
// own .localorg/auth.json points at another local org.
describe('connectToOrg', () => {
  const dirs: string[] = [];
  const orgs: LocalOrg[] = [];
  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };

  afterAll(async () => {
    for (const org of orgs) await org.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('follows the baton-local alias, and uses the folder auth file only without a target', async () => {
    const aliased = await startLocalOrg({
      dataDir: tempDir('baton-aliased-'),
      projectDir: PROJECT
    });
    const other = await startLocalOrg({ dataDir: tempDir('baton-other-'), projectDir: PROJECT });
    orgs.push(aliased, other);
    // Registered and followed in a child process: @salesforce/core's file locks misread
    // errors inside Jest's sandbox (see jest.home.setup.js).
    const folder = tempDir('baton-folder-');
    mkdirSync(join(folder, '.localorg'));
    writeFileSync(
      join(folder, '.localorg', 'auth.json'),
      JSON.stringify({
        instanceUrl: other.instanceUrl,
        accessToken: other.accessToken,
        username: 'baton.admin@baton.local',
        userId: other.users.find((u) => u.persona === 'admin')!.id
      })
    );
    const admin = aliased.users.find((u) => u.persona === 'admin')!;
    const script = `
      const { registerSfAlias } = require(${JSON.stringify(join(PROJECT, 'src/localorg/sfAlias'))});
      const { connectToOrg } = require(${JSON.stringify(join(PROJECT, 'src/org/connection'))});
      (async () => {
        const org = { instanceUrl: ${JSON.stringify(aliased.instanceUrl)}, users: [${JSON.stringify(admin)}] };
        const registered = await registerSfAlias(org);
        if (registered.alias !== 'baton-local') throw new Error(registered.message);
        await (await connectToOrg()).sobject('Account').create({ Name: 'Folder Oy' });
        await (await connectToOrg('baton-local')).sobject('Account').create({ Name: 'Alias Oy' });
      })().catch((error) => { console.error(error.message); process.exit(1); });`;
    // Asynchronously: both orgs answer from this process.
    const run = await promisify(execFile)(
      join(PROJECT, 'node_modules', '.bin', 'tsx'),
      ['-e', script],
      {
        cwd: folder,
        env: { ...process.env, BATON_NO_SF_ALIAS: '', SF_DISABLE_TELEMETRY: 'true' },
        encoding: 'utf8',
        timeout: 45_000
      }
    );
    expect(
      run.stderr
        .split('\n')
        .filter((line) => !/insecure protocol|trace-warnings/i.test(line))
        .join('')
    ).toBe('');
    const names = async (org: LocalOrg) =>
      (
        await org
          .connectionFor(org.users.find((u) => u.persona === 'admin')!)
          .query<{ Name: string }>("SELECT Name FROM Account WHERE Name LIKE '% Oy'")
      ).records.map((r) => r.Name);
    expect(await names(aliased)).toEqual(['Alias Oy']);
    expect(await names(other)).toEqual(['Folder Oy']);
  }, 60_000);
});
