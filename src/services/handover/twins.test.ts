import type { Connection } from 'jsforce';
import { parseModelRecords, requiredHandoverFields } from '../../core';
import { loadProjectModel } from '../../metadata/projectModel';
import { startTestOrg } from '../../testkit/testOrg';
import { planTouchpointsForAccounts } from '../touchpoints/plan';
import type { HandoverContext } from './context';
import { readComments, readFeedElement } from '../../testkit/handover/feedReader';
import { isoDateOf } from '../../core/dates';

// The full lifecycle as the panel drives it: each call goes through the local org's Apex
// route (POST /services/apexrest-local/HandoverController/<method>) to the registered twin,
// as the seller or the account manager.

type TestOrg = Awaited<ReturnType<typeof startTestOrg>>;
let testOrg: TestOrg;
let seller: Connection;
let am: Connection;
let sellerId: string;
let amId: string;

beforeAll(async () => {
  testOrg = await startTestOrg();
  seller = testOrg.connAs('seller');
  am = testOrg.connAs('accountManager');
  const idOf = (persona: string) => testOrg.org.users.find((user) => user.persona === persona)!.id;
  sellerId = idOf('seller');
  amId = idOf('accountManager');
}, 60_000);

afterAll(async () => {
  await testOrg?.close();
});

function apex(conn: Connection, method: string, params: unknown): Promise<HandoverContext> {
  return conn.request<HandoverContext>({
    method: 'POST',
    url: `/services/apexrest-local/HandoverController/${method}`,
    body: JSON.stringify(params),
    headers: { 'Content-Type': 'application/json' }
  });
}

async function newAccount(): Promise<{ accountId: string; contactId: string }> {
  const account = await testOrg.conn
    .sobject('Account')
    .create({ Name: `Lifecycle ${Date.now()}`, MRR__c: 2000, OwnerId: sellerId });
  const contact = await testOrg.conn
    .sobject('Contact')
    .create({ LastName: 'Virtanen', AccountId: account.id });
  return { accountId: account.id as string, contactId: contact.id as string };
}

const complete = (accountId: string, contactId: string) => ({
  Account__c: accountId,
  Account_Manager__c: amId,
  Contract_Start__c: '2026-01-05',
  What_Was_Sold__c: 'Baton Pro, 40 seats',
  Primary_Contact__c: contactId,
  Success_Criteria__c: '40 users active by week 8',
  First_Year_Goal__c: 'Invoicing in the product',
  Promises__c: 'none',
  Technical_Needs__c: 'SSO with Azure AD',
  Risks__c: 'IT busy until February',
  Fit__c: 'Good',
  Proposed_Touch_Tier__c: 'Low'
});

const feedItems = async (accountId: string) =>
  (
    await testOrg.conn.query<{ Id: string; Body: string }>(
      `SELECT Id, Body FROM FeedItem WHERE ParentId = '${accountId}'`
    )
  ).records;

describe('handover twins through the local org', () => {
  it('runs draft → submit (twice) → accept, with a real mention read back from the feed and from FeedItem', async () => {
    const { accountId, contactId } = await newAccount();
    const drafted = await apex(seller, 'saveDraft', { handover: complete(accountId, contactId) });
    expect(drafted.handover).toMatchObject({ Status__c: 'Draft', Seller__c: sellerId });
    const handoverId = drafted.handover!.Id;

    const submitted = await apex(seller, 'submit', { handoverId });
    await apex(seller, 'submit', { handoverId });
    expect(submitted.handover).toMatchObject({ Status__c: 'Submitted' });
    const postId = submitted.handover!.Feed_Element_Id__c as string;
    expect(submitted.postUrl).toContain(postId);

    const post = await readFeedElement(am, postId);
    expect(post.mentions).toEqual([amId]);
    expect(post.text).toContain('Baton Pro, 40 seats');
    const items = await feedItems(accountId);
    expect(items.map((item) => item.Id)).toEqual([postId]);
    expect(items[0].Body).toContain('40 users active by week 8');

    const accepted = await apex(am, 'accept', { handoverId });
    expect(accepted.handover).toMatchObject({ Status__c: 'Accepted' });
    expect(accepted.account).toMatchObject({
      Account_Manager__c: amId,
      Customer_Stage__c: 'Onboarding'
    });
    const comments = await readComments(seller, postId);
    expect(comments.map((comment) => comment.mentions)).toEqual([[sellerId]]);
  });

  it("writes to each reader in their language: a Finnish account manager's post and Tasks in Finnish, the English seller's comment in English", async () => {
    const finnish = testOrg.org.users.find((user) => user.name === 'Juha Mäkinen')!;
    const { accountId, contactId } = await newAccount();
    const { handover } = await apex(seller, 'saveDraft', {
      handover: { ...complete(accountId, contactId), Account_Manager__c: finnish.id }
    });
    const submitted = await apex(seller, 'submit', { handoverId: handover!.Id });
    const postId = submitted.handover!.Feed_Element_Id__c as string;

    const post = await readFeedElement(am, postId);
    expect(post.text).toContain(`luovutus ${handover!.Name} asiakkuudesta`);
    expect(post.text).toContain('Mitä myytiin: Baton Pro, 40 seats');
    expect(post.text).toContain('Avaa luovutus:');
    expect(post.text).not.toContain('ready for you');

    await apex(testOrg.connAs(finnish.id), 'accept', { handoverId: handover!.Id });
    const subjects = async () =>
      (
        await testOrg.conn.query<{ Subject: string }>(
          `SELECT Subject FROM Task WHERE WhatId = '${accountId}' AND OwnerId = '${finnish.id}'`
        )
      ).records
        .map((task) => task.Subject)
        .sort();
    const finnishPlan = [
      'Ensimmäinen yhteydenotto',
      'Onnistumisen tarkistus (60 päivää)',
      'Tavoitteiden katselmointi (365 päivää)'
    ];
    expect(await subjects()).toEqual(finnishPlan);
    // The daily `touchpoints plan` keeps them in their owner's language.
    await testOrg.conn.sobject('Account').update({ Id: accountId, Touch_Tier__c: 'Low' });
    await planTouchpointsForAccounts(testOrg.conn, [accountId], { asOf: isoDateOf(new Date()) });
    expect(await subjects()).toEqual(finnishPlan);
    const [comment] = await readComments(seller, postId);
    expect(comment.text).toContain(`handover ${handover!.Name} accepted. Onboarding has started.`);
  });

  it('gives the account manager the touchpoints planned before acceptance, keeping completed ones', async () => {
    const { accountId, contactId } = await newAccount();
    await testOrg.conn
      .sobject('Account')
      .update({ Id: accountId, Contract_Start__c: '2026-01-05', Touch_Tier__c: 'High' });
    // `baton touchpoints plan` before there is an account manager: the Tasks are the owner's.
    await planTouchpointsForAccounts(testOrg.conn, [accountId], { asOf: isoDateOf(new Date()) });
    const tasks = async () =>
      (
        await testOrg.conn.query<{
          Id: string;
          OwnerId: string;
          Status: string;
          Touchpoint_Key__c: string;
        }>(
          `SELECT Id, OwnerId, Status, Touchpoint_Key__c FROM Task WHERE WhatId = '${accountId}' AND Touchpoint_Key__c != null ORDER BY Touchpoint_Key__c`
        )
      ).records;
    const before = await tasks();
    expect(before.length).toBeGreaterThan(1);
    expect(new Set(before.map((task) => task.OwnerId))).toEqual(new Set([sellerId]));
    const [done] = before;
    await testOrg.conn.sobject('Task').update({ Id: done.Id, Status: 'Completed' });

    const { handover } = await apex(seller, 'saveDraft', {
      handover: {
        ...complete(accountId, contactId),
        Proposed_Touch_Tier__c: 'High',
        Secondary_Contacts__c: 'Liisa Laine, COO\nPekka Puro, IT lead',
        Decision_Makers__c: 'Liisa Laine'
      }
    });
    await apex(seller, 'submit', { handoverId: handover!.Id });
    await apex(am, 'accept', { handoverId: handover!.Id });

    const after = new Map((await tasks()).map((task) => [task.Touchpoint_Key__c, task]));
    expect(after.get(done.Touchpoint_Key__c)).toMatchObject({
      Id: done.Id,
      OwnerId: sellerId,
      Status: 'Completed'
    });
    // What the acceptance plans under a key planned before moves to the account manager on
    // the same Task (no second Task for the key; Touchpoint_Key__c is unique).
    const movedToManager = before.filter(
      (task) =>
        task.Id !== done.Id &&
        after.get(task.Touchpoint_Key__c)?.Id === task.Id &&
        after.get(task.Touchpoint_Key__c)?.OwnerId === amId
    );
    expect(movedToManager.length).toBeGreaterThan(0);
    // Meetings planned from the contract start beyond the acceptance's plan are re-planned by
    // the next daily `touchpoints plan`: then no open touchpoint is left with the seller.
    await planTouchpointsForAccounts(testOrg.conn, [accountId], { asOf: isoDateOf(new Date()) });
    const open = (await tasks()).filter((task) => !['Completed'].includes(task.Status));
    expect(open.length).toBeGreaterThan(0);
    expect(open.filter((task) => task.OwnerId !== amId)).toEqual([]);
  });

  it('rejects an illegal transition with a clear error and writes nothing', async () => {
    const { accountId, contactId } = await newAccount();
    const drafted = await apex(seller, 'saveDraft', { handover: complete(accountId, contactId) });
    const before = await testOrg.conn.sobject('Handover__c').retrieve(drafted.handover!.Id);
    await expect(apex(am, 'accept', { handoverId: drafted.handover!.Id })).rejects.toThrow(
      /Handover HO-\d+: Cannot accept a handover that is Draft/
    );
    const after = await testOrg.conn.sobject('Handover__c').retrieve(drafted.handover!.Id);
    expect(after).toEqual(before);
    const account = await testOrg.conn.sobject('Account').retrieve(accountId);
    expect(account).toMatchObject({ Customer_Stage__c: null, Account_Manager__c: null });
    expect(await feedItems(accountId)).toHaveLength(0);
  });

  it('returns with a reason and resubmits on the same post', async () => {
    const { accountId, contactId } = await newAccount();
    const drafted = await apex(seller, 'saveDraft', { handover: complete(accountId, contactId) });
    const handoverId = drafted.handover!.Id;
    await apex(seller, 'submit', { handoverId });
    await expect(apex(am, 'returnToSeller', { handoverId, reason: ' ' })).rejects.toThrow(
      /Give a return reason/
    );
    const returned = await apex(am, 'returnToSeller', {
      handoverId,
      reason: 'Which SSO provider?'
    });
    expect(returned.handover).toMatchObject({
      Status__c: 'Returned',
      Return_Reason__c: 'Which SSO provider?'
    });
    await apex(seller, 'saveDraft', {
      handover: { Id: handoverId, Technical_Needs__c: 'Azure AD, tenant confirmed' }
    });
    const resubmitted = await apex(seller, 'submit', { handoverId });
    expect(resubmitted.handover).toMatchObject({
      Status__c: 'Submitted',
      Technical_Needs__c: 'Azure AD, tenant confirmed'
    });
    expect(await feedItems(accountId)).toHaveLength(1);
    const comments = await readComments(seller, resubmitted.handover!.Feed_Element_Id__c as string);
    expect(comments.map((comment) => comment.mentions)).toEqual([[sellerId], [amId]]);
    expect(comments[0].text).toContain('Which SSO provider?');
  });

  it("gives the panel the org's custom metadata records, which the core parses into the project's model", async () => {
    const { accountId } = await newAccount();
    const context = await apex(seller, 'getContext', { recordId: accountId });
    const model = parseModelRecords(context.modelRecords);
    expect(model).toEqual(loadProjectModel());
    expect(requiredHandoverFields('High', model)).toContain('Secondary_Contacts__c');
  });

  it('opens a closed-won deal for a seller who may not read products: the deal prefills, line items are skipped', async () => {
    const { accountId } = await newAccount();
    const deal = await testOrg.conn.sobject('Opportunity').create({
      Name: 'Baton Pro 40 seats',
      AccountId: accountId,
      StageName: 'Closed Won',
      CloseDate: '2026-01-02',
      Amount: 24000,
      OwnerId: sellerId
    });

    const context = await apex(seller, 'getContext', { recordId: deal.id });

    expect(context.account.Id).toBe(accountId);
    expect(context.opportunity).toMatchObject({ Name: 'Baton Pro 40 seats', Amount: 24000 });
    // As the Apex answers: no line items at all, not an empty list it could not read.
    expect(context.opportunity).not.toHaveProperty('OpportunityLineItems');
  });

  it('names the field when the input is malformed', async () => {
    await expect(apex(seller, 'submit', { handoverId: 'not-an-id' })).rejects.toThrow(
      /handoverId: must be a 15 or 18 character Salesforce Id/
    );
  });
});
