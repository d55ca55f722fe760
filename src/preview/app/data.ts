import { API, request } from '../platform/http';

// The shell's reads and writes, all through the local org's public APIs (REST query and
// Connect), the same ones an org serves, with the session cookie.

export async function query<T>(soql: string): Promise<T[]> {
  const result = await request<{ records: T[] }>(
    'GET',
    `${API}/query?q=${encodeURIComponent(soql)}`
  );
  return result.records;
}

export interface Segment {
  type: string;
  text?: string;
  id?: string;
  name?: string;
  record?: { id: string; displayName?: string; name?: string };
  url?: string;
}
export interface FeedComment {
  id: string;
  user?: { id: string; displayName?: string; name?: string };
  createdDate: string;
  body: { text?: string; messageSegments?: Segment[] };
}
export interface FeedElement {
  id: string;
  actor?: { id: string; displayName?: string; name?: string };
  createdDate: string;
  body: { text?: string; messageSegments?: Segment[] };
  capabilities?: { comments?: { page?: { items?: FeedComment[] } } };
}

export async function recordFeed(recordId: string): Promise<FeedElement[]> {
  const page = await request<{ elements: FeedElement[] }>(
    'GET',
    `${API}/chatter/feeds/record/${recordId}/feed-elements`
  );
  return page.elements ?? [];
}

export function postToFeed(subjectId: string, segments: Segment[]): Promise<unknown> {
  return request('POST', `${API}/chatter/feed-elements`, {
    feedElementType: 'FeedItem',
    subjectId,
    body: { messageSegments: segments }
  });
}

export function commentOn(feedElementId: string, segments: Segment[]): Promise<unknown> {
  return request(
    'POST',
    `${API}/chatter/feed-elements/${feedElementId}/capabilities/comments/items`,
    {
      body: { messageSegments: segments }
    }
  );
}

export interface UserRef {
  Id: string;
  Name: string;
}

/** Turns "@Full Name" of a known user into a mention segment, the rest into text segments. */
export function segmentsFor(text: string, users: UserRef[]): Segment[] {
  const byLength = [...users].sort((a, b) => b.Name.length - a.Name.length);
  const segments: Segment[] = [];
  let rest = text;
  while (rest.length) {
    const at = rest.indexOf('@');
    const user = at < 0 ? undefined : byLength.find((u) => rest.startsWith(`@${u.Name}`, at));
    if (at < 0 || !user) {
      const cut = at < 0 ? rest.length : at + 1;
      segments.push({ type: 'Text', text: rest.slice(0, cut) });
      rest = rest.slice(cut);
      continue;
    }
    if (at > 0) segments.push({ type: 'Text', text: rest.slice(0, at) });
    segments.push({ type: 'Mention', id: user.Id });
    rest = rest.slice(at + user.Name.length + 1);
  }
  // Merge adjacent text so the post reads as written.
  return segments.reduce<Segment[]>((merged, segment) => {
    const last = merged[merged.length - 1];
    if (last?.type === 'Text' && segment.type === 'Text')
      last.text = (last.text ?? '') + segment.text;
    else merged.push({ ...segment });
    return merged;
  }, []);
}

export interface MentionNotification {
  id: string;
  actorName: string;
  text: string;
  recordId?: string;
  createdDate: string;
  read: boolean;
}

export async function switchPersona(persona: string): Promise<void> {
  await request('POST', '/preview/persona', { persona });
}

interface ConnectNotification {
  id: string;
  messageTitle?: string;
  messageBody?: string;
  read?: boolean;
  lastModified?: string;
  target?: string;
}

/** Mention notifications of the current user (Connect `notifications`, as the bell in orgs). */
export async function mentionNotifications(): Promise<MentionNotification[]> {
  const result = await request<{ notifications?: ConnectNotification[] }>(
    'GET',
    `${API}/connect/notifications`
  );
  return (result.notifications ?? []).map((n) => ({
    id: n.id,
    actorName: n.messageTitle ?? '',
    text: n.messageBody ?? '',
    recordId: n.target,
    createdDate: n.lastModified ?? '',
    read: !!n.read
  }));
}

/** Marks a notification read; the bell's count drops as in Lightning. */
export async function markNotificationRead(id: string): Promise<void> {
  await request('PATCH', `${API}/connect/notifications/${id}`, { read: true });
}
