import type { Connection } from 'jsforce';
import { bulkQuery } from './bulk';

/** A connection that answers each job request with the next of `states` (JobComplete once they run out). */
function fakeConnection(states: string[]) {
  const requests: string[] = [];
  const conn = {
    version: '62.0',
    instanceUrl: 'https://example.my.salesforce.com',
    accessToken: 'token',
    request: jest.fn(async (request: string | { method: string; url: string }) => {
      const url = typeof request === 'string' ? request : request.url;
      requests.push(typeof request === 'string' ? `GET ${url}` : `${request.method} ${url}`);
      return { id: '750000000000001AAA', state: states.shift() ?? 'JobComplete' };
    })
  };
  return { conn: conn as unknown as Connection, requests };
}

describe('bulkQuery', () => {
  afterEach(() => jest.restoreAllMocks());

  const page = () =>
    jest.spyOn(globalThis, 'fetch').mockImplementation(
      async () =>
        new Response('Id,Name\n001000000000001AAA,Aalto Oy\n', {
          headers: { 'Sforce-Locator': 'null' }
        })
    );

  it('polls a job Salesforce reports as still running, and reads its results once complete', async () => {
    const { conn, requests } = fakeConnection(['UploadComplete', 'InProgress', 'JobComplete']);
    const fetched = page();
    const records = [];
    for await (const batch of bulkQuery(conn, 'SELECT Id, Name FROM Account'))
      records.push(...batch);
    expect(records).toEqual([{ Id: '001000000000001AAA', Name: 'Aalto Oy' }]);
    expect(requests).toEqual([
      'POST /services/data/v62.0/jobs/query',
      'GET /services/data/v62.0/jobs/query/750000000000001AAA',
      'GET /services/data/v62.0/jobs/query/750000000000001AAA'
    ]);
    expect(fetched).toHaveBeenCalledTimes(1);
  });

  it('reads a job that is complete as it is created without asking for its state again', async () => {
    const { conn, requests } = fakeConnection(['JobComplete']);
    page();
    const records = [];
    for await (const batch of bulkQuery(conn, 'SELECT Id, Name FROM Account'))
      records.push(...batch);
    expect(records).toHaveLength(1);
    expect(requests).toEqual(['POST /services/data/v62.0/jobs/query']);
  });
});
