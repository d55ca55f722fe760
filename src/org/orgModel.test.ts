import type { Connection } from 'jsforce';
import { BatonError, MDT_TYPES } from '../core';
import { modelRecords } from './orgModel';

// The model read as one /composite/batch call, against a connection that answers as an org
// does: a type the org lacks is named, and a type whose records fill more than a page is
// read on by its next page.

const ok = (records: Record<string, unknown>[], next?: string) => ({
  statusCode: 200,
  result: { records, done: !next, nextRecordsUrl: next }
});

function connection(results: unknown[], more: Record<string, unknown>[] = []) {
  return {
    version: '62.0',
    requestPost: jest.fn(async () => ({ hasErrors: false, results })),
    queryMore: jest.fn(async () => ({ records: more, done: true }))
  } as unknown as Connection & { requestPost: jest.Mock; queryMore: jest.Mock };
}

describe('modelRecords', () => {
  it('asks for every type in one batch and follows a next page', async () => {
    const results = MDT_TYPES.map((_type, k) =>
      k === 1
        ? ok([{ attributes: { type: 'x' }, DeveloperName: 'A' }], '/next')
        : ok([{ DeveloperName: `R${k}` }])
    );
    const conn = connection(results, [{ DeveloperName: 'B' }]);
    const records = await modelRecords(conn);
    expect(conn.requestPost).toHaveBeenCalledTimes(1);
    const [url, body] = conn.requestPost.mock.calls[0] as [string, { batchRequests: unknown[] }];
    expect(url).toBe('/services/data/v62.0/composite/batch');
    expect(body.batchRequests).toHaveLength(MDT_TYPES.length);
    expect(conn.queryMore).toHaveBeenCalledWith('/next');
    expect(records[MDT_TYPES[1]]).toEqual([{ DeveloperName: 'A' }, { DeveloperName: 'B' }]);
    expect(records[MDT_TYPES[0]]).toEqual([{ DeveloperName: 'R0' }]);
  });

  it('names a type the org lacks (Baton not deployed)', async () => {
    const results = MDT_TYPES.map((type, k) =>
      k === 2
        ? {
            statusCode: 400,
            result: [
              { errorCode: 'INVALID_TYPE', message: `sObject type '${type}' is not supported` }
            ]
          }
        : ok([])
    );
    const error = await modelRecords(connection(results)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatonError);
    expect((error as BatonError).message).toContain(`The org has no ${MDT_TYPES[2]}`);
  });
});
