/**
 * Wait before the first poll of an ingest job: one of more than BULK_WRITE_THRESHOLD rows is
 * never done the moment its upload is closed (100 000 rows take seconds on the local org and
 * longer on a real one), so a poll sent then only spent an API call.
 */
export const FIRST_INGEST_POLL_MS = 250;
/** Polls of a Bulk job's state before it reports progress: 50 ms, doubling up to this. */
export const MAX_BACKOFF_MS = 2_000;
/**
 * Longest sleep between polls once the job's own progress gives an estimate. The org shares
 * its time between jobs (a recompute reads its next wave while it writes this one), so a rate
 * seen while it was shared can overshoot by seconds once it is free: with a 10 s bound, a
 * million-account recompute had both processes idle for ~5 s, waiting on a finished job.
 */
export const MAX_ESTIMATED_WAIT_MS = 1_500;
const MIN_WAIT_MS = 50;
/**
 * Share of the estimated remaining time slept. The rate seen at the first polls includes the
 * job's start (reading its upload), so the full estimate overshot: a 100 000-row snapshot
 * upsert ended ~3 s after its upload and was polled ~8 s later. Sleeping half the estimate
 * lands polls closer to the end for one or two polls more per job.
 */
const ESTIMATE_SHARE = 0.5;
/** Remaining estimates up to this are slept whole. */
const WHOLE_BELOW_MS = 1_000;

/**
 * How long to sleep before polling a Bulk job again. Every poll is an API call, and a long
 * ingest (100 000 health snapshots) polled every 2 s spent more calls waiting than working.
 * Once the job reports rows processed, the wait is half the time the rest should take at the
 * rate so far (bounded), so a job is polled a handful of times whatever its length, and the
 * last poll lands near its end. Without progress to go by, the usual doubling backoff.
 */
export function nextPollDelay(
  previousMs: number,
  progress: { processed: number; expected?: number; elapsedMs: number }
): number {
  const { processed, expected, elapsedMs } = progress;
  if (expected && processed > 0 && processed < expected) {
    const remainingMs = ((expected - processed) * elapsedMs) / processed;
    // Near the end, where halving would add polls for little, the whole estimate is slept.
    const sleepMs = Math.max(remainingMs * ESTIMATE_SHARE, Math.min(remainingMs, WHOLE_BELOW_MS));
    return Math.round(Math.min(MAX_ESTIMATED_WAIT_MS, Math.max(MIN_WAIT_MS, sleepMs)));
  }
  return Math.min(Math.max(MIN_WAIT_MS, previousMs * 2), MAX_BACKOFF_MS);
}
