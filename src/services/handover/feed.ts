import type { Connection } from 'jsforce';
import type { MessageSegment } from '../../core/connect';

/**
 * Chatter through the Connect REST API, the twin of HandoverServiceFeed: post a feed element
 * on a record with message segments, and comment on it. The same endpoints work against a
 * real org and the local org.
 */

export type { MessageSegment };

const base = (conn: Connection) => `/services/data/v${conn.version}/chatter`;

async function post<T>(conn: Connection, url: string, body: unknown): Promise<T> {
  return conn.request<T>({
    method: 'POST',
    url,
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json' }
  });
}

/** Posts to the subject's feed (an Account) and returns the new feed element id. */
export async function postFeedElement(
  conn: Connection,
  subjectId: string,
  segments: MessageSegment[]
): Promise<string> {
  const element = await post<{ id: string }>(conn, `${base(conn)}/feed-elements`, {
    feedElementType: 'FeedItem',
    subjectId,
    body: { messageSegments: segments }
  });
  return element.id;
}

/** Comments on a feed element; returns the comment id. */
export async function postComment(
  conn: Connection,
  feedElementId: string,
  segments: MessageSegment[]
): Promise<string> {
  const comment = await post<{ id: string }>(
    conn,
    `${base(conn)}/feed-elements/${encodeURIComponent(feedElementId)}/capabilities/comments/items`,
    { body: { messageSegments: segments } }
  );
  return comment.id;
}
