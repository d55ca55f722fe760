import { MAX_BACKOFF_MS, MAX_ESTIMATED_WAIT_MS, nextPollDelay } from './bulkPolling';

describe('nextPollDelay', () => {
  it('doubles up to the backoff cap while the job reports no progress', () => {
    expect(nextPollDelay(50, { processed: 0, expected: 1000, elapsedMs: 50 })).toBe(100);
    expect(nextPollDelay(1600, { processed: 0, elapsedMs: 3000 })).toBe(MAX_BACKOFF_MS);
    expect(nextPollDelay(MAX_BACKOFF_MS, { processed: 0, elapsedMs: 9000 })).toBe(MAX_BACKOFF_MS);
  });

  it('sleeps about the time the remaining rows take at the rate so far', () => {
    // 20 000 of 100 000 rows in 2 s: the other 80 000 need about 8 s.
    expect(nextPollDelay(100, { processed: 20_000, expected: 100_000, elapsedMs: 2000 })).toBe(
      8000
    );
  });

  it('bounds the estimate: never longer than the cap, never a busy loop', () => {
    expect(nextPollDelay(100, { processed: 1, expected: 100_000, elapsedMs: 1000 })).toBe(
      MAX_ESTIMATED_WAIT_MS
    );
    expect(nextPollDelay(100, { processed: 99_999, expected: 100_000, elapsedMs: 10 })).toBe(50);
  });

  it('falls back to the backoff once every row is processed but the job is not closed', () => {
    expect(nextPollDelay(8000, { processed: 500, expected: 500, elapsedMs: 9000 })).toBe(
      MAX_BACKOFF_MS
    );
  });
});
