import type { Connection } from 'jsforce';
import { draftedPostSegments } from '../../core/handoverPrefill';
import { postFeedElement } from './feed';
import { handoversByIds, languageOf } from './selector';
import type { DraftedHandover } from './wonDealTrigger';

/**
 * The twin of HandoverDraftAnnouncement: after the deal is saved, a post on the won
 * Opportunity @mentions the seller with the link to the drafted handover.
 */
export async function announceDraftedHandover(
  conn: Connection,
  drafted: DraftedHandover
): Promise<void> {
  const [handover] = await handoversByIds(conn, [drafted.handoverId]);
  if (!handover) return;
  await postFeedElement(
    conn,
    drafted.opportunityId,
    draftedPostSegments(
      {
        sellerId: drafted.ownerId,
        name: handover.Name,
        accountName: handover.Account__r?.Name,
        recordUrl: `${conn.instanceUrl}/lightning/r/Handover__c/${handover.Id}/view`
      },
      await languageOf(conn, drafted.ownerId)
    )
  );
}
