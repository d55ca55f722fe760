import { startTestOrg, type TestOrg } from '../../testkit/testOrg';
import { readComments } from '../../testkit/handover/feedReader';
import { escalateHeadline, escalateOverdueHandovers } from './escalate';
import { saveDraft, submit } from './service';

// Escalation of an overdue handover through jsforce and the local org: the shipped setting
// names Baton_CS_Lead, so Laura Lehtonen (the lead persona, reading Finnish here) is told once,
// on the handover's post, a business day after the account manager's first reminder.

let t: TestOrg;
let handoverId: string;
let postId: string;
let leadId: string;

beforeAll(async () => {
  t = await startTestOrg();
  leadId = t.org.users.find((user) => user.persona === 'lead')!.id;
  await t.conn.sobject('User').update({ Id: leadId, LanguageLocaleKey: 'fi' });
  const managerId = t.org.users.find((user) => user.persona === 'accountManager')!.id;
  const sellerId = t.org.users.find((user) => user.persona === 'seller')!.id;
  const account = (await t.conn.sobject('Account').create({ Name: 'Eskalaatio Oy' })).id as string;
  const contact = (
    await t.conn.sobject('Contact').create({ LastName: 'Virtanen', AccountId: account })
  ).id as string;
  const conn = t.connAs('seller');
  // Submitted on Monday 30 November 2026: the answer is due Wednesday 2 December.
  const seller = {
    conn,
    userId: sellerId,
    baseUrl: conn.instanceUrl,
    asOf: new Date('2026-11-30T09:00:00Z')
  };
  handoverId = await saveDraft(seller, {
    Account__c: account,
    Account_Manager__c: managerId,
    Contract_Start__c: '2026-01-05',
    What_Was_Sold__c: 'Baton Pro, 40 seats',
    Primary_Contact__c: contact,
    Success_Criteria__c: '40 users active by week 8',
    Fit__c: 'Good',
    Proposed_Touch_Tier__c: 'Tech'
  });
  await submit(seller, handoverId);
  postId = (await t.conn.sobject('Handover__c').retrieve(handoverId)).Feed_Element_Id__c as string;
}, 60_000);

afterAll(() => t?.close());

describe('escalating an overdue handover', () => {
  it('it_should_tell_the_lead_once_a_business_day_after_the_first_overdue_day_in_their_language', async () => {
    // Thursday 3 December is the first overdue day: the account manager's reminder only.
    const firstOverdueDay = await escalateOverdueHandovers(t.conn, { asOf: '2026-12-03' });
    expect(firstOverdueDay).toMatchObject({
      lead: 'Baton_CS_Lead',
      leadIds: [leadId],
      escalated: []
    });

    const nextDay = await escalateOverdueHandovers(t.conn, { asOf: '2026-12-04' });
    expect(nextDay.escalated).toEqual([expect.objectContaining({ id: handoverId })]);
    expect(escalateHeadline(nextDay)).toMatch(
      /^1 of 1 submitted handovers escalated to Baton_CS_Lead: /
    );
    expect((await escalateOverdueHandovers(t.conn, { asOf: '2026-12-07' })).escalated).toEqual([]);

    const comments = await readComments(t.conn, postId);
    expect(comments.map((comment) => comment.mentions)).toEqual([[leadId]]);
    expect(comments[0].text).toMatch(
      /luovutus \S+ on myöhässä: .+ ei ole vastannut siihen määräpäivään 2\.12\.2026 mennessä\. Selvitäthän tilanteen:/
    );
    expect((await t.conn.sobject('Handover__c').retrieve(handoverId)).Escalated_On__c).toBe(
      '2026-12-04'
    );
    const bell = await t
      .connAs(leadId)
      .request<{ notifications: { messageBody: string }[] }>(
        '/services/data/v62.0/connect/notifications'
      );
    expect(bell.notifications.filter((note) => note.messageBody.includes('myöhässä'))).toHaveLength(
      1
    );
  });
});
