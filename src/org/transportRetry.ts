import { retry } from './retry';

const RETRIES = 3;

const TRANSPORT = /socket hang up|ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|Service Unavailable|503/i;

/**
 * A request that never got an answer (connection reset, keep-alive race, 503): safe to resend.
 * jsforce says so in its message; Node's fetch (Bulk uploads and result files) throws
 * "fetch failed" with the socket's error as its cause.
 */
function isTransport(error: unknown): boolean {
  const { name, message, cause } = (error ?? {}) as Error & { cause?: unknown };
  return TRANSPORT.test(`${name} ${message}`) || (cause !== undefined && isTransport(cause));
}

/**
 * Runs an idempotent request again when it was lost in transport: a read, an update, an
 * upsert by key or a delete (a keep-alive connection the server closed while we computed
 * shows up as "socket hang up" on the next request).
 */
export const withTransportRetry = <T>(work: () => Promise<T>): Promise<T> =>
  retry(work, {
    retries: RETRIES,
    delayMs: (attempt) => 100 * 2 ** attempt,
    retriable: isTransport
  });
