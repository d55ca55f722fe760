import { OPEN_HANDOVER_STATUSES } from '../../core';
import {
  convertsTrial,
  DEFAULT_HANDOVER_SETTINGS,
  isTrialDeal,
  type HandoverSettings
} from '../../core/handoverWays';
import { TRIAL_CONVERTED, TRIAL_NOT_CONVERTED } from '../../core/portfolio/trials';
import {
  isNewlyWon,
  prefillFromDeal,
  type DealContact,
  type DealFacts,
  type WonDeal
} from '../../core/handoverPrefill';

type Row = Record<string, unknown>;

/** The part of the local org's trigger host the won-deal trigger needs. */
export interface WonDealTriggerHost {
  addTrigger(
    type: string,
    name: string,
    trigger: {
      afterInsert(record: Row, user: { id: string }, context: WonDealContext): void;
      afterUpdate(record: Row, old: Row, user: { id: string }, context: WonDealContext): void;
    }
  ): void;
}

interface WonDealContext {
  rowsWhere(type: string, field: string, value: string): Row[];
  create(type: string, fields: Record<string, unknown>): string;
}

/** A drafted handover, for the message that tells the deal's owner. */
export interface DraftedHandover {
  handoverId: string;
  opportunityId: string;
  ownerId: string;
  accountId: string;
  /** Who closed the deal: the post is theirs, as the queued Apex runs as them. */
  closedBy: string;
}

// Stored booleans are 0/1 in the local org's rows.
const won = (row: Row | null) => row?.IsWon === true || row?.IsWon === 1;

/** Rows of an object the org may not have (line items without products): none then. */
function rowsIfAny(context: WonDealContext, type: string, field: string, value: string): Row[] {
  try {
    return context.rowsWhere(type, field, value);
  } catch {
    return [];
  }
}

function factsOf(context: WonDealContext, opportunityId: string): DealFacts {
  const contactName = (id: string) => String(context.rowsWhere('Contact', 'Id', id)[0]?.Name ?? '');
  const contacts: DealContact[] = context
    .rowsWhere('OpportunityContactRole', 'OpportunityId', opportunityId)
    .map((role) => ({
      contactId: String(role.ContactId),
      name: contactName(String(role.ContactId)),
      role: (role.Role as string | null) ?? null,
      isPrimary: role.IsPrimary === 1 || role.IsPrimary === true
    }));
  const items = rowsIfAny(context, 'OpportunityLineItem', 'OpportunityId', opportunityId);
  const productName = (id: unknown) =>
    String(rowsIfAny(context, 'Product2', 'Id', String(id))[0]?.Name ?? '');
  return {
    products: items.length
      ? items.map((item) => ({
          name: productName(item.Product2Id),
          quantity: item.Quantity as number | null
        }))
      : null,
    contacts,
    competitors: context
      .rowsWhere('OpportunityCompetitor', 'OpportunityId', opportunityId)
      .map((competitor) => String(competitor.CompetitorName ?? ''))
      .filter(Boolean)
  };
}

/**
 * The twin of OpportunityTrigger / OpportunityTriggerHandler: a deal that becomes Closed Won
 * gets a Draft handover for its Account, pre-filled with where each field came from, unless
 * the Account already has an open handover; `drafted` then tells the deal's owner. A deal of
 * the settings' trial Type drafts a trial's lighter handover (Trial__c); any other won deal
 * records the Account's running trial as converted.
 */
export function registerWonDealTrigger(
  host: WonDealTriggerHost,
  drafted: (handover: DraftedHandover) => void,
  settings: HandoverSettings = DEFAULT_HANDOVER_SETTINGS
): void {
  const latestDay = (rows: Row[], field: string) =>
    rows
      .map((row) => String(row[field]).slice(0, 10))
      .sort()
      .pop() ?? null;
  // As HandoverTrialConversion: the purchase ends the Account's trial as converted, today.
  const convertTrial = (deal: Row, accountId: string, context: WonDealContext) => {
    const trials = context
      .rowsWhere('Handover__c', 'Account__c', accountId)
      .filter((handover) => handover.Trial__c === true || handover.Trial__c === 1);
    const ends = context
      .rowsWhere('Customer_Outcome__c', 'Account__c', accountId)
      .filter((outcome) =>
        [TRIAL_CONVERTED, TRIAL_NOT_CONVERTED].includes(String(outcome.Type__c))
      );
    const start = latestDay(trials, 'CreatedDate');
    if (!convertsTrial(deal, settings, start, latestDay(ends, 'Outcome_Date__c'))) return;
    context.create('Customer_Outcome__c', {
      Account__c: accountId,
      Type__c: TRIAL_CONVERTED,
      Outcome_Date__c: new Date().toISOString().slice(0, 10)
    });
  };
  const draftFrom = (deal: Row, old: Row | null, closedBy: string, context: WonDealContext) => {
    const accountId = deal.AccountId as string | null;
    if (!isNewlyWon(won(deal), won(old)) || !accountId) return;
    convertTrial(deal, accountId, context);
    const open = context
      .rowsWhere('Handover__c', 'Account__c', accountId)
      .some((handover) => OPEN_HANDOVER_STATUSES.includes(handover.Status__c as 'Draft'));
    if (open) return;
    const { fields, sources } = prefillFromDeal(deal as unknown as WonDeal, {
      ...factsOf(context, String(deal.Id)),
      // Proposed when the deal names no account manager: an existing customer keeps theirs.
      accountManager: context.rowsWhere('Account', 'Id', accountId)[0]?.Account_Manager__c as
        string | null
    });
    const handoverId = context.create('Handover__c', {
      ...fields,
      Account__c: accountId,
      Opportunity__c: deal.Id,
      Seller__c: deal.OwnerId,
      Status__c: 'Draft',
      Trial__c: isTrialDeal(deal as { Type?: string | null }, settings),
      Prefill_Sources__c: JSON.stringify(sources)
    });
    drafted({
      handoverId,
      opportunityId: String(deal.Id),
      ownerId: String(deal.OwnerId),
      accountId,
      closedBy
    });
  };
  host.addTrigger('Opportunity', 'OpportunityTrigger', {
    afterInsert: (record, user, context) => draftFrom(record, null, user.id, context),
    afterUpdate: (record, old, user, context) => draftFrom(record, old, user.id, context)
  });
}
