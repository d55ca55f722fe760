import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import type { Connection } from 'jsforce';

/**
 * Counts the HTTP requests sent to one connection's org: REST queries, sobject and collection
 * calls, Bulk 2.0 job steps and uploads, result files and Chatter posts. jsforce (through
 * node-fetch) and the Bulk upload (src/org/streamUpload.ts) go through node:http, seen on its
 * `http.client.request.start` channel; Bulk result files go through `fetch`, wrapped here.
 * Counting here reports what the org counts against its API limit, without the two extra
 * /limits calls a before/after comparison would cost (and /limits lags on real orgs).
 */
export function countApiCalls(conn: Connection): { count: () => number; stop: () => void } {
  let calls = 0;
  const instance = conn.instanceUrl;
  const host = instance ? new URL(instance).host : undefined;
  const onRequest = (message: unknown) => {
    const { request } = message as { request: ClientRequest };
    if (host && request.getHeader('host') === host) calls++;
  };
  subscribe('http.client.request.start', onRequest);
  const originalFetch = globalThis.fetch;
  globalThis.fetch = function countedFetch(input, init) {
    const url = input instanceof Request ? input.url : String(input);
    if (instance && url.startsWith(instance)) calls++;
    return originalFetch(input, init);
  };
  return {
    count: () => calls,
    stop: () => {
      unsubscribe('http.client.request.start', onRequest);
      globalThis.fetch = originalFetch;
    }
  };
}
