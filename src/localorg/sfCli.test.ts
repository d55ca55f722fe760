import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { to18 } from '../core/ids';
import { signInSf, type SfSession } from '../testkit/sfCli';
import { startTestOrg, type TestOrg } from '../testkit/testOrg';

const SAMPLE = join(__dirname, '..', '..', 'data', 'sample');
const SF_TIMEOUT = 120_000;

type Json = Record<string, unknown>;

/** A tree file's records with their keys in one order, for comparing what went in and came out. */
const treeRecords = (file: string) =>
  (JSON.parse(readFileSync(file, 'utf8')) as { records: Json[] }).records.map((record) =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)))
  );

describe('the sf CLI against a local org', () => {
  let t: TestOrg;
  let sf: SfSession;
  let work: string;

  beforeAll(async () => {
    t = await startTestOrg();
    // signInSf logs in as a user types it: the instance URL with its trailing slash.
    sf = await signInSf(t.org);
    work = mkdtempSync(join(tmpdir(), 'baton-sf-work-'));
  }, SF_TIMEOUT);

  afterAll(async () => {
    sf.dispose();
    rmSync(work, { recursive: true, force: true });
    await t.close();
  });

  it(
    'signs in with sf org login access-token and answers later commands at //services/data',
    async () => {
      const display = await sf.json<{ id: string; connectedStatus: string; instanceUrl: string }>([
        'org',
        'display',
        '--target-org',
        sf.alias
      ]);
      expect(display.result.instanceUrl).toBe(`${t.org.instanceUrl}/`);
      expect(display.result.connectedStatus).toBe('Connected');
      expect(to18(display.result.id)).toBe(display.result.id);
      const users = await sf.json<{ username: string; profileName: string }[]>([
        'org',
        'list',
        'users',
        '--target-org',
        sf.alias
      ]);
      expect(users.result[0]).toMatchObject({
        username: 'baton.admin@baton.local',
        profileName: 'System Administrator'
      });
    },
    SF_TIMEOUT
  );

  it(
    'imports a Trailhead-style plan with sf data import tree and exports it back equal',
    async () => {
      const imported = await sf.json<{ refId: string; type: string; id: string }[]>([
        'data',
        'import',
        'tree',
        '--plan',
        join(SAMPLE, 'plan.json'),
        '--target-org',
        sf.alias
      ]);
      expect(imported.status).toBe(0);
      expect(imported.result.map((r) => r.type).sort()).toEqual([
        'Account',
        'Account',
        'Account',
        'Case',
        'Case',
        'Case',
        'Contact',
        'Contact',
        'Contact'
      ]);
      const out = join(work, 'export');
      const exported = await sf.json([
        'data',
        'export',
        'tree',
        '--plan',
        '--output-dir',
        out,
        '--target-org',
        sf.alias,
        '--query',
        'SELECT Id, Name, Industry, Type, Phone, BillingCity, BillingCountry, NumberOfEmployees, ParentId, External_Id__c, Customer_Stage__c, Licensed_Seats__c, MRR__c, Strategic_Account__c, Contract_Start__c, (SELECT Id, FirstName, LastName, Title, Email, Phone, AccountId FROM Contacts), (SELECT Id, Subject, Description, Status, Priority, Origin, ContactId FROM Cases) FROM Account ORDER BY External_Id__c'
      ]);
      expect(exported.status).toBe(0);
      for (const object of ['Account', 'Contact', 'Case'])
        expect(treeRecords(join(out, `${object}.json`))).toEqual(
          treeRecords(join(SAMPLE, `${object}.json`))
        );
    },
    SF_TIMEOUT
  );

  it(
    're-imports what sf data export tree wrote without a plan: Accounts with nested Contacts',
    async () => {
      await t.conn.sobject('Account').create({ Name: 'Sisäkkäin Oy' });
      const parent = (
        await t.conn.query<{ Id: string }>("SELECT Id FROM Account WHERE Name = 'Sisäkkäin Oy'")
      ).records[0].Id;
      await t.conn.sobject('Contact').create([
        { LastName: 'Ensimmäinen', AccountId: parent },
        { LastName: 'Toinen', AccountId: parent }
      ]);
      const out = join(work, 'nested');
      await sf.json([
        'data',
        'export',
        'tree',
        '--output-dir',
        out,
        '--target-org',
        sf.alias,
        '--query',
        "SELECT Name, (SELECT LastName FROM Contacts) FROM Account WHERE Name = 'Sisäkkäin Oy'"
      ]);
      const imported = await sf.json<{ type: string }[]>([
        'data',
        'import',
        'tree',
        '--files',
        join(out, 'Account-Contact.json'),
        '--target-org',
        sf.alias
      ]);
      expect(imported.result.map((r) => r.type)).toEqual(['Account', 'Contact', 'Contact']);
      const copies = await t.conn.query<{ Contacts: { totalSize: number } }>(
        "SELECT Id, (SELECT Id FROM Contacts) FROM Account WHERE Name = 'Sisäkkäin Oy'"
      );
      expect(copies.records.map((r) => r.Contacts.totalSize)).toEqual([2, 2]);
    },
    SF_TIMEOUT
  );

  it(
    'loads, upserts and deletes with sf data bulk, children naming parents by external id',
    async () => {
      const accounts = join(work, 'accounts.csv');
      writeFileSync(accounts, 'Name,External_Id__c,Industry\nKivi Oy,BULK-1,Retail\n');
      const inserted = await sf.json<{ jobId: string; successfulRecords: number }>([
        'data',
        'import',
        'bulk',
        '--sobject',
        'Account',
        '--file',
        accounts,
        '--wait',
        '2',
        '--target-org',
        sf.alias
      ]);
      expect(inserted.result.successfulRecords).toBe(1);
      expect(to18(inserted.result.jobId)).toBe(inserted.result.jobId);

      writeFileSync(
        accounts,
        'Name,External_Id__c,Industry\nKivi Oyj,BULK-1,Media\nSavi Oy,BULK-2,Energy\n'
      );
      const upserted = await sf.json<{ jobInfo: { numberRecordsProcessed: number } }>([
        'data',
        'upsert',
        'bulk',
        '--sobject',
        'Account',
        '--file',
        accounts,
        '--external-id',
        'External_Id__c',
        '--wait',
        '2',
        '--target-org',
        sf.alias
      ]);
      expect(upserted.result.jobInfo.numberRecordsProcessed).toBe(2);

      const contacts = join(work, 'contacts.csv');
      writeFileSync(contacts, 'LastName,Account.External_Id__c\nKivinen,BULK-1\n');
      const children = await sf.json<{ successfulRecords: number }>([
        'data',
        'import',
        'bulk',
        '--sobject',
        'Contact',
        '--file',
        contacts,
        '--wait',
        '2',
        '--target-org',
        sf.alias
      ]);
      expect(children.result.successfulRecords).toBe(1);
      const kivinen = await t.conn.query<{ Account: { Name: string } }>(
        "SELECT Account.Name FROM Contact WHERE LastName = 'Kivinen'"
      );
      expect(kivinen.records[0].Account.Name).toBe('Kivi Oyj');

      const savi = await t.conn.query<{ Id: string }>(
        "SELECT Id FROM Account WHERE External_Id__c = 'BULK-2'"
      );
      const ids = join(work, 'ids.csv');
      writeFileSync(ids, `Id\n${savi.records[0].Id}\n`);
      const deleted = await sf.json<{
        jobInfo: { numberRecordsProcessed: number; numberRecordsFailed: number };
      }>([
        'data',
        'delete',
        'bulk',
        '--sobject',
        'Account',
        '--file',
        ids,
        '--wait',
        '2',
        '--target-org',
        sf.alias
      ]);
      expect(deleted.result.jobInfo).toMatchObject({
        numberRecordsProcessed: 1,
        numberRecordsFailed: 0
      });
      expect(
        (await t.conn.query("SELECT Id FROM Account WHERE External_Id__c = 'BULK-2'")).totalSize
      ).toBe(0);
    },
    SF_TIMEOUT
  );

  it(
    'fails a bulk job whose file names a column the object does not have',
    async () => {
      const file = join(work, 'unknown-column.csv');
      writeFileSync(file, 'Name,No_Such_Field__c\nNope Oy,1\n');
      const failed = await sf.json([
        'data',
        'import',
        'bulk',
        '--sobject',
        'Account',
        '--file',
        file,
        '--wait',
        '2',
        '--target-org',
        sf.alias
      ]);
      expect(failed.name).toBe('JobFailedError');
      expect(failed.message).toContain('InvalidBatch : Field name not found : No_Such_Field__c');
      expect((await t.conn.query("SELECT Id FROM Account WHERE Name = 'Nope Oy'")).totalSize).toBe(
        0
      );
    },
    SF_TIMEOUT
  );

  it(
    'gets, updates and deletes one record with sf data get|update|delete record',
    async () => {
      await t.conn.sobject('Account').create({ Name: 'Record Oy', External_Id__c: 'REC-1' });
      const where = [
        '--sobject',
        'Account',
        '--where',
        'External_Id__c=REC-1',
        '--target-org',
        sf.alias
      ];
      const got = await sf.json<{ Id: string; Name: string }>(['data', 'get', 'record', ...where]);
      expect(got.result.Name).toBe('Record Oy');
      const updated = await sf.json([
        'data',
        'update',
        'record',
        ...where,
        '--values',
        "Name='Record Oyj' Industry=Media"
      ]);
      expect(updated.status).toBe(0);
      const after = await t.conn.sobject('Account').retrieve(got.result.Id);
      expect(after).toMatchObject({ Name: 'Record Oyj', Industry: 'Media' });
      const deleted = await sf.json([
        'data',
        'delete',
        'record',
        '--sobject',
        'Account',
        '--record-id',
        got.result.Id,
        '--target-org',
        sf.alias
      ]);
      expect(deleted.status).toBe(0);
      const again = await sf.json([
        'data',
        'delete',
        'record',
        '--sobject',
        'Account',
        '--record-id',
        got.result.Id,
        '--target-org',
        sf.alias
      ]);
      expect(again.status).toBe(1);
      expect(again.message).toContain('entity is deleted');
    },
    SF_TIMEOUT
  );

  it(
    'describes an object with sf sobject describe',
    async () => {
      const described = await sf.json<{ name: string; fields: { name: string }[] }>([
        'sobject',
        'describe',
        '--sobject',
        'Contact',
        '--target-org',
        sf.alias
      ]);
      expect(described.result.name).toBe('Contact');
      expect(described.result.fields.map((f) => f.name)).toEqual(
        expect.arrayContaining(['Id', 'LastName', 'AccountId'])
      );
    },
    SF_TIMEOUT
  );

  it(
    'says that anonymous Apex, Metadata API deploys and file uploads are not offered',
    async () => {
      const apex = join(work, 'hello.apex');
      writeFileSync(apex, "System.debug('hello');\n");
      const run = await sf.json(['apex', 'run', '--file', apex, '--target-org', sf.alias]);
      expect(run.status).not.toBe(0);
      expect(run.message).toContain(
        'FUNCTIONALITY_NOT_ENABLED: The local org does not offer anonymous Apex'
      );
      const project = join(work, 'project');
      mkdirSync(join(project, 'force-app', 'main', 'default', 'labels'), { recursive: true });
      writeFileSync(
        join(project, 'sfdx-project.json'),
        JSON.stringify({
          packageDirectories: [{ path: 'force-app', default: true }],
          sourceApiVersion: '62.0'
        })
      );
      writeFileSync(
        join(project, 'force-app', 'main', 'default', 'labels', 'CustomLabels.labels-meta.xml'),
        '<?xml version="1.0" encoding="UTF-8"?><CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata"><labels><fullName>Hello</fullName><language>en_US</language><protected>false</protected><shortDescription>Hello</shortDescription><value>Hello</value></labels></CustomLabels>'
      );
      const deploy = await sf.json(
        ['project', 'deploy', 'start', '--source-dir', 'force-app', '--target-org', sf.alias],
        { cwd: project }
      );
      expect(deploy.name).toBe('sf:FUNCTIONALITY_NOT_ENABLED');
      expect(deploy.message).toContain('The local org does not offer the Metadata API');
      const file = join(work, 'notes.txt');
      writeFileSync(file, 'notes');
      const upload = await sf.json([
        'data',
        'create',
        'file',
        '--file',
        file,
        '--target-org',
        sf.alias
      ]);
      expect(upload.status).not.toBe(0);
      expect(upload.name).toBe('FUNCTIONALITY_NOT_ENABLED');
      expect(upload.message).toContain('The local org does not offer file uploads');
    },
    SF_TIMEOUT
  );
});
