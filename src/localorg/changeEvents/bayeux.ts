import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_VERSION } from '../orgResources';
import { readJson } from '../requestBody';
import { bearerOf } from '../requestGuards';
import type { OrgUser } from '../router';
import type { ChangeLog } from './changeLog';

/** How long a `/meta/connect` long poll waits for an event before it answers empty. */
export const LONG_POLL_MS = 25_000;
const REPLAY_NEW_ONLY = -1;
const REPLAY_ALL_RETAINED = -2;

interface BayeuxMessage {
  channel?: string;
  clientId?: string;
  id?: string;
  subscription?: string;
  ext?: { replay?: Record<string, number | string> };
  advice?: { timeout?: number };
}

interface Client {
  user: OrgUser;
  /** Per subscribed channel, the last replay id delivered. */
  cursors: Map<string, number>;
  /** Ends the client's waiting connect: a disconnect answers it at once, as CometD servers do. */
  wake?: () => void;
}

interface Host {
  userByToken(token: string | undefined): OrgUser | undefined;
  bodyCaps: { jsonBytes: number };
}

const CHANNEL_PATTERN = /^\/data\/(ChangeEvents|\w+ChangeEvent)$/;

/**
 * The Streaming API's Bayeux endpoint, `/cometd/62.0`, as jsforce's Faye client speaks it over
 * long polling: handshake, subscribe with the replay extension, connect, unsubscribe, disconnect.
 */
export function bayeuxRoutes(host: Host, log: ChangeLog) {
  const clients = new Map<string, Client>();

  const pending = (client: Client) =>
    [...client.cursors].flatMap(([channel, replayId]) => log.after(channel, replayId));

  const deliver = (client: Client) =>
    pending(client).map((event) => {
      client.cursors.set(event.channel, event.replayId);
      return {
        channel: event.channel,
        data: { schema: event.channel, payload: event.payload, event: { replayId: event.replayId } }
      };
    });

  function answer(message: BayeuxMessage, user: OrgUser): Record<string, unknown> {
    const reply = { channel: message.channel, id: message.id, clientId: message.clientId };
    if (message.channel === '/meta/handshake') {
      const clientId = randomUUID();
      clients.set(clientId, { user, cursors: new Map() });
      return {
        ...reply,
        clientId,
        version: '1.0',
        successful: true,
        supportedConnectionTypes: ['long-polling'],
        advice: { reconnect: 'retry', interval: 0, timeout: LONG_POLL_MS },
        ext: { replay: true }
      };
    }
    const client = clients.get(message.clientId ?? '');
    if (!client || client.user.id !== user.id)
      return {
        ...reply,
        successful: false,
        error: '403::Unknown client',
        advice: { reconnect: 'handshake', interval: 0 }
      };
    switch (message.channel) {
      case '/meta/subscribe': {
        const channel = message.subscription ?? '';
        if (!CHANNEL_PATTERN.test(channel))
          return {
            ...reply,
            subscription: channel,
            successful: false,
            error: `400::The channel you requested to subscribe to does not exist {${channel}}`
          };
        const from = Number(message.ext?.replay?.[channel] ?? REPLAY_NEW_ONLY);
        client.cursors.set(
          channel,
          from === REPLAY_ALL_RETAINED ? 0 : from === REPLAY_NEW_ONLY ? log.latestReplayId() : from
        );
        return { ...reply, subscription: channel, successful: true };
      }
      case '/meta/unsubscribe':
        client.cursors.delete(message.subscription ?? '');
        return { ...reply, subscription: message.subscription, successful: true };
      case '/meta/disconnect':
        client.cursors.clear();
        client.wake?.();
        clients.delete(message.clientId!);
        return { ...reply, successful: true };
      default:
        return {
          ...reply,
          successful: false,
          error: `400::Unsupported channel ${message.channel}`
        };
    }
  }

  /** A connect answers at once when events wait, else when one is appended or the poll ends. */
  async function connect(message: BayeuxMessage, res: ServerResponse): Promise<unknown[]> {
    const client = clients.get(message.clientId ?? '');
    const reply = {
      channel: '/meta/connect',
      id: message.id,
      clientId: message.clientId,
      successful: true,
      advice: { reconnect: 'retry', interval: 0, timeout: LONG_POLL_MS }
    };
    if (!client)
      return [
        {
          ...reply,
          successful: false,
          error: '403::Unknown client',
          advice: { reconnect: 'handshake' }
        }
      ];
    let events = deliver(client);
    // The first connect asks `advice.timeout: 0`: answer at once.
    if (!events.length && message.advice?.timeout !== 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          log.off('appended', onAppended);
          res.off('close', done);
          client.wake = undefined;
          resolve();
        };
        const onAppended = () => {
          if (pending(client).length) done();
        };
        const timer = setTimeout(done, LONG_POLL_MS);
        client.wake = done;
        log.on('appended', onAppended);
        res.on('close', done);
      });
      // A poll the org's close or the client's hang-up ended answers nothing.
      if (res.destroyed) return [];
      events = deliver(client);
    }
    return [reply, ...events];
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.replace(/\/$/, '') !== `/cometd/${API_VERSION}`) return false;
    const user = host.userByToken(bearerOf(req));
    if (!user) {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify([{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }])
      );
      return true;
    }
    const body = await readJson(req, host.bodyCaps.jsonBytes);
    const messages = (Array.isArray(body) ? body : [body]) as BayeuxMessage[];
    // Subscriptions first: Faye batches a subscribe with the connect that may then wait.
    const replies: unknown[] = messages
      .filter((message) => message.channel !== '/meta/connect')
      .map((message) => answer(message, user));
    for (const message of messages.filter((m) => m.channel === '/meta/connect'))
      replies.push(...(await connect(message, res)));
    if (res.writableEnded || res.destroyed) return true;
    res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8' });
    res.end(JSON.stringify(replies));
    return true;
  };
}
