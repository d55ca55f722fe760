import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { bulkIngest, bulkQuery, queryAll } from '../org/bulk';
import { startTestOrg, type TestOrg } from '../testkit/testOrg';

// Bulk API 2.0 through the client Baton's services use, against the real local org.
let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg({ twins: false });
});
afterAll(() => t.close());

describe('Bulk API 2.0', () => {
  it('ingests rows, reporting the failing ones with their reasons and writing the rest', async () => {
    const rows = [
      { Name: 'Bulk A Oy', MRR__c: 100, External_Id__c: 'B-1' },
      { Name: '', MRR__c: 200, External_Id__c: 'B-2' },
      { Name: 'Bulk C Oy', Touch_Tier__c: 'Platinum', External_Id__c: 'B-3' },
      { Name: 'Bulk D Oy', MRR__c: 400, External_Id__c: 'B-4' }
    ];
    const result = await bulkIngest(t.conn, 'Account', 'insert', rows);
    expect(result.successful.map((s) => s.row.Name)).toEqual(['Bulk A Oy', 'Bulk D Oy']);
    expect(result.failed.map((f) => f.error.split(':')[0])).toEqual([
      'REQUIRED_FIELD_MISSING',
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'
    ]);
    const stored = await t.conn.query<{ Name: string }>(
      "SELECT Name FROM Account WHERE External_Id__c LIKE 'B-%' ORDER BY Name"
    );
    expect(stored.records.map((r) => r.Name)).toEqual(['Bulk A Oy', 'Bulk D Oy']);
    const upsert = await bulkIngest(
      t.conn,
      'Account',
      'upsert',
      [
        { External_Id__c: 'B-1', MRR__c: 150 },
        { External_Id__c: 'B-9', Name: 'Bulk New Oy' }
      ],
      { externalIdField: 'External_Id__c' }
    );
    expect(upsert.successful.map((s) => s.created)).toEqual([false, true]);
  });

  it('exports a query across several locator pages', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => ({
      Name: `Paged ${String(i).padStart(3, '0')} Oy`,
      MRR__c: i
    }));
    await bulkIngest(t.conn, 'Account', 'insert', rows);
    const pages: number[] = [];
    const names: string[] = [];
    for await (const page of bulkQuery(
      t.conn,
      "SELECT Name, MRR__c, Owner.Name FROM Account WHERE Name LIKE 'Paged %' ORDER BY Name",
      { maxRecords: 100 }
    )) {
      pages.push(page.length);
      names.push(...page.map((r) => r.Name));
      expect(page[0]['Owner.Name']).toBe('Baton Admin');
    }
    expect(pages).toEqual([100, 100, 50]);
    expect(names[0]).toBe('Paged 000 Oy');
    expect(names[249]).toBe('Paged 249 Oy');
  });

  it('pages an unordered query after the last Id: every row once, quoted values intact', async () => {
    await bulkIngest(t.conn, 'Account', 'insert', [{ Name: 'Paged "quoted", Oy', MRR__c: 1 }]);
    const pages: number[] = [];
    const names: string[] = [];
    for await (const page of bulkQuery(
      t.conn,
      "SELECT Id, Name, MRR__c FROM Account WHERE Name LIKE 'Paged %'",
      { maxRecords: 90 }
    )) {
      pages.push(page.length);
      names.push(...page.map((r) => r.Name));
    }
    expect(pages).toEqual([90, 90, 71]);
    expect(new Set(names).size).toBe(251);
    expect(names).toContain('Paged "quoted", Oy');
    expect(names).toContain('Paged 249 Oy');
  });

  it('splits a write larger than one upload into several jobs, keeping only the asked columns', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({
      Name: `Split ${i} Oy`,
      External_Id__c: `S-${i}`,
      Description: 'x'.repeat(200)
    }));
    const jobPaths: string[] = [];
    const request = t.conn.request.bind(t.conn);
    const spy = jest.spyOn(t.conn, 'request').mockImplementation(((info: {
      url?: string;
      method?: string;
    }) => {
      if (info.method === 'POST' && info.url?.endsWith('/jobs/ingest')) jobPaths.push(info.url);
      return request(info as never);
    }) as never);
    try {
      const result = await bulkIngest(t.conn, 'Account', 'upsert', rows, {
        externalIdField: 'External_Id__c',
        resultColumns: ['External_Id__c'],
        maxUploadBytes: 2_000
      });
      expect(jobPaths.length).toBeGreaterThanOrEqual(3);
      expect(result.failed).toEqual([]);
      expect(result.successful.map((s) => s.row)).toEqual(
        rows.map((row) => ({ External_Id__c: row.External_Id__c }))
      );
    } finally {
      spy.mockRestore();
    }
    const stored = await t.conn.query("SELECT COUNT() FROM Account WHERE Name LIKE 'Split %'");
    expect(stored.totalSize).toBe(30);
  });

  it('picks REST for small results and Bulk above the threshold, with the same records', async () => {
    const soql = "SELECT Name FROM Account WHERE Name LIKE 'Paged 1%' ORDER BY Name";
    const rest = await queryAll<{ Name: string }>(t.conn, soql);
    const bulk = await queryAll<{ Name: string }>(t.conn, soql, { threshold: 10 });
    expect(rest).toHaveLength(100);
    expect(bulk.map((r) => r.Name)).toEqual(rest.map((r) => r.Name));
  });
});

describe('crash safety', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  function startServer(port: number): Promise<ChildProcess> {
    const child = spawn(
      process.execPath,
      [
        join(__dirname, '..', '..', 'bin', 'baton.js'),
        'org',
        'start',
        '--headless',
        '--port',
        String(port),
        '--data-dir',
        dataDir,
        '--no-seed'
      ],
      { env: { ...process.env, BATON_NO_SF_ALIAS: '1' }, stdio: ['ignore', 'pipe', 'pipe'] }
    );
    return new Promise((resolve, reject) => {
      child.stdout!.on(
        'data',
        (data: Buffer) => data.toString().includes('listening') && resolve(child)
      );
      child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
  }

  it('keeps committed rows and fails the job when the server dies mid-ingest', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    let server = await startServer(port);
    const auth = () =>
      JSON.parse(readFileSync(join(dataDir, 'auth.json'), 'utf8')) as {
        instanceUrl: string;
        accessToken: string;
      };
    let conn = new Connection({ ...auth(), version: '62.0' });
    const rows = Array.from({ length: 60_000 }, (_, i) => `Crash ${i} Oy,${i}`).join('\n');
    const job = await conn.request<{ id: string }>({
      method: 'POST',
      url: '/services/data/v62.0/jobs/ingest',
      body: JSON.stringify({ object: 'Account', operation: 'insert' }),
      headers: { 'Content-Type': 'application/json' }
    });
    await conn.request({
      method: 'PUT',
      url: `/services/data/v62.0/jobs/ingest/${job.id}/batches`,
      body: `Name,MRR__c\n${rows}\n`,
      headers: { 'Content-Type': 'text/csv' }
    });
    await conn.request({
      method: 'PATCH',
      url: `/services/data/v62.0/jobs/ingest/${job.id}`,
      body: JSON.stringify({ state: 'UploadComplete' }),
      headers: { 'Content-Type': 'application/json' }
    });
    for (let processed = 0; processed === 0;) {
      processed = (
        await conn.request<{ numberRecordsProcessed: number }>(
          `/services/data/v62.0/jobs/ingest/${job.id}`
        )
      ).numberRecordsProcessed;
    }
    server.kill('SIGKILL');
    await new Promise((resolve) => server.once('exit', resolve));
    server = await startServer(port);
    conn = new Connection({ ...auth(), version: '62.0' });
    const info = await conn.request<{ state: string; numberRecordsProcessed: number }>(
      `/services/data/v62.0/jobs/ingest/${job.id}`
    );
    const count = (await conn.query("SELECT COUNT() FROM Account WHERE Name LIKE 'Crash %'"))
      .totalSize;
    const unprocessed = await (
      await fetch(
        `${auth().instanceUrl}/services/data/v62.0/jobs/ingest/${job.id}/unprocessedrecords`,
        {
          headers: { Authorization: `Bearer ${auth().accessToken}` }
        }
      )
    ).text();
    server.kill('SIGTERM');
    expect(info.state).toBe('Failed');
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(60_000);
    // Whole chunks only: the transaction in flight was rolled back, not half applied.
    expect(count % 2000).toBe(0);
    expect(count).toBe(info.numberRecordsProcessed);
    // Every row not stored is listed to send again, and only those: none lost, none doubled.
    const lines = unprocessed.trimEnd().split('\n');
    expect(lines[0]).toBe('Name,MRR__c');
    expect(lines.slice(1)).toEqual(rows.split('\n').slice(count));
  }, 60_000);
});
