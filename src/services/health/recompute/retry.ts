import { retry } from '../../../org/retry';

/** Salesforce errors that pass if the same request is sent again a little later. */
export const TRANSIENT_ERRORS = [
  'UNABLE_TO_LOCK_ROW',
  'REQUEST_LIMIT_EXCEEDED',
  'SERVER_UNAVAILABLE'
];

export interface RetryOptions {
  /** Attempts after the first. */
  retries?: number;
  /** First wait; doubles each time, with jitter so parallel writers do not retry in step. */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** The Salesforce error code of a thrown error or a failed row (jsforce puts it in `name`). */
export function errorCodeOf(error: unknown): string {
  if (typeof error === 'string') {
    return error;
  }
  const candidate = error as { errorCode?: unknown; name?: unknown } | null;
  if (candidate && typeof candidate.errorCode === 'string') {
    return candidate.errorCode;
  }
  return candidate && typeof candidate.name === 'string' ? candidate.name : 'UNKNOWN';
}

export function isTransient(codeOrMessage: string): boolean {
  return TRANSIENT_ERRORS.some((code) => codeOrMessage.includes(code));
}

export function backoffDelay(attempt: number, baseDelayMs: number): number {
  return baseDelayMs * 2 ** attempt * (0.75 + Math.random() * 0.5);
}

/** Runs `call`, retrying with exponential backoff while it fails with a transient error. */
export function withRetry<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { retries = 4, baseDelayMs = 200, sleep } = options;
  return retry(call, {
    retries,
    delayMs: (attempt) => backoffDelay(attempt, baseDelayMs),
    retriable: (error) =>
      isTransient(errorCodeOf(error)) || isTransient(error instanceof Error ? error.message : ''),
    sleep
  });
}
