import type { Connection } from 'jsforce';
import type { BatonModel } from '../../core';
import {
  EARLY_ACCOUNT_MANAGER_ROLE,
  earlyAccountManager,
  earlyAccountManagerPost,
  type DealAccount,
  type DealAtStage,
  type HandoverSettings
} from '../../core/handoverWays';
import { postFeedElement } from './feed';
import { languageOf } from './selector';

type Row = Record<string, unknown>;

interface EarlyContext {
  rowsWhere(type: string, field: string, value: string): Row[];
  create(type: string, fields: Record<string, unknown>): string;
  update(type: string, id: string, fields: Record<string, unknown>): void;
}

/** The part of the local org's trigger host this trigger needs. */
export interface EarlyAccountManagerHost {
  addTrigger(
    type: string,
    name: string,
    trigger: {
      afterInsert(record: Row, user: { id: string }, context: EarlyContext): void;
      afterUpdate(record: Row, old: Row, user: { id: string }, context: EarlyContext): void;
    }
  ): void;
}

/** An account manager who joined a deal before the close, for the notice on its feed. */
export interface JoinedDeal {
  opportunityId: string;
  managerId: string;
  /** Who moved the deal: the post is theirs, as the queued Apex runs as them. */
  movedBy: string;
}

/**
 * The twin of HandoverEarlyAccountManager: a deal reaching the setting's stage whose Account
 * would be in the setting's tiers gets its proposed account manager (else the Account's,
 * then recorded on the deal) on its team; `joined` then tells them on the deal's feed.
 * The settings and model are the org's custom metadata, which change only by deployment.
 */
export function registerEarlyAccountManagerTrigger(
  host: EarlyAccountManagerHost,
  config: { settings: HandoverSettings; model: BatonModel },
  joined: (deal: JoinedDeal) => void
): void {
  const bringIn = (deal: Row, old: Row | null, movedBy: string, context: EarlyContext) => {
    const accountId = deal.AccountId as string | null;
    if (!accountId) return;
    const [account] = context.rowsWhere('Account', 'Id', accountId);
    const managerId = earlyAccountManager(
      deal as DealAtStage,
      old as DealAtStage | null,
      account as DealAccount | undefined,
      config.settings,
      config.model
    );
    if (!managerId) return;
    const dealId = String(deal.Id);
    const onTeam = context
      .rowsWhere('OpportunityTeamMember', 'OpportunityId', dealId)
      .some((member) => member.UserId === managerId);
    if (!onTeam)
      context.create('OpportunityTeamMember', {
        OpportunityId: dealId,
        UserId: managerId,
        TeamMemberRole: EARLY_ACCOUNT_MANAGER_ROLE,
        OpportunityAccessLevel: 'Edit'
      });
    // Recorded on the deal, so the handover drafted at the win is addressed to them.
    if (!deal.Proposed_Account_Manager__c)
      context.update('Opportunity', dealId, { Proposed_Account_Manager__c: managerId });
    joined({ opportunityId: dealId, managerId, movedBy });
  };
  host.addTrigger('Opportunity', 'HandoverEarlyAccountManager', {
    afterInsert: (record, user, context) => bringIn(record, null, user.id, context),
    afterUpdate: (record, old, user, context) => bringIn(record, old, user.id, context)
  });
}

/** The twin of HandoverEarlyAccountManagerNotice: @mention them on the deal with what to prepare. */
export async function announceEarlyAccountManager(
  conn: Connection,
  deal: JoinedDeal
): Promise<void> {
  const opportunity = (await conn.sobject('Opportunity').retrieve(deal.opportunityId)) as Row;
  const account = opportunity.AccountId
    ? ((await conn.sobject('Account').retrieve(String(opportunity.AccountId))) as Row)
    : null;
  await postFeedElement(
    conn,
    deal.opportunityId,
    earlyAccountManagerPost(
      {
        managerId: deal.managerId,
        dealName: String(opportunity.Name),
        accountName: (account?.Name as string | undefined) ?? null
      },
      await languageOf(conn, deal.managerId)
    )
  );
}
