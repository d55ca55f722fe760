import type { Connection } from 'jsforce';

/**
 * Reads Chatter back the way a user's client does: the Account feed through Connect, and
 * each element's comments. Used by tests and the contract runner to check what was posted.
 */
export interface ReadMessage {
  id: string;
  subjectId?: string;
  mentions: string[];
  text: string;
}

type OutputSegment = {
  type: string;
  text?: string;
  record?: { id: string };
  id?: string;
  url?: string;
};
type OutputBody = {
  body: { messageSegments: OutputSegment[] };
  id: string;
  parent?: { id: string };
};

const base = (conn: Connection) => `/services/data/v${conn.version}/chatter`;

function toMessage(element: OutputBody): ReadMessage {
  const segments = element.body.messageSegments;
  return {
    id: element.id,
    subjectId: element.parent?.id,
    mentions: segments
      .filter((segment) => segment.type === 'Mention')
      .map((segment) => segment.record?.id ?? segment.id ?? ''),
    text: segments.map((segment) => segment.text ?? segment.url ?? '').join('')
  };
}

/** The record feed, oldest first. */
export async function readRecordFeed(conn: Connection, recordId: string): Promise<ReadMessage[]> {
  const page = await conn.request<{ elements: OutputBody[] }>(
    `${base(conn)}/feeds/record/${recordId}/feed-elements`
  );
  return page.elements.map(toMessage).reverse();
}

export async function readFeedElement(
  conn: Connection,
  feedElementId: string
): Promise<ReadMessage> {
  return toMessage(await conn.request<OutputBody>(`${base(conn)}/feed-elements/${feedElementId}`));
}

/** The comments on a feed element, oldest first. */
export async function readComments(
  conn: Connection,
  feedElementId: string
): Promise<ReadMessage[]> {
  const page = await conn.request<{ items: OutputBody[] }>(
    `${base(conn)}/feed-elements/${feedElementId}/capabilities/comments/items`
  );
  return page.items.map(toMessage);
}
