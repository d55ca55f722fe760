import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { startTestOrg, type TestOrg } from '../testkit/testOrg';
import { bulkIngest } from './bulk';
import { FIRST_INGEST_POLL_MS } from './bulkPolling';

// A Bulk ingest through jsforce → local org is not polled the moment its upload closes: the
// first state request waits FIRST_INGEST_POLL_MS after the close (it used to follow in ~2 ms
// and only spend an API call), and the job still completes with every row written.

jest.setTimeout(60_000);

let testOrg: TestOrg;

beforeAll(async () => {
  testOrg = await startTestOrg({ twins: false });
});

afterAll(async () => {
  await testOrg?.close();
});

it('waits before the first poll of an ingest job', async () => {
  const sent: { at: number; method: string; path: string }[] = [];
  const onRequest = (message: unknown) => {
    const { request } = message as { request: ClientRequest };
    sent.push({ at: performance.now(), method: request.method, path: request.path });
  };
  subscribe('http.client.request.start', onRequest);
  try {
    const rows = Array.from({ length: 2001 }, (_, k) => ({ Name: `Ingest ${k}` }));
    const result = await bulkIngest(testOrg.conn, 'Account', 'insert', rows);
    expect(result.failed).toEqual([]);
  } finally {
    unsubscribe('http.client.request.start', onRequest);
  }
  const close = sent.find((r) => r.method === 'PATCH' && r.path.includes('/jobs/ingest/'))!;
  const firstPoll = sent.find(
    (r) => r.method === 'GET' && /\/jobs\/ingest\/[^/]+$/.test(r.path) && r.at > close.at
  )!;
  expect(firstPoll.at - close.at).toBeGreaterThanOrEqual(FIRST_INGEST_POLL_MS - 5);
  const count = await testOrg.conn.query("SELECT COUNT() FROM Account WHERE Name LIKE 'Ingest %'");
  expect(count.totalSize).toBe(2001);
});
