/** Polls of a Bulk job's state before it reports progress: 50 ms, doubling up to this. */
export const MAX_BACKOFF_MS = 2_000;
/** Longest sleep between polls once the job's own progress gives an estimate. */
export const MAX_ESTIMATED_WAIT_MS = 10_000;
const MIN_WAIT_MS = 50;

/**
 * How long to sleep before polling a Bulk job again. Every poll is an API call, and a long
 * ingest (100 000 health snapshots) polled every 2 s spent more calls waiting than working.
 * Once the job reports rows processed, the wait is the time the rest should take at the rate
 * so far (bounded), so a job is polled a handful of times whatever its length, and the last
 * poll lands near its end. Without progress to go by, the usual doubling backoff.
 */
export function nextPollDelay(
  previousMs: number,
  progress: { processed: number; expected?: number; elapsedMs: number }
): number {
  const { processed, expected, elapsedMs } = progress;
  if (expected && processed > 0 && processed < expected) {
    const remainingMs = ((expected - processed) * elapsedMs) / processed;
    return Math.round(Math.min(MAX_ESTIMATED_WAIT_MS, Math.max(MIN_WAIT_MS, remainingMs)));
  }
  return Math.min(Math.max(MIN_WAIT_MS, previousMs * 2), MAX_BACKOFF_MS);
}
