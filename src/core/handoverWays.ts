import { z } from 'zod';
import type { BatonModel } from './config/model';
import { TIERS, type Tier } from './config/records';
import { handoverFactsAndLink, mention, text, type MessageSegment } from './connect';
import { sameSalesforceId } from './handoverGuard';
import { messageText, type MessageLanguage } from './messageTexts';
import { suggestTier } from './tier';

/**
 * The handover as each company sells, from Handover_Setting__mdt (record Default): the account
 * manager of a would-be High-touch deal joins before the close, a seller who is also the
 * account manager completes their handover by submitting it, and what counts as a trial.
 * Apex HandoverSettings, HandoverEarlyAccountManager and HandoverService mirror these rules.
 */

export const HANDOVER_SETTING_TYPE = 'Handover_Setting__mdt';

export const HandoverSettingRecord = z.object({
  DeveloperName: z.string().min(1),
  Early_Account_Manager_Stage__c: z.string().nullish(),
  Early_Account_Manager_Tiers__c: z.string().nullish(),
  Seller_Completes_Own_Handover__c: z.boolean().nullish(),
  Trial_Opportunity_Type__c: z.string().nullish(),
  Trial_Conversion_Goal__c: z.number().min(0).max(100).nullish()
});

export interface HandoverSettings {
  /** The Opportunity stage at which the account manager joins; null turns it off. */
  earlyAccountManagerStage: string | null;
  earlyAccountManagerTiers: Tier[];
  sellerCompletesOwnHandover: boolean;
  trialOpportunityType: string | null;
  /** Percent of ended trials that should convert. */
  trialConversionGoal: number;
}

/** What a handover does when an admin deleted the Default record (the Apex's defaults). */
export const DEFAULT_HANDOVER_SETTINGS: HandoverSettings = {
  earlyAccountManagerStage: null,
  earlyAccountManagerTiers: ['High'],
  sellerCompletesOwnHandover: true,
  trialOpportunityType: null,
  trialConversionGoal: 15
};

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** The settings from the type's records (the org's rows or the project's files). */
export function parseHandoverSettings(records: readonly unknown[]): HandoverSettings {
  const parsed = z.array(HandoverSettingRecord.passthrough()).parse(records);
  const record = parsed.find((one) => one.DeveloperName === 'Default');
  if (!record) return DEFAULT_HANDOVER_SETTINGS;
  return {
    earlyAccountManagerStage: blankToNull(record.Early_Account_Manager_Stage__c),
    earlyAccountManagerTiers: (record.Early_Account_Manager_Tiers__c ?? '')
      .split(';')
      .map((tier) => tier.trim())
      .filter((tier): tier is Tier => (TIERS as readonly string[]).includes(tier)),
    sellerCompletesOwnHandover: record.Seller_Completes_Own_Handover__c === true,
    trialOpportunityType: blankToNull(record.Trial_Opportunity_Type__c),
    trialConversionGoal: record.Trial_Conversion_Goal__c ?? 15
  };
}

/** A won deal of the setting's trial Type starts a trial: its handover is the lighter one. */
export function isTrialDeal(deal: { Type?: string | null }, settings: HandoverSettings): boolean {
  return (
    settings.trialOpportunityType !== null && deal.Type?.trim() === settings.trialOpportunityType
  );
}

/**
 * Whether a won deal records its Account's trial as converted: it is not itself a trial, and
 * the Account's latest trial (the day its handover was drafted) has no recorded end on or
 * after that day. A trial that ends without a purchase is recorded by hand.
 */
export function convertsTrial(
  deal: { Type?: string | null },
  settings: HandoverSettings,
  latestTrialStart: string | null,
  latestTrialEnd: string | null
): boolean {
  if (isTrialDeal(deal, settings) || latestTrialStart === null) return false;
  return latestTrialEnd === null || latestTrialEnd < latestTrialStart;
}

/**
 * Submitting completes the handover when its seller is its account manager and submits it,
 * able to do what an accept does: no accept step waits on them, so no answer deadline applies.
 */
export function completesOnSubmit(
  handover: { Seller__c?: string | null; Account_Manager__c?: string | null },
  submitterId: string,
  settings: HandoverSettings,
  canAccept: boolean
): boolean {
  return (
    settings.sellerCompletesOwnHandover &&
    canAccept &&
    sameSalesforceId(handover.Seller__c, handover.Account_Manager__c) &&
    sameSalesforceId(handover.Account_Manager__c, submitterId)
  );
}

export interface DealAtStage {
  StageName?: string | null;
  Amount?: number | null;
  OwnerId?: string | null;
  AccountId?: string | null;
  IsClosed?: boolean | number | null;
  Proposed_Account_Manager__c?: string | null;
}

export interface DealAccount {
  Account_Manager__c?: string | null;
  Growth_Potential__c?: number | null;
  Strategic_Account__c?: boolean | number | null;
}

/**
 * Who joins a deal before the close, or null: when the deal reaches the setting's stage and
 * its Account would be in one of the setting's tiers (the tier rules on the deal's amount as
 * ARR, the Account's growth potential and strategic flag), its proposed account manager, else
 * the Account's account manager; never its own owner.
 */
export function earlyAccountManager(
  deal: DealAtStage,
  old: DealAtStage | null,
  account: DealAccount | undefined,
  settings: HandoverSettings,
  model: BatonModel
): string | null {
  const stage = settings.earlyAccountManagerStage;
  const closed = deal.IsClosed === true || deal.IsClosed === 1;
  if (!stage || deal.StageName !== stage || old?.StageName === stage) return null;
  if (!deal.AccountId || closed || !account) return null;
  const { suggested } = suggestTier(
    {
      mrr: (deal.Amount ?? 0) / 12,
      growthPotential: account.Growth_Potential__c ?? null,
      strategic: account.Strategic_Account__c === true || account.Strategic_Account__c === 1
    },
    model
  );
  const manager = deal.Proposed_Account_Manager__c || account.Account_Manager__c || null;
  if (!settings.earlyAccountManagerTiers.includes(suggested) || !manager) return null;
  return sameSalesforceId(manager, deal.OwnerId) ? null : manager;
}

/** The team role the account manager joins a deal with. */
export const EARLY_ACCOUNT_MANAGER_ROLE = 'Account Manager';

/** The post on the deal: @mention the account manager, then what to prepare, in their language. */
export function earlyAccountManagerPost(
  input: { managerId: string; dealName: string; accountName?: string | null },
  language: MessageLanguage = 'en'
): MessageSegment[] {
  return [
    mention(input.managerId),
    text(
      ` ${messageText(language, 'Baton_Post_Early_Account_Manager', input.dealName, input.accountName ?? '')}`
    )
  ];
}

/**
 * The post of a handover its seller completed as its own account manager: to the Account's
 * feed for the team with no @mention (it would mention its author), the key facts and the link.
 */
export function ownHandoverPost(
  input: {
    name: string;
    accountName?: string | null;
    whatWasSold?: string | null;
    successCriteria?: string | null;
    promises?: string | null;
    risks?: string | null;
    recordUrl: string;
  },
  language: MessageLanguage = 'en'
): MessageSegment[] {
  const say = messageText.bind(null, language);
  return [
    text(`${say('Baton_Post_Own_Handover', input.name, input.accountName ?? '')}\n`),
    ...handoverFactsAndLink(input, language)
  ];
}
