import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startTestOrg, type TestOrg } from '../../testkit/testOrg';
import { recoverBulkJobs } from './routes';

// Bulk jobs as Salesforce keeps them: a job belongs to its creator (another user cannot read,
// append to, close or abort it, and its rows run as the creator whoever closes it), takes one
// upload, refuses an upload over the cap, and its files go when it is deleted.
jest.setTimeout(30_000);

let t: TestOrg;
beforeAll(async () => {
  // The documented setting, small enough for a test to cross.
  process.env.BATON_ORG_MAX_UPLOAD_MB = '1';
  t = await startTestOrg({ twins: false });
});
afterAll(async () => {
  delete process.env.BATON_ORG_MAX_UPLOAD_MB;
  await t.close();
});

type Persona = 'seller' | 'accountManager' | 'admin';
const tokenOf = (persona: Persona) => t.org.users.find((u) => u.persona === persona)!.token;
const jobs = () => `${t.org.instanceUrl}/services/data/v62.0/jobs/ingest`;

async function call(
  persona: Persona,
  method: string,
  path: string,
  body?: unknown
): Promise<{ status: number; body: unknown }> {
  const csv = typeof body === 'string';
  const response = await fetch(jobs() + path, {
    method,
    headers: {
      Authorization: `Bearer ${tokenOf(persona)}`,
      'Content-Type': csv ? 'text/csv' : 'application/json'
    },
    body: body === undefined ? undefined : csv ? body : JSON.stringify(body)
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text.startsWith('[') || text.startsWith('{') ? JSON.parse(text) : text
  };
}

const errorCode = (answer: { body: unknown }) =>
  (answer.body as { errorCode: string }[])[0].errorCode;

async function openJob(persona: Persona, object: string): Promise<string> {
  const job = await call(persona, 'POST', '', { object, operation: 'insert' });
  return (job.body as { id: string }).id;
}

async function finished(persona: Persona, id: string) {
  for (;;) {
    const info = (await call(persona, 'GET', `/${id}`)).body as { state: string };
    if (['JobComplete', 'Failed', 'Aborted'].includes(info.state)) return info;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Bulk job safety', () => {
  it("hides a job from other users, and runs its rows as its creator's whoever closes it", async () => {
    const id = await openJob('seller', 'Account');
    for (const [method, path, body] of [
      ['GET', `/${id}`, undefined],
      ['PUT', `/${id}/batches`, 'Name\nIntruder Oy\n'],
      ['PATCH', `/${id}`, { state: 'Aborted' }],
      ['GET', `/${id}/successfulResults`, undefined]
    ] as const) {
      const answer = await call('accountManager', method, path, body);
      expect([method, path, answer.status, errorCode(answer)]).toEqual([
        method,
        path,
        404,
        'NOT_FOUND'
      ]);
    }
    expect((await call('seller', 'PUT', `/${id}/batches`, 'Name\nSeller Job Oy\n')).status).toBe(
      201
    );
    expect((await call('admin', 'PATCH', `/${id}`, { state: 'UploadComplete' })).status).toBe(200);
    await finished('seller', id);
    const seller = t.org.users.find((u) => u.persona === 'seller')!;
    const row = await t.conn.query<{ CreatedById: string }>(
      "SELECT CreatedById FROM Account WHERE Name = 'Seller Job Oy'"
    );
    expect(row.records.map((r) => r.CreatedById)).toEqual([seller.id]);

    // A seller's job granting itself the admin permission set fails, though the admin closes it.
    const admin = (
      await t.conn.query<{ Id: string }>("SELECT Id FROM PermissionSet WHERE Name = 'Baton_Admin'")
    ).records[0].Id;
    const grant = await openJob('seller', 'PermissionSetAssignment');
    await call(
      'seller',
      'PUT',
      `/${grant}/batches`,
      `AssigneeId,PermissionSetId\n${seller.id},${admin}\n`
    );
    await call('admin', 'PATCH', `/${grant}`, { state: 'UploadComplete' });
    expect(await finished('seller', grant)).toMatchObject({ numberRecordsFailed: 1 });
    const granted = await t.conn.query(
      `SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = '${seller.id}' AND PermissionSetId = '${admin}'`
    );
    expect(granted.totalSize).toBe(0);
  });

  it('takes one upload per job: a second one is never appended and closing answers INVALIDJOB', async () => {
    const id = await openJob('seller', 'Account');
    await call('seller', 'PUT', `/${id}/batches`, 'Name\nFirst Upload Oy\n');
    expect((await call('seller', 'PUT', `/${id}/batches`, 'Name\nSecond Upload Oy\n')).status).toBe(
      201
    );
    const close = await call('seller', 'PATCH', `/${id}`, { state: 'UploadComplete' });
    expect([close.status, errorCode(close)]).toEqual([400, 'INVALIDJOB']);
    const stored = await t.conn.query(
      "SELECT Id FROM Account WHERE Name IN ('First Upload Oy', 'Second Upload Oy', 'Name')"
    );
    expect(stored.totalSize).toBe(0);
  });

  it('answers 413 to an upload over the cap and keeps nothing of it', async () => {
    const id = await openJob('seller', 'Account');
    const rows = 'Name\n' + 'Capped Oy\n'.repeat(120_000);
    const answer = await call('seller', 'PUT', `/${id}/batches`, rows);
    expect([answer.status, errorCode(answer)]).toEqual([413, 'REQUEST_LIMIT_EXCEEDED']);
    expect(JSON.stringify(answer.body)).toContain('BATON_ORG_MAX_UPLOAD_MB');
    const close = await call('seller', 'PATCH', `/${id}`, { state: 'UploadComplete' });
    expect([close.status, errorCode(close)]).toEqual([400, 'INVALIDJOBSTATE']);
  });

  it("deletes a finished job's files with the job", async () => {
    const id = await openJob('seller', 'Account');
    await call('seller', 'PUT', `/${id}/batches`, 'Name\nDeleted Job Oy\n');
    await call('seller', 'PATCH', `/${id}`, { state: 'UploadComplete' });
    await finished('seller', id);
    const bulk = join(t.org.core.dataDir, 'bulk');
    const files = () => readdirSync(bulk).filter((name) => name.startsWith(`${id}.`));
    expect(files().length).toBeGreaterThan(0);
    expect((await call('accountManager', 'DELETE', `/${id}`)).status).toBe(404);
    expect((await call('seller', 'DELETE', `/${id}`)).status).toBe(204);
    expect(files()).toEqual([]);
    expect((await call('seller', 'GET', `/${id}`)).status).toBe(404);
    expect(existsSync(bulk)).toBe(true);
  });

  it('deletes jobs finished more than 7 days ago, with their files, when the org starts', async () => {
    const id = await openJob('seller', 'Account');
    await call('seller', 'PUT', `/${id}/batches`, 'Name\nOld Job Oy\n');
    await call('seller', 'PATCH', `/${id}`, { state: 'UploadComplete' });
    await finished('seller', id);
    const bulk = join(t.org.core.dataDir, 'bulk');
    const files = () => readdirSync(bulk).filter((name) => name.startsWith(`${id}.`));
    recoverBulkJobs(t.org.core, new Date(Date.now() + 6 * 86_400_000));
    expect((await call('seller', 'GET', `/${id}`)).status).toBe(200);
    recoverBulkJobs(t.org.core, new Date(Date.now() + 8 * 86_400_000));
    expect((await call('seller', 'GET', `/${id}`)).status).toBe(404);
    expect(files()).toEqual([]);
  });
});
