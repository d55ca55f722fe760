import { MAX_BACKOFF_MS, MAX_ESTIMATED_WAIT_MS, nextPollDelay } from './bulkPolling';

describe('nextPollDelay', () => {
  it('doubles up to the backoff cap while the job reports no progress', () => {
    expect(nextPollDelay(50, { processed: 0, expected: 1000, elapsedMs: 50 })).toBe(100);
    expect(nextPollDelay(1600, { processed: 0, elapsedMs: 3000 })).toBe(MAX_BACKOFF_MS);
    expect(nextPollDelay(MAX_BACKOFF_MS, { processed: 0, elapsedMs: 9000 })).toBe(MAX_BACKOFF_MS);
  });

  it('sleeps half the time the remaining rows take at the rate so far', () => {
    // 50 000 of 100 000 rows in 2.4 s: the other 50 000 need about 2.4 s; half of it is
    // slept, since the early rate includes the job's start and overestimates the rest.
    expect(nextPollDelay(100, { processed: 50_000, expected: 100_000, elapsedMs: 2400 })).toBe(
      1200
    );
  });

  it('never sleeps past the cap, however slow the job has been: the org may free up', () => {
    // 20 000 of 100 000 in 2 s (the org was busy with another job): 8 s left at that rate.
    expect(nextPollDelay(100, { processed: 20_000, expected: 100_000, elapsedMs: 2000 })).toBe(
      1500
    );
  });

  it('sleeps the whole estimate when little is left, rather than polling again and again', () => {
    // 90 000 of 100 000 in 2.7 s: the rest needs ~300 ms.
    expect(nextPollDelay(100, { processed: 90_000, expected: 100_000, elapsedMs: 2700 })).toBe(300);
    // 1.6 s left: half is 800 ms, so the whole second's floor applies.
    expect(nextPollDelay(100, { processed: 50_000, expected: 100_000, elapsedMs: 1600 })).toBe(
      1000
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
