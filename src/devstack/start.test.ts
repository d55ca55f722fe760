import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localAuthFile } from '../org/connection';
import { startOrgCommand } from './start';

jest.setTimeout(120_000);

it('stops the org when its start fails half way, so nothing says it is still starting', async () => {
  process.env.BATON_NO_SF_ALIAS = '1';
  // A project without Survey_Response__c: the org listens, then seeding the demo book fails.
  const project = mkdtempSync(join(tmpdir(), 'baton-broken-project-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-broken-start-'));
  cpSync(join(__dirname, '..', '..', 'force-app'), join(project, 'force-app'), { recursive: true });
  rmSync(join(project, 'force-app/main/default/objects/Survey_Response__c'), { recursive: true });
  const lines: string[] = [];
  try {
    await expect(
      startOrgCommand({
        dataDir,
        projectDir: project,
        port: 0,
        headless: true,
        healthEveryMinutes: 0,
        log: (line) => lines.push(line)
      })
    ).rejects.toThrow(/Survey_Response__c/);
    const url = /listening on (\S+)/.exec(lines[0])![1];
    expect(existsSync(localAuthFile(dataDir))).toBe(false);
    await expect(fetch(`${url}/services/data`)).rejects.toThrow();
  } finally {
    rmSync(project, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
});
