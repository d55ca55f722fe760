import { startTestOrg, type TestOrg } from '../../testkit/testOrg';
import { readComments, readRecordFeed } from '../../testkit/handover/feedReader';
import { saveDraft, submit } from './service';

// The handover as each company sells, through jsforce and the local org's twins with the
// shipped Handover_Setting__mdt: the account manager joins a would-be High-touch deal at
// Negotiation, and a seller who is also the account manager completes by submitting.

let t: TestOrg;
let sellerId: string;
let otherSellerId: string;
let managerId: string;

const waitFor = async <T>(read: () => Promise<T[]>, count = 1): Promise<T[]> => {
  for (let tries = 0; tries < 100; tries++) {
    const found = await read();
    if (found.length >= count) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return read();
};

beforeAll(async () => {
  t = await startTestOrg();
  const sellers = t.org.users.filter((user) => user.persona === 'seller');
  [sellerId, otherSellerId] = sellers.map((user) => user.id);
  managerId = t.org.users.find((user) => user.persona === 'accountManager')!.id;
}, 60_000);

afterAll(() => t?.close());

async function openDeal(account: Record<string, unknown>, deal: Record<string, unknown>) {
  const accountId = (await t.conn.sobject('Account').create({ Name: 'Avain Oy', ...account }))
    .id as string;
  // The sales profile (not Baton's permission sets) edits deals, so the admin writes them.
  const dealId = (
    await t.conn.sobject('Opportunity').create({
      Name: 'Baton Enterprise',
      AccountId: accountId,
      OwnerId: sellerId,
      StageName: 'Proposal',
      CloseDate: '2027-01-15',
      ...deal
    })
  ).id as string;
  return { accountId, dealId };
}

const teamOf = async (dealId: string) =>
  (
    await t.conn.query<{ UserId: string; TeamMemberRole: string }>(
      `SELECT UserId, TeamMemberRole FROM OpportunityTeamMember WHERE OpportunityId = '${dealId}'`
    )
  ).records.map(({ UserId, TeamMemberRole }) => ({ UserId, TeamMemberRole }));

describe('the account manager before the close', () => {
  it('it_should_bring_the_proposed_account_manager_into_a_would_be_high_touch_deal_and_address_the_handover_to_them', async () => {
    const { accountId, dealId } = await openDeal(
      {},
      { Amount: 60000, Proposed_Account_Manager__c: managerId }
    );
    const notes = 'Their CFO signs off every rollout step; the pilot team in Tampere goes first.';

    await t.conn.sobject('Opportunity').update({ Id: dealId, StageName: 'Negotiation' });

    expect(await teamOf(dealId)).toEqual([
      { UserId: managerId, TeamMemberRole: 'Account Manager' }
    ]);
    const [post] = await waitFor(() => readRecordFeed(t.conn, dealId));
    expect(post.mentions).toEqual([managerId]);
    expect(post.text).toContain('join the last sales meetings');
    expect(post.text).toContain('the proposed account manager of Avain Oy');

    // The account manager, now on the deal's team, writes what they learned in the meetings.
    await t.conn.sobject('Opportunity').update({ Id: dealId, Account_Manager_Notes__c: notes });
    await t.conn.sobject('Opportunity').update({ Id: dealId, StageName: 'Closed Won' });
    const { records } = await t.conn.query<{
      Account_Manager__c: string;
      Account_Manager_Notes__c: string;
      Prefill_Sources__c: string;
    }>(
      `SELECT Account_Manager__c, Account_Manager_Notes__c, Prefill_Sources__c FROM Handover__c WHERE Account__c = '${accountId}'`
    );
    expect(records[0].Account_Manager__c).toBe(managerId);
    expect(records[0].Account_Manager_Notes__c).toBe(notes);
    expect(JSON.parse(records[0].Prefill_Sources__c)).toMatchObject({
      Account_Manager__c: 'Opportunity.Proposed_Account_Manager__c',
      Account_Manager_Notes__c: 'Opportunity.Account_Manager_Notes__c'
    });
  });

  it('it_should_propose_the_accounts_own_manager_on_the_deal_when_the_seller_named_none', async () => {
    const { dealId } = await openDeal(
      { Strategic_Account__c: true, Account_Manager__c: managerId },
      { Amount: 10000 }
    );

    await t.conn.sobject('Opportunity').update({ Id: dealId, StageName: 'Negotiation' });

    const deal = await t.conn.sobject('Opportunity').retrieve(dealId);
    expect(deal.Proposed_Account_Manager__c).toBe(managerId);
    expect(await teamOf(dealId)).toHaveLength(1);
  });

  it('it_should_leave_a_low_touch_deal_to_the_handover_after_the_win', async () => {
    const { dealId } = await openDeal(
      {},
      { Amount: 24000, Proposed_Account_Manager__c: managerId }
    );

    await t.conn.sobject('Opportunity').update({ Id: dealId, StageName: 'Negotiation' });

    expect(await teamOf(dealId)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await readRecordFeed(t.conn, dealId)).toEqual([]);
  });
});

describe('a seller who is also the account manager', () => {
  async function ownDraft(userId: string) {
    const accountId = (
      await t.conn.sobject('Account').create({ Name: 'Pieni Oy', OwnerId: userId })
    ).id as string;
    const contact = (
      await t.conn.sobject('Contact').create({ LastName: 'Virtanen', AccountId: accountId })
    ).id as string;
    const conn = t.connAs(userId);
    const actor = { conn, userId, baseUrl: conn.instanceUrl, asOf: new Date() };
    const handoverId = await saveDraft(actor, {
      Account__c: accountId,
      Account_Manager__c: userId,
      Contract_Start__c: '2026-01-05',
      What_Was_Sold__c: 'Baton Pro, 5 seats',
      Primary_Contact__c: contact,
      Success_Criteria__c: '5 users active by week 8',
      Fit__c: 'Good',
      Proposed_Touch_Tier__c: 'Tech'
    });
    return { actor, accountId, handoverId };
  }

  it('it_should_complete_the_handover_on_submit_on_the_same_record_with_a_post_for_the_team', async () => {
    // A small company's seller holds the account manager's permission set too.
    const [set] = (
      await t.conn.query<{ Id: string }>(
        "SELECT Id FROM PermissionSet WHERE Name = 'Baton_Account_Manager'"
      )
    ).records;
    await t.conn
      .sobject('PermissionSetAssignment')
      .create({ AssigneeId: sellerId, PermissionSetId: set.Id });
    const { actor, accountId, handoverId } = await ownDraft(sellerId);

    await submit(actor, handoverId);

    const handover = await t.conn.sobject('Handover__c').retrieve(handoverId);
    expect(handover).toMatchObject({
      Status__c: 'Accepted',
      Completed_On_Submit__c: true,
      Submitted_At__c: null
    });
    expect(handover.Accepted_At__c).toBeTruthy();
    const account = await t.conn.sobject('Account').retrieve(accountId);
    expect(account).toMatchObject({
      Account_Manager__c: sellerId,
      Customer_Stage__c: 'Onboarding'
    });
    const tasks = await t.conn.query<{ OwnerId: string }>(
      `SELECT OwnerId FROM Task WHERE WhatId = '${accountId}' AND Touchpoint_Key__c != null`
    );
    expect(tasks.records.length).toBeGreaterThan(0);
    expect(new Set(tasks.records.map((task) => task.OwnerId))).toEqual(new Set([sellerId]));
    const posts = await readRecordFeed(t.conn, accountId);
    expect(posts).toHaveLength(1);
    expect(posts[0].mentions).toEqual([]);
    expect(posts[0].text).toContain('the seller is also the account manager');
    expect(await readComments(t.conn, posts[0].id)).toEqual([]);
  });

  it('it_should_leave_it_for_an_accept_when_the_seller_cannot_do_what_an_accept_does', async () => {
    const { actor, handoverId } = await ownDraft(otherSellerId);

    await submit(actor, handoverId);

    const handover = await t.conn.sobject('Handover__c').retrieve(handoverId);
    expect(handover).toMatchObject({ Status__c: 'Submitted', Completed_On_Submit__c: false });
  });
});

describe('trials', () => {
  it('it_should_draft_a_lighter_handover_when_a_trial_deal_is_won_and_submit_it_with_the_trial_fields', async () => {
    // The shipped Handover_Setting__mdt names Trial as the trial Opportunity Type; a full
    // handover of any tier would also need Fit__c, which nobody fills here.
    const { accountId, dealId } = await openDeal(
      {},
      { Amount: 60000, Type: 'Trial', Proposed_Account_Manager__c: managerId }
    );
    const contact = (
      await t.conn.sobject('Contact').create({ LastName: 'Virtanen', AccountId: accountId })
    ).id as string;

    await t.conn.sobject('Opportunity').update({ Id: dealId, StageName: 'Closed Won' });

    const [draft] = (
      await t.conn.query<{ Id: string; Trial__c: boolean }>(
        `SELECT Id, Trial__c FROM Handover__c WHERE Account__c = '${accountId}'`
      )
    ).records;
    expect(draft.Trial__c).toBe(true);
    const conn = t.connAs(sellerId);
    const actor = { conn, userId: sellerId, baseUrl: conn.instanceUrl, asOf: new Date() };
    await saveDraft(actor, {
      Id: draft.Id,
      What_Was_Sold__c: 'Baton Enterprise trial, 10 seats',
      Primary_Contact__c: contact,
      Success_Criteria__c: 'Month-end closed in the product'
    });

    await submit(actor, draft.Id);

    const handover = await t.conn.sobject('Handover__c').retrieve(draft.Id);
    expect(handover).toMatchObject({ Status__c: 'Submitted', Trial__c: true });

    // The customer buys, then buys an add-on: the trial converted, once, on the day.
    for (const Name of ['Baton Enterprise', 'Add-on'])
      await t.conn.sobject('Opportunity').create({
        Name,
        AccountId: accountId,
        OwnerId: sellerId,
        Type: 'New Customer',
        StageName: 'Closed Won',
        CloseDate: '2027-02-01'
      });
    const outcomes = await t.conn.query<{ Type__c: string; Outcome_Date__c: string }>(
      `SELECT Type__c, Outcome_Date__c FROM Customer_Outcome__c WHERE Account__c = '${accountId}'`
    );
    expect(
      outcomes.records.map(({ Type__c, Outcome_Date__c }) => ({ Type__c, Outcome_Date__c }))
    ).toEqual([
      { Type__c: 'Trial Converted', Outcome_Date__c: new Date().toISOString().slice(0, 10) }
    ]);
  });

  it('it_should_draft_the_full_handover_from_a_deal_of_any_other_type', async () => {
    const { accountId, dealId } = await openDeal({}, { Amount: 60000, Type: 'New Customer' });

    await t.conn.sobject('Opportunity').update({ Id: dealId, StageName: 'Closed Won' });

    const { records } = await t.conn.query<{ Trial__c: boolean }>(
      `SELECT Trial__c FROM Handover__c WHERE Account__c = '${accountId}'`
    );
    expect(records[0].Trial__c).toBe(false);
    const outcomes = await t.conn.query(
      `SELECT Id FROM Customer_Outcome__c WHERE Account__c = '${accountId}'`
    );
    expect(outcomes.totalSize).toBe(0);
  });
});
