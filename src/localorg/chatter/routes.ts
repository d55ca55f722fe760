import { randomUUID } from 'node:crypto';
import { OrgError } from '../errors';
import type { OrgCore } from '../orgCore';
import type { ApiContext, OrgUser, Router } from '../router';
import { plainText, resolveSegments, type OutputSegment } from './segments';
import { API_VERSION } from '../../metadata/apiVersion';

type Row = Record<string, unknown>;

const NOTIFICATIONS = `CREATE TABLE IF NOT EXISTS _notifications (
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL, title TEXT, body TEXT, target TEXT, read INTEGER NOT NULL DEFAULT 0, created TEXT NOT NULL)`;

function actor(org: OrgCore, userId: unknown) {
  const user = org.query(
    `SELECT Id, Name FROM User WHERE Id = '${String(userId).replace(/[^a-zA-Z0-9]/g, '')}'`
  ).records[0];
  return {
    id: String(userId),
    displayName: String(user?.Name ?? ''),
    name: String(user?.Name ?? ''),
    type: 'User'
  };
}

const segmentsOf = (row: Row): OutputSegment[] => JSON.parse(String(row.Segments__c ?? '[]'));

function commentOutput(org: OrgCore, row: Row) {
  const segments = segmentsOf(row);
  return {
    id: row.Id,
    feedElement: { id: row.FeedItemId },
    parent: { id: row.ParentId },
    user: actor(org, row.CreatedById),
    createdDate: row.CreatedDate,
    body: { text: plainText(segments), messageSegments: segments },
    type: 'TextComment'
  };
}

function elementOutput(org: OrgCore, row: Row) {
  const segments = segmentsOf(row);
  const comments = org.query(
    `SELECT Id, FeedItemId, ParentId, CreatedById, CreatedDate, Segments__c FROM FeedComment WHERE FeedItemId = '${row.Id}' ORDER BY CreatedDate, Id`
  ).records;
  return {
    id: row.Id,
    feedElementType: 'FeedItem',
    type: 'TextPost',
    parent: { id: row.ParentId },
    actor: actor(org, row.CreatedById),
    createdDate: row.CreatedDate,
    url: `/services/data/v${API_VERSION}/chatter/feed-elements/${row.Id}`,
    body: { text: plainText(segments), messageSegments: segments },
    capabilities: {
      comments: {
        page: { items: comments.map((c) => commentOutput(org, c)), total: comments.length }
      }
    }
  };
}

const FEED_FIELDS = 'Id, ParentId, CreatedById, CreatedDate, Segments__c';

function feedItem(org: OrgCore, id: string): Row {
  const row = org.query(
    `SELECT ${FEED_FIELDS} FROM FeedItem WHERE Id = '${id.replace(/[^a-zA-Z0-9]/g, '')}'`
  ).records[0];
  if (!row) throw new OrgError(404, 'NOT_FOUND', 'The requested resource does not exist');
  return row;
}

/** Every mentioned user gets a notification, as the bell in Lightning shows them. */
function notifyMentions(org: OrgCore, user: OrgUser, segments: OutputSegment[], target: unknown) {
  org.db.exec(NOTIFICATIONS);
  const text = plainText(segments);
  for (const mention of segments.filter((s) => s.type === 'Mention')) {
    org.db
      .prepare(
        'INSERT INTO _notifications (id, user_id, title, body, target, created) VALUES (?, ?, ?, ?, ?, ?)'
      )
      .run(
        randomUUID(),
        mention.record!.id,
        `${user.name} mentioned you`,
        text,
        String(target),
        new Date().toISOString()
      );
  }
}

function messageSegments(body: unknown): unknown {
  return (body as { body?: { messageSegments?: unknown } })?.body?.messageSegments;
}

export function registerChatterRoutes(router: Router): void {
  router.add('POST', '/chatter/feed-elements', async (ctx: ApiContext) => {
    const body = (await ctx.body()) as { subjectId?: string; feedElementType?: string };
    const segments = resolveSegments(ctx.org, messageSegments(body));
    const id = ctx.org.transaction(() => {
      const created = ctx.org.records.create(
        'FeedItem',
        {
          ParentId: body.subjectId,
          Body: plainText(segments).slice(0, 10000),
          Type: 'TextPost',
          Segments__c: JSON.stringify(segments)
        },
        ctx.user
      );
      notifyMentions(ctx.org, ctx.user, segments, body.subjectId);
      return created;
    });
    return { status: 201, body: elementOutput(ctx.org, feedItem(ctx.org, id)) };
  });
  router.add('GET', '/chatter/feed-elements/:id', (ctx) => ({
    status: 200,
    body: elementOutput(ctx.org, feedItem(ctx.org, ctx.params.id))
  }));
  router.add('GET', '/chatter/feeds/record/:id/feed-elements', (ctx) => {
    const id = ctx.params.id.replace(/[^a-zA-Z0-9]/g, '');
    const rows = ctx.org.query(
      `SELECT ${FEED_FIELDS} FROM FeedItem WHERE ParentId = '${id}' ORDER BY CreatedDate DESC, Id DESC LIMIT 100`
    ).records;
    return {
      status: 200,
      body: { elements: rows.map((r) => elementOutput(ctx.org, r)), nextPageUrl: null }
    };
  });
  router.add('POST', '/chatter/feed-elements/:id/capabilities/comments/items', async (ctx) => {
    const item = feedItem(ctx.org, ctx.params.id);
    const segments = resolveSegments(ctx.org, messageSegments(await ctx.body()));
    const id = ctx.org.transaction(() => {
      const created = ctx.org.records.create(
        'FeedComment',
        {
          FeedItemId: item.Id,
          ParentId: item.ParentId,
          CommentBody: plainText(segments).slice(0, 10000),
          Segments__c: JSON.stringify(segments)
        },
        ctx.user
      );
      ctx.org.db
        .prepare('UPDATE FeedItem SET CommentCount = COALESCE(CommentCount, 0) + 1 WHERE Id = ?')
        .run(item.Id);
      notifyMentions(ctx.org, ctx.user, segments, item.ParentId);
      return created;
    });
    const row = ctx.org.query(
      `SELECT Id, FeedItemId, ParentId, CreatedById, CreatedDate, Segments__c FROM FeedComment WHERE Id = '${id}'`
    ).records[0];
    return { status: 201, body: commentOutput(ctx.org, row) };
  });
  router.add('GET', '/chatter/feed-elements/:id/capabilities/comments/items', (ctx) => {
    const element = elementOutput(ctx.org, feedItem(ctx.org, ctx.params.id));
    return {
      status: 200,
      body: {
        items: element.capabilities.comments.page.items,
        total: element.capabilities.comments.page.total
      }
    };
  });
  // The bell: the current user's mention notifications, newest first.
  router.add('GET', '/connect/notifications', (ctx) => {
    ctx.org.db.exec(NOTIFICATIONS);
    const rows = ctx.org.db
      .prepare('SELECT * FROM _notifications WHERE user_id = ? ORDER BY created DESC LIMIT 50')
      .all(ctx.user.id) as Row[];
    return {
      status: 200,
      body: {
        notifications: rows.map((n) => ({
          id: n.id,
          messageTitle: n.title,
          messageBody: n.body,
          target: n.target,
          read: n.read === 1,
          lastModified: n.created
        }))
      }
    };
  });
  router.add('PATCH', '/connect/notifications/:id', (ctx) => {
    ctx.org.db.exec(NOTIFICATIONS);
    const result = ctx.org.db
      .prepare('UPDATE _notifications SET read = 1 WHERE id = ? AND user_id = ?')
      .run(ctx.params.id, ctx.user.id);
    if (!result.changes)
      throw new OrgError(404, 'NOT_FOUND', 'The requested resource does not exist');
    return { status: 200, body: { id: ctx.params.id, read: true } };
  });
}
