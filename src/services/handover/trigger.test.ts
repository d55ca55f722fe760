import type { Connection } from 'jsforce';
import { startTestOrg } from '../../localorg/testing';

// Every write path of Handover__c keeps the state machine, not only the panel's Apex: the
// local org runs the twin of HandoverTrigger on REST, collections and the Apex twins alike.

type TestOrg = Awaited<ReturnType<typeof startTestOrg>>;
let testOrg: TestOrg;
let seller: Connection;
let addressee: { id: string; conn: Connection };
let otherManager: { id: string; conn: Connection };

beforeAll(async () => {
  testOrg = await startTestOrg();
  seller = testOrg.connAs('seller');
  const [first, second] = testOrg.org.users.filter((user) => user.persona === 'accountManager');
  addressee = { id: first.id, conn: testOrg.connAs(first.id) };
  otherManager = { id: second.id, conn: testOrg.connAs(second.id) };
}, 60_000);

afterAll(async () => {
  await testOrg?.close();
});

/** A Submitted handover, loaded by the admin (who holds Baton_Manage_Handovers). */
async function submittedHandover(): Promise<string> {
  const account = await testOrg.conn.sobject('Account').create({ Name: `Guarded ${Date.now()}` });
  const handover = await testOrg.conn.sobject('Handover__c').create({
    Account__c: account.id,
    Account_Manager__c: addressee.id,
    Status__c: 'Submitted',
    Submitted_At__c: '2026-12-01T08:00:00.000Z',
    What_Was_Sold__c: 'Baton Pro, 40 seats'
  });
  return handover.id as string;
}

const statusOf = async (id: string) =>
  (await testOrg.conn.sobject('Handover__c').retrieve(id)).Status__c as string;

async function refusal(write: () => Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await write();
  } catch (error) {
    return error as { name: string; message: string };
  }
  throw new Error('the write was accepted');
}

describe('the handover trigger twin', () => {
  it('refuses a seller who PATCHes a handover to Accepted', async () => {
    const id = await submittedHandover();
    const error = await refusal(() =>
      seller.sobject('Handover__c').update({ Id: id, Status__c: 'Accepted' })
    );
    expect(error.name).toBe('FIELD_CUSTOM_VALIDATION_EXCEPTION');
    expect(error.message).toBe(
      'Only the receiving account manager can accept or return this handover.'
    );
    expect(await statusOf(id)).toBe('Submitted');
  });

  it('refuses a seller who creates a handover that is already Accepted', async () => {
    const account = await testOrg.conn.sobject('Account').create({ Name: 'Straight to accepted' });
    const error = await refusal(() =>
      seller.sobject('Handover__c').create({ Account__c: account.id, Status__c: 'Accepted' })
    );
    expect(error.message).toMatch(/^A new handover starts as Draft/);
  });

  it('refuses another account manager, through the panel and through a collection update', async () => {
    const id = await submittedHandover();
    const viaPanel = await refusal(() =>
      otherManager.conn.request({
        method: 'POST',
        url: '/services/apexrest-local/HandoverController/accept',
        body: JSON.stringify({ handoverId: id }),
        headers: { 'Content-Type': 'application/json' }
      })
    );
    expect(viaPanel.message).toMatch(/Only the receiving account manager/);
    const [result] = await otherManager.conn
      .sobject('Handover__c')
      .update([{ Id: id, Status__c: 'Returned', Return_Reason__c: 'Not mine' }], {
        allOrNone: false
      });
    expect(result.success).toBe(false);
    expect(await statusOf(id)).toBe('Submitted');
  });

  it('lets the addressee return it with a reason, and only with one', async () => {
    const id = await submittedHandover();
    const withoutReason = await refusal(() =>
      addressee.conn.sobject('Handover__c').update({ Id: id, Status__c: 'Returned' })
    );
    expect(withoutReason.message).toMatch(/return reason/);
    await addressee.conn
      .sobject('Handover__c')
      .update({ Id: id, Status__c: 'Returned', Return_Reason__c: 'Which SSO provider?' });
    expect(await statusOf(id)).toBe('Returned');
  });

  it('keeps a submitted handover as the account manager read it', async () => {
    const id = await submittedHandover();
    const error = await refusal(() =>
      seller.sobject('Handover__c').update({ Id: id, What_Was_Sold__c: 'Baton Lite' })
    );
    expect(error.message).toBe('A Submitted handover cannot be edited: What_Was_Sold__c.');
  });
});
