import type { Connection } from 'jsforce';
import { MANAGE_HANDOVERS_PERMISSION } from '../../core';
import { parseParams as parse, type TwinContext, type TwinHost } from '../apexTwins';
import { getContext } from './context';
import { accept, returnToSeller, saveDraft, submit, type Actor } from './service';
import {
  GetContextParams,
  HandoverIdParams,
  ReturnParams,
  SaveDraftParams,
  SubmitParams
} from './schemas';
import { handoversByIds } from './selector';

/** The Chatter post's Lightning address in the same org as the connection. */
const postUrl = (conn: Connection) => (feedElementId: string) =>
  `${conn.instanceUrl}/lightning/r/FeedItem/${feedElementId}/view`;

export function actorOf(ctx: TwinContext, asOf = new Date()): Actor {
  return {
    conn: ctx.conn,
    userId: ctx.userId,
    baseUrl: ctx.conn.instanceUrl,
    asOf,
    managesHandovers: ctx.hasCustomPermission(MANAGE_HANDOVERS_PERMISSION)
  };
}

async function contextOfHandover(ctx: TwinContext, handoverId: string) {
  const [handover] = await handoversByIds(ctx.conn, [handoverId]);
  return getContext(ctx.conn, ctx.userId, handover.Account__c, new Date(), postUrl(ctx.conn));
}

/**
 * HandoverController's methods as local-org Apex twins: the preview's
 * `@salesforce/apex/HandoverController.<method>` calls land here, run as the calling user.
 * Each returns the refreshed panel context, as the Apex does.
 */
export function registerHandoverTwins(org: TwinHost): void {
  const twin = (method: string, handler: (ctx: TwinContext, params: unknown) => Promise<unknown>) =>
    org.registerApexTwin('HandoverController', method, handler);
  twin('getContext', (ctx, params) =>
    getContext(
      ctx.conn,
      ctx.userId,
      parse(GetContextParams, params).recordId,
      new Date(),
      postUrl(ctx.conn)
    )
  );
  twin('saveDraft', async (ctx, params) => {
    const { handover, lastModified } = parse(SaveDraftParams, params);
    const id = await saveDraft(actorOf(ctx), handover, lastModified);
    return contextOfHandover(ctx, id);
  });
  twin('submit', async (ctx, params) => {
    const { handoverId, lastModified } = parse(SubmitParams, params);
    await submit(actorOf(ctx), handoverId, lastModified);
    return contextOfHandover(ctx, handoverId);
  });
  twin('accept', async (ctx, params) => {
    const { handoverId } = parse(HandoverIdParams, params);
    await accept(actorOf(ctx), handoverId);
    return contextOfHandover(ctx, handoverId);
  });
  twin('returnToSeller', async (ctx, params) => {
    const { handoverId, reason } = parse(ReturnParams, params);
    await returnToSeller(actorOf(ctx), handoverId, reason);
    return contextOfHandover(ctx, handoverId);
  });
}
