import { retry } from './retry';

describe('retry', () => {
  const failing = (errors: Error[]) => {
    let calls = 0;
    const call = async () => {
      const error = errors[calls++];
      if (error) throw error;
      return calls;
    };
    return { call, calls: () => calls };
  };

  it('calls again after a retriable error, waiting as the policy says', async () => {
    const waits: number[] = [];
    const { call } = failing([new Error('busy'), new Error('busy')]);
    const result = await retry(call, {
      retries: 3,
      delayMs: (attempt) => 10 * 2 ** attempt,
      retriable: (error) => (error as Error).message === 'busy',
      sleep: async (ms) => void waits.push(ms)
    });
    expect([result, waits]).toEqual([3, [10, 20]]);
  });

  it('throws at once for another error, and the last one when retries run out', async () => {
    const policy = {
      retries: 1,
      delayMs: () => 0,
      retriable: (error: unknown) => (error as Error).message === 'busy',
      sleep: async () => undefined
    };
    const other = failing([new Error('bad')]);
    await expect(retry(other.call, policy)).rejects.toThrow('bad');
    expect(other.calls()).toBe(1);
    const busy = failing([new Error('busy'), new Error('busy'), new Error('busy')]);
    await expect(retry(busy.call, policy)).rejects.toThrow('busy');
    expect(busy.calls()).toBe(2);
  });
});
