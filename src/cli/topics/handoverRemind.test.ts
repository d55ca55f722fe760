import { startTestOrg, type TestOrg } from '../../testkit/testOrg';
import { readComments } from '../../testkit/handover/feedReader';
import { saveDraft, submit } from '../../services/handover/service';
import { register } from './handover';
import { runCliJson } from '../../testkit/runCli';

// `baton handover remind`, as the daily job runs it: an overdue handover's account manager is
// reminded once per overdue day, on the handover's post.

let t: TestOrg;
let handoverId: string;
let postId: string;
let managerId: string;

beforeAll(async () => {
  t = await startTestOrg();
  managerId = t.org.users.find((user) => user.persona === 'accountManager')!.id;
  const sellerId = t.org.users.find((user) => user.persona === 'seller')!.id;
  const account = (await t.conn.sobject('Account').create({ Name: 'Muistutus Oy' })).id as string;
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
afterEach(() => {
  jest.restoreAllMocks();
  process.exitCode = undefined;
});

const remind = (asOf: string) =>
  runCliJson([register], async () => t.conn, ['handover', 'remind', '--as-of', asOf]);

describe('baton handover remind', () => {
  it('waits until the answer is overdue, then reminds once per overdue day', async () => {
    const onTheDeadline = await remind('2026-12-02');
    expect(onTheDeadline.exitCode).toBe(0);
    expect(onTheDeadline.json.reminded).toEqual([]);

    const firstDay = await remind('2026-12-03');
    expect(firstDay.json.reminded).toEqual([
      expect.objectContaining({ id: handoverId, accountManagerId: managerId })
    ]);
    expect((await remind('2026-12-03')).json.reminded).toEqual([]);
    expect((await remind('2026-12-04')).json.reminded).toHaveLength(1);

    const comments = await readComments(t.conn, postId);
    expect(comments.map((comment) => comment.mentions)).toEqual([[managerId], [managerId]]);
    expect(comments[0].text).toContain('it was due 2026-12-02');
    expect((await t.conn.sobject('Handover__c').retrieve(handoverId)).Last_Reminded_On__c).toBe(
      '2026-12-04'
    );
    const bell = await t
      .connAs(managerId)
      .request<{ notifications: { messageBody: string }[] }>(
        '/services/data/v62.0/connect/notifications'
      );
    expect(
      bell.notifications.filter((note) => note.messageBody.includes('waiting for your answer'))
    ).toHaveLength(2);
  });

  it('refuses a day that is not a date before connecting', async () => {
    const bad = await remind('3.12.2026');
    expect(bad.exitCode).toBe(1);
  });
});
