/** How to run a call again: how many more times, how long to wait first, and for which errors. */
export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  /** The wait before attempt `attempt + 1` (0-based). */
  delayMs: (attempt: number) => number;
  /** Whether this error may pass if the same call is made again. */
  retriable: (error: unknown) => boolean;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `call`, again after each retriable failure while retries are left; the last error is thrown. */
export async function retry<T>(call: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  const sleep = policy.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= policy.retries || !policy.retriable(error)) throw error;
      await sleep(policy.delayMs(attempt));
    }
  }
}
