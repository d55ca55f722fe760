import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { API_VERSION } from '../localorg/server';

/** What the org process holds before the bench starts (seeded straight through its Records layer). */
export type OrgBook =
  | { kind: 'empty' }
  | { kind: 'accounts'; accounts: number; asOf: string; withTiers: boolean }
  | { kind: 'health'; accounts: number; asOf: string };

export type OrgRequest =
  { type: 'start'; book: OrgBook } | { type: 'stats' } | { type: 'resetPeak' } | { type: 'close' };

export type OrgReply =
  | { type: 'started'; instanceUrl: string; tokens: Record<string, string> }
  | { type: 'stats'; apiRequests: number; peakRss: number }
  | { type: 'closed' }
  | { type: 'error'; message: string };

export interface OrgProcess {
  /** jsforce as the admin persona, over HTTP to the other process. */
  conn: Connection;
  connAs(persona: string): Connection;
  /** Requests the org counted (its /limits count), and its peak RSS since the last reset. */
  stats(): Promise<{ apiRequests: number; peakRss: number }>;
  /** Starts the org's peak RSS afresh (after seeding, before the measured work). */
  resetPeak(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A local org in a child process, for benchmarks: the service under test runs in this process
 * and reaches the org only through its API, as it reaches Salesforce.
 */
export async function startOrgProcess(book: OrgBook): Promise<OrgProcess> {
  const child = fork(join(__dirname, 'orgChild.ts'), [], {
    // BENCH_ORG_NODE_ARGS adds node flags to the org's process only, e.g. "--cpu-prof".
    execArgv: [
      '--require',
      require.resolve('tsx/cjs'),
      '--expose-gc',
      ...(process.env.BENCH_ORG_NODE_ARGS ?? '').split(' ').filter(Boolean)
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  });
  const ask = requester(child);
  const started = await ask({ type: 'start', book });
  if (started.type !== 'started') throw new Error('the org process did not start');
  const connAs = (persona: string) => {
    const token = started.tokens[persona];
    if (!token) throw new Error(`No local org user for ${persona}`);
    return new Connection({
      instanceUrl: started.instanceUrl,
      accessToken: token,
      version: API_VERSION
    });
  };
  const stats = async () => {
    const reply = await ask({ type: 'stats' });
    if (reply.type !== 'stats') throw new Error('the org process sent no stats');
    return { apiRequests: reply.apiRequests, peakRss: reply.peakRss };
  };
  return {
    conn: connAs('admin'),
    connAs,
    stats,
    async resetPeak() {
      await ask({ type: 'resetPeak' });
    },
    async close() {
      await ask({ type: 'close' });
      await new Promise((resolve) =>
        child.exitCode === null ? child.once('exit', resolve) : resolve(null)
      );
    }
  };
}

/** One request at a time over the IPC channel; the child answers each in order. */
function requester(child: ChildProcess): (request: OrgRequest) => Promise<OrgReply> {
  let queue: Promise<unknown> = Promise.resolve();
  return (request) => {
    const reply = queue.then(
      () =>
        new Promise<OrgReply>((resolve, reject) => {
          const onExit = (code: number | null) =>
            reject(new Error(`the org process exited (${code}) during ${request.type}`));
          child.once('exit', onExit);
          child.once('message', (message: OrgReply) => {
            child.off('exit', onExit);
            if (message.type === 'error') reject(new Error(`org process: ${message.message}`));
            else resolve(message);
          });
          child.send(request);
        })
    );
    queue = reply.catch(() => undefined);
    return reply;
  };
}
