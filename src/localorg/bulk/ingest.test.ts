import { readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvRecords } from '../../org/csvRecords';
import { startTestOrg, type TestOrg } from '../../testkit/testOrg';

// The result files echo each row as it was sent (its text, not its cells quoted again): these
// pin that the echo is the sent line, byte for byte, and reads back as the values sent.
let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg({ twins: false });
});
afterAll(() => t.close());

const base = () => `${t.conn.instanceUrl}/services/data/v62.0/jobs/ingest`;
const jsonHeaders = () => ({
  Authorization: `Bearer ${t.conn.accessToken}`,
  'Content-Type': 'application/json'
});

async function ingest(object: string, csv: string, abort = false): Promise<Record<string, string>> {
  const headers = jsonHeaders();
  const url = base();
  const job = (await (
    await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ object, operation: 'insert' })
    })
  ).json()) as { id: string };
  await fetch(`${url}/${job.id}/batches`, {
    method: 'PUT',
    headers: { ...headers, 'Content-Type': 'text/csv' },
    body: csv
  });
  for (const state of abort ? ['UploadComplete', 'Aborted'] : ['UploadComplete'])
    await fetch(`${url}/${job.id}`, { method: 'PATCH', headers, body: JSON.stringify({ state }) });
  let info: { state: string; numberRecordsProcessed: number };
  for (;;) {
    info = (await (await fetch(`${url}/${job.id}`, { headers })).json()) as typeof info;
    if (info.state === 'JobComplete' || (abort && info.state === 'Aborted')) break;
    if (info.state === 'Failed') throw new Error('ingest failed');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { ...(await results(job.id)), state: info.state };
}

async function results(id: string): Promise<Record<string, string>> {
  const file = async (kind: string) =>
    (await fetch(`${base()}/${id}/${kind}`, { headers: jsonHeaders() })).text();
  return {
    id,
    success: await file('successfulResults'),
    failed: await file('failedResults'),
    unprocessed: await file('unprocessedrecords')
  };
}

describe('Bulk ingest result files', () => {
  it('echo each row as it was sent: quoted commas, quotes, line breaks and JSON', async () => {
    const header = 'Name,Description,External_Id__c';
    const good = [
      '"Acme, ""the"" Oy","{""measures"":[[0,20,0.66],[4,10,""Positive""]]}",Echo-1',
      '"Two\nLines Oy","cr\r\nlf, and ""more""",Echo-2',
      'Plain Oy,,Echo-3',
      // Quoted though it needs no quotes: echoed as sent all the same.
      '"Quoted Oy","x",Echo-4'
    ];
    const bad = ',"no name, ""so"" no record",Echo-5';
    // Sent with CRLF line ends; the results end their lines with LF.
    const files = await ingest('Account', [header, ...good, bad].join('\r\n') + '\r\n');

    const stored = await t.conn.query<{ Id: string; External_Id__c: string; Name: string }>(
      "SELECT Id, External_Id__c, Name FROM Account WHERE External_Id__c LIKE 'Echo-%' ORDER BY External_Id__c"
    );
    const ids = stored.records.map((r) => r.Id);
    expect(stored.records.map((r) => r.Name)).toEqual([
      'Acme, "the" Oy',
      'Two\nLines Oy',
      'Plain Oy',
      'Quoted Oy'
    ]);
    expect(files.success).toBe(
      [`sf__Id,sf__Created,${header}`, ...good.map((line, i) => `${ids[i]},true,${line}`)]
        .map((line) => `${line}\n`)
        .join('')
    );
    expect(files.failed).toBe(
      `sf__Id,sf__Error,${header}\n` +
        `,REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name,${bad}\n`
    );
    // Read back, the echoed rows are the values sent.
    expect(parseCsvRecords(files.success).map((r) => [r.Name, r.Description])).toEqual([
      ['Acme, "the" Oy', '{"measures":[[0,20,0.66],[4,10,"Positive"]]}'],
      ['Two\nLines Oy', 'cr\r\nlf, and "more"'],
      ['Plain Oy', ''],
      ['Quoted Oy', 'x']
    ]);
  });

  it('echo the rows an abort left unprocessed as they were sent, after the processed ones', async () => {
    const header = 'Name,Description,External_Id__c';
    const lines = Array.from({ length: 60_000 }, (_, i) =>
      // Quoted as sent, a needless pair of quotes included.
      i % 2 ? `Abort ${i} Oy,,Abort-${i}` : `"Abort ${i}, ""Oy""","a\nb","Abort-${i}"`
    );
    let files = await ingest('Account', [header, ...lines].join('\n') + '\n', true);
    expect(files.state).toBe('Aborted');
    // The job stops between chunks, then echoes the rest: wait until every row is accounted for.
    const count = (csv: string) => parseCsvRecords(csv).length;
    for (let tries = 0; tries < 100; tries++) {
      if (count(files.success) + count(files.unprocessed) === lines.length) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
      files = await results(files.id);
    }
    const done = count(files.success);
    expect(done).toBeLessThan(lines.length);
    expect(done % 2_000).toBe(0);
    expect(files.unprocessed).toBe([header, ...lines.slice(done)].join('\n') + '\n');
  });

  it('are not written twice: the org keeps a short outcome per row and joins the upload when asked', async () => {
    const header = 'Name,Description,External_Id__c';
    const note = `"{""measures"":[${'[0,20,0.66,72,5.1],'.repeat(20)}[1,10]]}"`;
    const lines = Array.from({ length: 3_000 }, (_, i) =>
      i === 7 ? `,${note},Twice-${i}` : `Twice ${i} Oy,${note},Twice-${i}`
    );
    const files = await ingest('Account', [header, ...lines].join('\n') + '\n');
    const success = parseCsvRecords(files.success);
    expect(success).toHaveLength(2_999);
    expect(success[7].External_Id__c).toBe('Twice-8');
    expect(files.success.split('\n')[8]).toBe(`${success[7].sf__Id},true,${lines[8]}`);
    // On disk: the upload once, and per row an Id and a flag (~24 bytes), not the row again.
    const bulk = join(t.org.core.dataDir, 'bulk');
    const sizes = readdirSync(bulk)
      .filter((name) => name.startsWith(`${files.id}.`))
      .map((name) => [name.slice(files.id.length + 1), statSync(join(bulk, name)).size] as const);
    const uploaded = Buffer.byteLength([header, ...lines].join('\n')) + 1;
    const total = sizes.reduce((sum, [, size]) => sum + size, 0);
    expect(Object.fromEntries(sizes)['data.csv']).toBe(uploaded);
    expect(total - uploaded).toBeLessThan(3_000 * 30 + Buffer.byteLength(note) * 2);
  });

  it('still serve the success file of a job processed by an older local org', async () => {
    const files = await ingest('Account', 'Name,External_Id__c\nOld Oy,Old-1\n');
    const bulk = join(t.org.core.dataDir, 'bulk');
    // As an older org left it: a success file, no outcomes file.
    renameSync(join(bulk, `${files.id}.outcomes.csv`), join(bulk, `${files.id}.moved.csv`));
    writeFileSync(join(bulk, `${files.id}.success.csv`), files.success);
    expect(files.success).toMatch(
      /^sf__Id,sf__Created,Name,External_Id__c\n\w{18},true,Old Oy,Old-1\n$/
    );
    expect((await results(files.id)).success).toBe(files.success);
  });
});
