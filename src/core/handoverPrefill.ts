import { link, mention, text, type MessageSegment } from './connect';
import { messageText, type MessageLanguage } from './messageTexts';

/**
 * A Draft handover drafted from a won deal: what the org already knows fills the fields the
 * seller would otherwise type, and each filled field records where it came from (the panel
 * shows it; the seller confirms or edits). Mirrored by the Apex OpportunityTriggerHandler.
 */

export interface WonDeal {
  Id: string;
  AccountId?: string | null;
  OwnerId?: string | null;
  Amount?: number | null;
  CloseDate?: string | null;
  NextStep?: string | null;
  Description?: string | null;
  /** The account manager the seller proposed, or who joined before the close. */
  Proposed_Account_Manager__c?: string | null;
  /** What the account manager who joined before the close learned. */
  Account_Manager_Notes__c?: string | null;
}

export interface DealProduct {
  name: string;
  quantity?: number | null;
}

export interface DealContact {
  contactId: string;
  name: string;
  role?: string | null;
  isPrimary: boolean;
}

export interface DealFacts {
  /** Null when the user or the org cannot read line items and products. */
  products: DealProduct[] | null;
  contacts: DealContact[];
  competitors: string[];
  /** The Account's current account manager, proposed when the deal names none. */
  accountManager?: string | null;
}

export interface DealPrefill {
  fields: Record<string, string | number>;
  /** Field API name → the source it was filled from, e.g. ARR__c → Opportunity.Amount. */
  sources: Record<string, string>;
}

/** A deal reaching Closed Won in this write (inserted won, or won now and not before). */
export const isNewlyWon = (isWon: unknown, wasWon: unknown): boolean =>
  isWon === true && wasWon !== true;

const contactLine = (contact: DealContact) =>
  contact.role ? `${contact.name} (${contact.role})` : contact.name;

/** The Handover__c fields of a draft from `deal`, and the source of each one filled. */
export function prefillFromDeal(deal: WonDeal, facts: DealFacts): DealPrefill {
  const fields: Record<string, string | number> = {};
  const sources: Record<string, string> = {};
  const fill = (field: string, value: string | number | null | undefined, source: string) => {
    if (value === null || value === undefined || String(value).trim() === '') return;
    fields[field] = value;
    sources[field] = source;
  };
  fill(
    'What_Was_Sold__c',
    facts.products
      ?.map((product) =>
        product.quantity ? `${product.name} × ${product.quantity}` : product.name
      )
      .join('\n'),
    'OpportunityLineItem.Product2.Name, Quantity'
  );
  fill(
    'Account_Manager__c',
    deal.Proposed_Account_Manager__c,
    'Opportunity.Proposed_Account_Manager__c'
  );
  if (!fields.Account_Manager__c)
    fill('Account_Manager__c', facts.accountManager, 'Account.Account_Manager__c');
  fill(
    'Account_Manager_Notes__c',
    deal.Account_Manager_Notes__c,
    'Opportunity.Account_Manager_Notes__c'
  );
  fill('ARR__c', deal.Amount, 'Opportunity.Amount');
  fill('Contract_Start__c', deal.CloseDate, 'Opportunity.CloseDate');
  const primary = facts.contacts.find((contact) => contact.isPrimary);
  fill('Primary_Contact__c', primary?.contactId, 'OpportunityContactRole.IsPrimary');
  fill(
    'Secondary_Contacts__c',
    facts.contacts
      .filter((contact) => contact !== primary)
      .map(contactLine)
      .join('\n'),
    'OpportunityContactRole'
  );
  fill('Competitors__c', facts.competitors.join('\n'), 'OpportunityCompetitor.CompetitorName');
  fill('Promises__c', deal.NextStep, 'Opportunity.NextStep');
  fill('Why_They_Bought__c', deal.Description, 'Opportunity.Description');
  return { fields, sources };
}

/** The post on the won Opportunity that tells its owner, in their language, a handover was drafted from it. */
export function draftedPostSegments(
  input: {
    sellerId: string;
    name: string;
    accountName?: string | null;
    recordUrl: string;
  },
  language: MessageLanguage = 'en'
): MessageSegment[] {
  const words = input.accountName
    ? messageText(language, 'Baton_Post_Drafted', input.name, input.accountName)
    : messageText(language, 'Baton_Post_Drafted_No_Account', input.name);
  return [mention(input.sellerId), text(` ${words} `), link(input.recordUrl)];
}
