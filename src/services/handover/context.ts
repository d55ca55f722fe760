import type { Connection } from 'jsforce';
import { BatonError } from '../../core/errors';
import { modelRecords } from '../../org/orgModel';
import {
  accountById,
  accountManagers,
  contactsOfAccount,
  latestForAccount,
  opportunityById
} from './selector';

/** What the panel shows for one Account: the twin of HandoverController.getContext. */
export async function getContext(
  conn: Connection,
  userId: string,
  recordId: string,
  asOf: Date,
  postUrlOf: (feedElementId: string) => string
) {
  // Opportunity ids start with 006; the panel on a closed-won deal hands over its Account.
  const opportunity = recordId.startsWith('006')
    ? await opportunityById(conn, recordId)
    : undefined;
  const accountId = opportunity ? opportunity.AccountId : recordId;
  const account = accountId ? await accountById(conn, accountId) : undefined;
  if (!account || !accountId) {
    throw new BatonError(
      'NOT_FOUND',
      `Account ${recordId} does not exist or you cannot see it.`,
      'recordId'
    );
  }
  const [handover, contacts, managers, records] = await Promise.all([
    latestForAccount(conn, accountId),
    contactsOfAccount(conn, accountId),
    accountManagers(conn),
    modelRecords(conn)
  ]);
  return {
    account,
    handover: handover ?? null,
    // One open handover at a time: the next (upsell, renewal, new AM) starts after an accept.
    canStartHandover: !handover || handover.Status__c === 'Accepted',
    opportunity: opportunity ?? null,
    contacts,
    accountManagers: managers,
    userId,
    now: asOf.toISOString(),
    postUrl: handover?.Feed_Element_Id__c ? postUrlOf(handover.Feed_Element_Id__c) : null,
    modelRecords: records
  };
}

export type HandoverContext = Awaited<ReturnType<typeof getContext>>;
