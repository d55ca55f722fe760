import type { Connection } from 'jsforce';
import { ChangeBatch, RowAccounts } from './changeBatch';
import { changeChannel, WATCHED_OBJECTS, type ChangeMessage } from './changeEvents';
import { loadFreshnessState, updateFreshnessState } from './watchState';

/** Only events after the subscription: where a watcher without a stored replay id starts. */
const NEW_EVENTS_ONLY = -1;

export interface HealthWatchOptions {
  conn: Connection;
  /** The org's Id, which the state file is checked against. */
  orgId: string;
  /** Rescores these accounts (the recompute for an Id list), saying how it went; a throw keeps them for a retry. */
  rescore: (accountIds: string[]) => Promise<string | void>;
  /** Where the replay ids are kept (see README, "Fresh health"). */
  statePath: string;
  /** A burst ends after this long without a new event (default 2 s). */
  quietMs?: number;
  /** ... or this long after its first event, however busy the org (default 20 s). */
  maxWaitMs?: number;
  /** After a failed rescore, the wait before the next try (default 15 s). */
  retryMs?: number;
  log?: (line: string) => void;
}

export interface HealthWatch {
  /** Resolves once every event received so far is rescored and its replay id stored. */
  idle(): Promise<void>;
  /** Accounts rescored since the start. */
  readonly rescored: number;
  stop(): Promise<void>;
}

interface FayeClient {
  subscribe(channel: string, onMessage: (message: ChangeMessage) => void): PromiseLike<unknown>;
  disconnect(): PromiseLike<void> | undefined;
}

/**
 * `baton health watch`: subscribes to the change events of Account and the signal objects
 * through jsforce's CometD client, gathers a burst into one batch, rescores the accounts it
 * touches and only then stores the batch's replay ids, so a watcher stopped at any point
 * resumes where its last finished batch ended and loses nothing (an event seen twice only
 * rescores an account twice).
 */
export async function watchHealth(options: HealthWatchOptions): Promise<HealthWatch> {
  const { conn, orgId, statePath } = options;
  const quietMs = options.quietMs ?? 2_000;
  const maxWaitMs = options.maxWaitMs ?? 20_000;
  const retryMs = options.retryMs ?? 15_000;
  const log = options.log ?? (() => undefined);
  const stored = loadFreshnessState(statePath, orgId).replayIds;
  // Per channel, the newest replay id taken in: a re-subscription after a rehandshake goes on from it.
  const received = new Map<string, number>(Object.entries(stored));
  const rows = new RowAccounts();
  let batch = new ChangeBatch(rows);
  let firstAt = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  let stopping: Promise<void> | undefined;
  let rescored = 0;

  const schedule = (delay: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), delay);
  };

  async function flush() {
    if (running) return running.then(() => schedule(0));
    if (batch.size === 0) return;
    const taken = batch;
    batch = new ChangeBatch(rows);
    firstAt = 0;
    running = (async () => {
      const started = Date.now();
      try {
        const accounts = await taken.resolve(conn);
        const said = accounts.length > 0 ? await options.rescore(accounts) : undefined;
        rescored += accounts.length;
        updateFreshnessState(statePath, orgId, (state) => {
          for (const [channel, id] of taken.replayIds)
            state.replayIds[channel] = Math.max(state.replayIds[channel] ?? 0, id);
        });
        log(
          `Health watch: ${taken.size} change${taken.size === 1 ? '' : 's'}, ${accounts.length} account${accounts.length === 1 ? '' : 's'} rescored in ${Date.now() - started} ms${said ? `: ${said}` : ''}`
        );
      } catch (error) {
        // Kept whole for the next try; the stored replay ids stay where the last success left them.
        batch.merge(taken);
        log(
          `Health watch: rescoring failed, trying again in ${Math.round(retryMs / 1000)} s: ${error instanceof Error ? error.message : String(error)}`
        );
        schedule(retryMs);
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  const onMessage = (channel: string) => (message: ChangeMessage) => {
    received.set(channel, Math.max(received.get(channel) ?? 0, message.event.replayId));
    batch.add(channel, message);
    const now = Date.now();
    if (!firstAt) firstAt = now;
    schedule(Math.max(0, Math.min(quietMs, firstAt + maxWaitMs - now)));
  };

  // jsforce's Replay extension names one channel; this one answers for each subscription.
  const replayFrom = {
    outgoing(
      message: { channel: string; subscription?: string; ext?: object },
      next: (m: unknown) => void
    ) {
      if (message.channel === '/meta/subscribe' && message.subscription)
        message.ext = {
          ...message.ext,
          replay: { [message.subscription]: received.get(message.subscription) ?? NEW_EVENTS_ONLY }
        };
      next(message);
    }
  };
  const client = conn.streaming.createClient([replayFrom]) as unknown as FayeClient;
  for (const watched of WATCHED_OBJECTS) {
    const channel = changeChannel(watched.entity);
    await client.subscribe(channel, onMessage(channel));
  }
  log(
    `Health watch: listening to ${WATCHED_OBJECTS.map((w) => w.entity).join(', ')}${Object.keys(stored).length ? ', resuming from the stored replay ids' : ''}`
  );

  return {
    get rescored() {
      return rescored;
    },
    async idle() {
      while (batch.size > 0 || running) await new Promise((resolve) => setTimeout(resolve, 25));
    },
    stop() {
      // One goodbye however often it is asked for: a second disconnect would not wait for the first.
      stopping ??= (async () => {
        stopped = true;
        clearTimeout(timer);
        await running;
        // Awaited: Faye closes its transport only on the org's answer to the disconnect.
        await client.disconnect();
      })();
      return stopping;
    }
  };
}
