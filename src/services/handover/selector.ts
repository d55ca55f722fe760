import type { Connection } from 'jsforce';
import { messageLanguage, OPEN_HANDOVER_STATUSES, type MessageLanguage } from '../../core';
import { soqlString } from '../../org/soql';
import type { HandoverRow } from './schemas';

/**
 * The twin of HandoverSelector: the same queries through a jsforce Connection. Ids are
 * validated by the zod schemas before they reach a query, and quoted here, so no caller
 * text is ever spliced into SOQL.
 */

const HANDOVER_FIELDS = [
  'Id',
  'Name',
  'Account__c',
  'Account__r.Name',
  'Status__c',
  'Seller__c',
  'Account_Manager__c',
  'Opportunity__c',
  'Contract_Start__c',
  'What_Was_Sold__c',
  'License_Tier__c',
  'ARR__c',
  'Primary_Contact__c',
  'Secondary_Contacts__c',
  'Success_Criteria__c',
  'First_Year_Goal__c',
  'Why_They_Bought__c',
  'Value_Type__c',
  'Promises__c',
  'Technical_Needs__c',
  'Risks__c',
  'Fit__c',
  'Decision_Makers__c',
  'Competitors__c',
  'Meeting_Practices__c',
  'Account_Manager_Notes__c',
  'Proposed_Touch_Tier__c',
  'Onboarding_Model__c',
  'Return_Reason__c',
  'Submitted_At__c',
  'Accepted_At__c',
  'Returned_At__c',
  'Feed_Element_Id__c',
  'Completed_On_Submit__c',
  'Trial__c',
  'Prefill_Sources__c',
  'LastModifiedDate'
].join(', ');

const ACCOUNT_FIELDS = [
  'Id',
  'Name',
  'MRR__c',
  'Growth_Potential__c',
  'Strategic_Account__c',
  'Touch_Tier__c',
  'Suggested_Touch_Tier__c',
  'License_Tier__c',
  'Account_Manager__c',
  'Customer_Stage__c',
  'Contract_Start__c',
  'Onboarding_Started__c',
  'First_Value_At__c'
].join(', ');

export type AccountRow = {
  Id: string;
  Name: string;
  MRR__c?: number | null;
  Growth_Potential__c?: number | null;
  Strategic_Account__c?: boolean | null;
  Touch_Tier__c?: string | null;
  Suggested_Touch_Tier__c?: string | null;
  Account_Manager__c?: string | null;
  Customer_Stage__c?: string | null;
  [field: string]: unknown;
};

export type OpportunityRow = {
  Id: string;
  Name: string;
  AccountId: string | null;
  Amount?: number | null;
  CloseDate?: string | null;
  IsWon?: boolean;
  OpportunityLineItems?: { records: { Product2?: { Name: string } }[] } | null;
};

const quote = (ids: readonly string[]) =>
  ids.map((one) => `'${one.replace(/[^a-zA-Z0-9]/g, '')}'`).join(', ');

async function all<T extends Record<string, unknown>>(
  conn: Connection,
  soql: string
): Promise<T[]> {
  const result = await conn.query<T>(soql);
  return result.records.map((record) => {
    const { attributes: _attributes, ...rest } = record as T & { attributes?: unknown };
    return rest as T;
  });
}

export async function accountById(
  conn: Connection,
  accountId: string
): Promise<AccountRow | undefined> {
  const rows = await all<AccountRow>(
    conn,
    `SELECT ${ACCOUNT_FIELDS} FROM Account WHERE Id = ${quote([accountId])} LIMIT 1`
  );
  return rows[0];
}

export async function latestForAccount(
  conn: Connection,
  accountId: string
): Promise<HandoverRow | undefined> {
  const rows = await all<HandoverRow>(
    conn,
    `SELECT ${HANDOVER_FIELDS} FROM Handover__c WHERE Account__c = ${quote([accountId])} ORDER BY CreatedDate DESC LIMIT 1`
  );
  return rows[0];
}

/** The account's Draft, Submitted and Returned handovers (the one-open rule allows one). */
export async function openForAccount(conn: Connection, accountId: string): Promise<HandoverRow[]> {
  return all<HandoverRow>(
    conn,
    `SELECT Id, Name, Status__c FROM Handover__c WHERE Account__c = ${quote([accountId])} AND Status__c IN (${OPEN_HANDOVER_STATUSES.map(soqlString).join(', ')})`
  );
}

export async function handoversByIds(
  conn: Connection,
  ids: readonly string[]
): Promise<HandoverRow[]> {
  if (ids.length === 0) return [];
  return all<HandoverRow>(
    conn,
    `SELECT ${HANDOVER_FIELDS} FROM Handover__c WHERE Id IN (${quote(ids)})`
  );
}

export async function opportunityById(
  conn: Connection,
  opportunityId: string
): Promise<OpportunityRow | undefined> {
  const base = `SELECT Id, Name, AccountId, Amount, CloseDate, IsWon FROM Opportunity WHERE Id = ${quote([opportunityId])} LIMIT 1`;
  const [deal] = await all<OpportunityRow>(conn, base);
  if (!deal || !(await canReadProducts(conn))) return deal;
  const items = await all<{ Product2?: { Name: string } }>(
    conn,
    `SELECT Product2.Name FROM OpportunityLineItem WHERE OpportunityId = ${quote([opportunityId])}`
  );
  return { ...deal, OpportunityLineItems: { records: items } };
}

/**
 * As HandoverSelector.canReadProducts: products only prefill "what was sold", so a user who
 * may not read line items and products (or an org without them, as the local org) gets the
 * deal alone. An object the user may not read is missing from the global describe, or not
 * queryable there.
 */
export async function canReadProducts(conn: Connection): Promise<boolean> {
  const { sobjects } = await conn.describeGlobal();
  const readable = new Set(sobjects.filter((o) => o.queryable).map((o) => o.name));
  return readable.has('OpportunityLineItem') && readable.has('Product2');
}

export async function contactsOfAccount(conn: Connection, accountId: string) {
  return all<{ Id: string; Name: string; Title?: string | null }>(
    conn,
    `SELECT Id, Name, Title FROM Contact WHERE AccountId = ${quote([accountId])} ORDER BY Name LIMIT 200`
  );
}

/**
 * Active users holding Baton_Account_Manager: whom a seller can hand over to. An org that
 * cannot answer for permission set assignments (or has none yet) offers every active user,
 * so a seller is never left with nobody to hand over to.
 */
export async function accountManagers(conn: Connection) {
  const assignments = await all<{ AssigneeId: string }>(
    conn,
    `SELECT AssigneeId FROM PermissionSetAssignment WHERE PermissionSet.Name = 'Baton_Account_Manager'`
  ).catch(() => []);
  const ids = [...new Set(assignments.map((row) => row.AssigneeId))];
  const filter = ids.length ? ` AND Id IN (${quote(ids)})` : '';
  return all<{ Id: string; Name: string }>(
    conn,
    `SELECT Id, Name FROM User WHERE IsActive = true${filter} ORDER BY Name LIMIT 200`
  );
}

/** Open Baton touchpoint Tasks of an account owned by one user (an account manager handing over). */
export async function openTouchpointTasksOf(conn: Connection, accountId: string, ownerId: string) {
  return all<{ Id: string }>(
    conn,
    `SELECT Id FROM Task WHERE WhatId = ${quote([accountId])} AND OwnerId = ${quote([ownerId])} AND IsClosed = false AND Touchpoint_Key__c != null`
  );
}

/** Every open touchpoint Task on the Account, whoever owns it. */
export async function openTouchpointTasksOn(conn: Connection, accountId: string) {
  return all<{ Id: string; Touchpoint_Key__c: string }>(
    conn,
    `SELECT Id, Touchpoint_Key__c FROM Task WHERE WhatId = ${quote([accountId])} AND IsClosed = false AND Touchpoint_Key__c != null`
  );
}

export async function tasksByTouchpointKey(conn: Connection, keys: readonly string[]) {
  if (keys.length === 0) return [];
  return all<{ Id: string; Touchpoint_Key__c: string; IsClosed: boolean }>(
    conn,
    `SELECT Id, Touchpoint_Key__c, IsClosed FROM Task WHERE Touchpoint_Key__c IN (${keys.map(soqlString).join(', ')})`
  );
}

export async function accountsByIds(
  conn: Connection,
  ids: readonly string[]
): Promise<AccountRow[]> {
  if (ids.length === 0) return [];
  return all<AccountRow>(conn, `SELECT ${ACCOUNT_FIELDS} FROM Account WHERE Id IN (${quote(ids)})`);
}

/** The language to write to a user in (their LanguageLocaleKey); English for nobody or a user not found. */
export async function languageOf(
  conn: Connection,
  userId: string | null | undefined
): Promise<MessageLanguage> {
  if (!userId) return 'en';
  const [user] = await all<{ LanguageLocaleKey?: string | null }>(
    conn,
    `SELECT LanguageLocaleKey FROM User WHERE Id = ${quote([userId])} LIMIT 1`
  );
  return messageLanguage(user?.LanguageLocaleKey);
}

/**
 * Handover__c's field labels and its touch tiers' labels (Proposed_Touch_Tier__c's picklist) as
 * the org describes them to this user: in the user's language on a real org, as Apex's Schema
 * describe gives them.
 */
export async function handoverLabelsOf(conn: Connection): Promise<{
  fieldLabels: Record<string, string>;
  tierLabels: Record<string, string>;
}> {
  const { fields } = await conn.sobject('Handover__c').describe();
  const tiers = fields.find((field) => field.name === 'Proposed_Touch_Tier__c');
  return {
    fieldLabels: Object.fromEntries(fields.map((field) => [field.name, field.label])),
    tierLabels: Object.fromEntries(
      (tiers?.picklistValues ?? []).map((value) => [value.value, value.label ?? value.value])
    )
  };
}
