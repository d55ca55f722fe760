import { withTransportRetry } from './transportRetry';

/** A request that fails `times` times with `error`, then answers. */
function flaky(times: number, error: () => Error) {
  let calls = 0;
  const work = jest.fn(async () => {
    if (++calls <= times) throw error();
    return 'answered';
  });
  return work;
}

describe('withTransportRetry', () => {
  it('resends a request jsforce lost in transport', async () => {
    const work = flaky(2, () => new Error('socket hang up'));
    await expect(withTransportRetry(work)).resolves.toBe('answered');
    expect(work).toHaveBeenCalledTimes(3);
  });

  it("resends a fetch whose socket was reset (undici's error carries it as its cause)", async () => {
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const work = flaky(1, () => new TypeError('fetch failed', { cause: reset }));
    await expect(withTransportRetry(work)).resolves.toBe('answered');
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('does not resend what the org answered with an error', async () => {
    const work = flaky(1, () => new Error('INVALID_FIELD: No such column'));
    await expect(withTransportRetry(work)).rejects.toThrow('INVALID_FIELD');
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('gives up after three resends', async () => {
    const work = flaky(10, () => new Error('ECONNREFUSED'));
    await expect(withTransportRetry(work)).rejects.toThrow('ECONNREFUSED');
    expect(work).toHaveBeenCalledTimes(4);
  });
});
