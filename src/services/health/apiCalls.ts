import type { Connection } from 'jsforce';

type Transport = { httpRequest: (...args: unknown[]) => unknown };

/**
 * Counts the HTTP requests one connection sends: REST queries, sobject and collection
 * calls, Bulk 2.0 job steps and Chatter posts all go through the connection's transport.
 * Bulk result files are fetched with plain `fetch` (src/org/bulk.ts pages them itself), so
 * requests to the connection's instance through `fetch` are counted too. Counting here
 * reports what the org counts against its API limit, without the two extra /limits calls a
 * before/after comparison would cost (and /limits lags on real orgs).
 */
export function countApiCalls(conn: Connection): { count: () => number; stop: () => void } {
  let calls = 0;
  const transport = (conn as unknown as { _transport: Transport })._transport;
  const original = transport.httpRequest;
  transport.httpRequest = function countedRequest(this: unknown, ...args: unknown[]) {
    calls++;
    return original.apply(this, args);
  };
  const originalFetch = globalThis.fetch;
  const instance = conn.instanceUrl;
  globalThis.fetch = function countedFetch(input, init) {
    const url = input instanceof Request ? input.url : String(input);
    if (instance && url.startsWith(instance)) calls++;
    return originalFetch(input, init);
  };
  return {
    count: () => calls,
    stop: () => {
      transport.httpRequest = original;
      globalThis.fetch = originalFetch;
    }
  };
}
