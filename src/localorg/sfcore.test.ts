import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalOrg } from './server';

const PROJECT = join(__dirname, '..', '..');

describe('local org for @salesforce/core and across restarts', () => {
  // HOME is a temporary directory for every TypeScript test file (jest.home.setup.js), so
  // @salesforce/core's ~/.sf and ~/.sfdx writes stay out of the developer's own.
  it('answers a @salesforce/core 8 Connection made from an access token', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'baton-core-'));
    const org = await startLocalOrg({ dataDir, projectDir: PROJECT });
    try {
      const { AuthInfo, Connection } = await import('@salesforce/core');
      const authInfo = await AuthInfo.create({
        username: org.accessToken,
        accessTokenOptions: { instanceUrl: org.instanceUrl }
      } as never);
      const conn = await Connection.create({ authInfo, connectionOptions: { version: '62.0' } });
      await conn.sobject('Account').create({ Name: 'Core Oy' });
      const result = await conn.query<{ Name: string; Owner: { Name: string } }>(
        "SELECT Name, Owner.Name FROM Account WHERE Name = 'Core Oy'"
      );
      expect(result.records[0]).toMatchObject({ Name: 'Core Oy', Owner: { Name: 'Baton Admin' } });
    } finally {
      await org.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('adds a column for a new field file on the next start and keeps the data', async () => {
    const project = mkdtempSync(join(tmpdir(), 'baton-project-'));
    const dataDir = mkdtempSync(join(tmpdir(), 'baton-migrate-'));
    cpSync(join(PROJECT, 'force-app'), join(project, 'force-app'), { recursive: true });
    try {
      let org = await startLocalOrg({ dataDir, projectDir: project });
      const conn = () => ({
        Authorization: `Bearer ${org.accessToken}`,
        'Content-Type': 'application/json'
      });
      const created = (await (
        await fetch(`${org.instanceUrl}/services/data/v62.0/sobjects/Account`, {
          method: 'POST',
          headers: conn(),
          body: JSON.stringify({ Name: 'Kept Oy' })
        })
      ).json()) as { id: string };
      const before = await fetch(`${org.instanceUrl}/services/data/v62.0/sobjects/Account`, {
        method: 'POST',
        headers: conn(),
        body: JSON.stringify({ Name: 'x', Region__c: 'North' })
      });
      expect(before.status).toBe(400);
      await org.close();
      writeFileSync(
        join(project, 'force-app/main/default/objects/Account/fields/Region__c.field-meta.xml'),
        '<?xml version="1.0" encoding="UTF-8"?><CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>Region__c</fullName><label>Region</label><length>40</length><type>Text</type></CustomField>'
      );
      org = await startLocalOrg({ dataDir, projectDir: project });
      const patch = await fetch(
        `${org.instanceUrl}/services/data/v62.0/sobjects/Account/${created.id}`,
        { method: 'PATCH', headers: conn(), body: JSON.stringify({ Region__c: 'North' }) }
      );
      expect(patch.status).toBe(204);
      const record = (await (
        await fetch(
          `${org.instanceUrl}/services/data/v62.0/sobjects/Account/${created.id}?fields=Name,Region__c`,
          { headers: conn() }
        )
      ).json()) as Record<string, unknown>;
      expect(record).toMatchObject({ Name: 'Kept Oy', Region__c: 'North' });
      await org.close();
    } finally {
      rmSync(project, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
