import type { Connection } from 'jsforce';
import { startTestOrg, type TestOrg } from '../../testkit/testOrg';
import { readRecordFeed } from '../../testkit/handover/feedReader';

// A deal reaching Closed Won drafts its Account's handover in the local org, as the Apex
// OpportunityTrigger does: pre-filled, each field with its source, and its owner is told.

let t: TestOrg;
let seller: Connection;
let sellerId: string;

beforeAll(async () => {
  t = await startTestOrg();
  seller = t.connAs('seller');
  sellerId = t.org.users.find((user) => user.persona === 'seller')!.id;
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const create = async (conn: Connection, type: string, record: Record<string, unknown>) =>
  (await conn.sobject(type).create(record)).id as string;

async function openDeal(name: string) {
  const accountId = await create(t.conn, 'Account', { Name: name, OwnerId: sellerId });
  const aino = await create(t.conn, 'Contact', {
    FirstName: 'Aino',
    LastName: 'Virtanen',
    AccountId: accountId
  });
  const juha = await create(t.conn, 'Contact', {
    FirstName: 'Juha',
    LastName: 'Laine',
    AccountId: accountId
  });
  // The sales profile (not Baton's permission sets) edits deals: the admin stands in for it.
  const dealId = await create(t.conn, 'Opportunity', {
    Name: `${name} — Baton Pro`,
    OwnerId: sellerId,
    AccountId: accountId,
    StageName: 'Negotiation',
    CloseDate: '2027-01-15',
    Amount: 24000,
    NextStep: 'Kick-off with the CFO in week 3',
    Description: 'Month-end reporting took five days by hand.'
  });
  await create(t.conn, 'OpportunityContactRole', {
    OpportunityId: dealId,
    ContactId: aino,
    Role: 'Decision Maker',
    IsPrimary: true
  });
  await create(t.conn, 'OpportunityContactRole', {
    OpportunityId: dealId,
    ContactId: juha,
    Role: 'Technical Buyer',
    IsPrimary: false
  });
  await create(t.conn, 'OpportunityCompetitor', { OpportunityId: dealId, CompetitorName: 'Excel' });
  return { accountId, dealId, aino };
}

const handoversOf = async (accountId: string) =>
  (
    await t.conn.query<Record<string, unknown>>(
      `SELECT Id, Status__c, Seller__c, Opportunity__c, ARR__c, Contract_Start__c, Primary_Contact__c, Secondary_Contacts__c, Competitors__c, Promises__c, Why_They_Bought__c, What_Was_Sold__c, Prefill_Sources__c FROM Handover__c WHERE Account__c = '${accountId}'`
    )
  ).records;

async function postsOn(recordId: string, wanted: number) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const posts = await readRecordFeed(t.conn, recordId);
    if (posts.length >= wanted) return posts;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return readRecordFeed(t.conn, recordId);
}

describe('a deal that becomes Closed Won', () => {
  it('drafts its Account handover, pre-filled with the source of each field, and tells the seller', async () => {
    const { accountId, dealId, aino } = await openDeal('Voitto Oy');
    await t.conn.sobject('Opportunity').update({ Id: dealId, StageName: 'Closed Won' });
    const [draft] = await handoversOf(accountId);
    expect(draft).toMatchObject({
      Status__c: 'Draft',
      Seller__c: sellerId,
      Opportunity__c: dealId,
      ARR__c: 24000,
      Contract_Start__c: '2027-01-15',
      Primary_Contact__c: aino,
      Secondary_Contacts__c: 'Juha Laine (Technical Buyer)',
      Competitors__c: 'Excel',
      Promises__c: 'Kick-off with the CFO in week 3',
      Why_They_Bought__c: 'Month-end reporting took five days by hand.',
      // The local org has no products: what was sold stays for the seller to type.
      What_Was_Sold__c: null
    });
    expect(JSON.parse(String(draft.Prefill_Sources__c))).toEqual({
      ARR__c: 'Opportunity.Amount',
      Contract_Start__c: 'Opportunity.CloseDate',
      Primary_Contact__c: 'OpportunityContactRole.IsPrimary',
      Secondary_Contacts__c: 'OpportunityContactRole',
      Competitors__c: 'OpportunityCompetitor.CompetitorName',
      Promises__c: 'Opportunity.NextStep',
      Why_They_Bought__c: 'Opportunity.Description'
    });
    const [post] = await postsOn(dealId, 1);
    expect(post.mentions).toEqual([sellerId]);
    expect(post.text).toContain('was drafted from this won deal');
    const bell = await seller.request<{ notifications: { messageBody: string }[] }>(
      '/services/data/v62.0/connect/notifications'
    );
    expect(bell.notifications[0].messageBody).toContain('was drafted from this won deal');
    const context = await seller.request<{ handover: { Id: string; Prefill_Sources__c: string } }>({
      method: 'POST',
      url: '/services/apexrest-local/HandoverController/getContext',
      body: JSON.stringify({ recordId: accountId }),
      headers: { 'Content-Type': 'application/json' }
    });
    expect(context.handover.Id).toBe(draft.Id);
    expect(context.handover.Prefill_Sources__c).toBe(draft.Prefill_Sources__c);
  });

  it('drafts once: saving the won deal again, or winning another deal while one is open, adds none', async () => {
    const { accountId, dealId } = await openDeal('Kerran Oy');
    await t.conn.sobject('Opportunity').update({ Id: dealId, StageName: 'Closed Won' });
    await t.conn.sobject('Opportunity').update({ Id: dealId, NextStep: 'Invoice sent' });
    await create(t.conn, 'Opportunity', {
      Name: 'Kerran Oy — add-on',
      OwnerId: sellerId,
      AccountId: accountId,
      StageName: 'Closed Won',
      CloseDate: '2027-02-01',
      Amount: 1200
    });
    expect(await handoversOf(accountId)).toHaveLength(1);
  });

  it('leaves lost and open deals alone', async () => {
    const { accountId, dealId } = await openDeal('Häviö Oy');
    await t.conn.sobject('Opportunity').update({ Id: dealId, StageName: 'Closed Lost' });
    expect(await handoversOf(accountId)).toHaveLength(0);
  });
});
