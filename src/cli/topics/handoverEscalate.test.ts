import { startTestOrg, type TestOrg } from '../../testkit/testOrg';
import { readComments } from '../../testkit/handover/feedReader';
import { saveDraft, submit } from '../../services/handover/service';
import { register } from './handover';
import { runCliJson } from '../../testkit/runCli';

// `baton handover escalate`, as the daily job runs it after `remind`: a dry run names the
// handover it would escalate and posts nothing; a bad day is refused before any call.

let t: TestOrg;
let handoverId: string;
let postId: string;

beforeAll(async () => {
  t = await startTestOrg();
  const managerId = t.org.users.find((user) => user.persona === 'accountManager')!.id;
  const sellerId = t.org.users.find((user) => user.persona === 'seller')!.id;
  const account = (await t.conn.sobject('Account').create({ Name: 'Kiire Oy' })).id as string;
  const contact = (
    await t.conn.sobject('Contact').create({ LastName: 'Koskinen', AccountId: account })
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

const escalate = (...args: string[]) =>
  runCliJson([register], async () => t.conn, ['handover', 'escalate', ...args]);

describe('baton handover escalate', () => {
  it('names what it would escalate on a dry run and posts nothing', async () => {
    const run = await escalate('--as-of', '2026-12-04', '--dry-run');
    expect(run.exitCode).toBe(0);
    expect(run.json).toMatchObject({
      lead: 'Baton_CS_Lead',
      dryRun: true,
      escalated: [expect.objectContaining({ id: handoverId })]
    });
    expect(await readComments(t.conn, postId)).toEqual([]);
    expect((await t.conn.sobject('Handover__c').retrieve(handoverId)).Escalated_On__c).toBeNull();
  });

  it('refuses a day that is not YYYY-MM-DD', async () => {
    const run = await escalate('--as-of', '4.12.2026');
    expect(run.exitCode).toBe(1);
  });
});
