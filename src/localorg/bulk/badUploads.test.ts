import { startTestOrg, type TestOrg } from '../../testkit/testOrg';

// An upload that cannot be read fails its job with the line to fix, and stores none of it.
let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg({ twins: false });
});
afterAll(() => t.close());

interface JobInfo {
  state: string;
  errorMessage?: string;
  numberRecordsProcessed: number;
}

async function ingest(csv: string | Blob): Promise<JobInfo> {
  const url = `${t.conn.instanceUrl}/services/data/v62.0/jobs/ingest`;
  const headers = { Authorization: `Bearer ${t.conn.accessToken}` };
  const json = { ...headers, 'Content-Type': 'application/json' };
  const post = await fetch(url, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ object: 'Account', operation: 'insert' })
  });
  const job = (await post.json()) as { id: string };
  await fetch(`${url}/${job.id}/batches`, {
    method: 'PUT',
    headers: { ...headers, 'Content-Type': 'text/csv' },
    body: csv
  });
  const state = JSON.stringify({ state: 'UploadComplete' });
  await fetch(`${url}/${job.id}`, { method: 'PATCH', headers: json, body: state });
  for (;;) {
    const info = (await (await fetch(`${url}/${job.id}`, { headers })).json()) as JobInfo;
    if (info.state === 'JobComplete' || info.state === 'Failed') return info;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const storedNamed = async (prefix: string) =>
  (await t.conn.query(`SELECT Id FROM Account WHERE Name LIKE '${prefix}%'`)).totalSize;

describe('a Bulk upload that cannot be read', () => {
  it('fails on a quote that never closes, naming its line, with nothing stored', async () => {
    const lines = ['Name,Description', 'Unclosed Oy,fine', 'Unclosed Ab,"never closed'];
    for (let i = 0; i < 300_000; i++) lines.push(`Unclosed ${i},plain`);
    const csv = lines.join('\n') + '\n';
    expect(csv.length).toBeGreaterThan(4 * 1024 * 1024);
    const info = await ingest(csv);
    expect(info).toMatchObject({
      state: 'Failed',
      errorMessage: 'CSV line 3: a quoted field starts here and never closes',
      numberRecordsProcessed: 0
    });
    expect(await storedNamed('Unclosed')).toBe(0);
  });

  it('fails on bytes that are not UTF-8, naming their line, instead of storing U+FFFD', async () => {
    const info = await ingest(
      new Blob([Buffer.from('Name\nLatin Oy\nK\xe4\xe4pa Oy\n', 'latin1')])
    );
    expect(info).toMatchObject({
      state: 'Failed',
      errorMessage: 'CSV line 3: the file is not valid UTF-8'
    });
    expect(await storedNamed('Latin')).toBe(0);
  });
});
