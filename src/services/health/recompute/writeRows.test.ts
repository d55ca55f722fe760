import type { OrgAccess, Row, RowResult } from './orgAccess';
import { withRetry } from './retry';
import { writeRows } from './writeRows';

/** An org whose writes fail per row as scripted: one error code per attempt, then success. */
function scriptedOrg(script: Record<string, string[]>) {
  const sent: string[][] = [];
  const write = async (_object: string, rows: Row[]): Promise<RowResult[]> => {
    sent.push(rows.map((row) => String(row.Id)));
    return rows.map((row) => {
      const code = script[String(row.Id)]?.shift();
      return code
        ? { success: false, errorCode: code, message: `${code} on ${row.Id}` }
        : { success: true };
    });
  };
  const org = {
    update: write,
    upsert: (object: string, _field: string, rows: Row[]) => write(object, rows)
  } as unknown as OrgAccess;
  return { org, sent };
}

const noWait = { sleep: async () => undefined };
const job = (ids: string[]) => ({
  object: 'Account',
  rows: ids.map((Id) => ({ Id })),
  accountOf: (row: Row) => String(row.Id)
});

describe('writeRows', () => {
  it('resends only the rows that hit a lock, until they pass', async () => {
    const { org, sent } = scriptedOrg({ a2: ['UNABLE_TO_LOCK_ROW', 'UNABLE_TO_LOCK_ROW'] });

    const failures = await writeRows(org, job(['a1', 'a2', 'a3']), noWait);

    expect(failures).toEqual([]);
    expect(sent).toEqual([['a1', 'a2', 'a3'], ['a2'], ['a2']]);
  });

  it('reports a row that keeps failing, with its reason, after the last retry', async () => {
    const { org } = scriptedOrg({ a1: Array(10).fill('UNABLE_TO_LOCK_ROW') });

    const failures = await writeRows(org, job(['a1', 'a2']), { ...noWait, retries: 2 });

    expect(failures).toEqual([
      {
        accountId: 'a1',
        object: 'Account',
        errorCode: 'UNABLE_TO_LOCK_ROW',
        message: 'UNABLE_TO_LOCK_ROW on a1'
      }
    ]);
  });

  it('does not retry a permanent error', async () => {
    const { org, sent } = scriptedOrg({ a1: ['STRING_TOO_LONG'] });

    const failures = await writeRows(org, job(['a1']), noWait);

    expect(failures.map((failure) => failure.errorCode)).toEqual(['STRING_TOO_LONG']);
    expect(sent).toHaveLength(1);
  });

  it('retries a whole request refused for the request limit', async () => {
    let calls = 0;
    const flaky = async () => {
      calls++;
      if (calls < 3)
        throw Object.assign(new Error('TotalRequests Limit exceeded.'), {
          name: 'REQUEST_LIMIT_EXCEEDED'
        });
      return 'ok';
    };
    await expect(withRetry(flaky, noWait)).resolves.toBe('ok');
    expect(calls).toBe(3);
  });
});
