const RETRIES = 3;

/** A request that never got an answer (connection reset, keep-alive race, 503): safe to resend. */
const isTransport = (error: unknown) =>
  /socket hang up|ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|Service Unavailable|503/i.test(
    `${(error as Error)?.name} ${(error as Error)?.message}`
  );

/**
 * Runs an idempotent request again when it was lost in transport: a read, an update, an
 * upsert by key or a delete (a keep-alive connection the server closed while we computed
 * shows up as "socket hang up" on the next request).
 */
export async function withTransportRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= RETRIES || !isTransport(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
}
