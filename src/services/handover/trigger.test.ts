import type { Connection } from 'jsforce';
import { startTestOrg } from '../../testkit/testOrg';

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
async function submittedHandover(accountId?: string): Promise<string> {
  const account = accountId
    ? { id: accountId }
    : await testOrg.conn.sobject('Account').create({ Name: `Guarded ${Date.now()}` });
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
    // The other account manager works in Finnish, and is told in Finnish.
    expect(viaPanel.message).toMatch(
      /^Vain vastaanottava asiakkuuspäällikkö voi hyväksyä tai palauttaa luovutuksen HO-\d+\.$/
    );
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

  it("refuses a Finnish writer in Finnish, as Apex's System.Label speaks to the running user", async () => {
    const id = await submittedHandover();
    // The second account manager's User is Finnish; a direct PATCH reaches only the trigger.
    const answer = await refusal(() =>
      otherManager.conn.sobject('Handover__c').update({ Id: id, Status__c: 'Accepted' })
    );
    expect(answer.message).toBe(
      'Vain vastaanottava asiakkuuspäällikkö voi hyväksyä tai palauttaa tämän luovutuksen.'
    );
    const back = await refusal(() =>
      otherManager.conn.sobject('Handover__c').update({ Id: id, Status__c: 'Draft' })
    );
    expect(back.message).toBe('Luovutuksen tilaa Lähetetty ei voi muuttaa tilaksi Luonnos.');
  });
});

/** A HandoverController method through the panel's twin, as the preview calls it. */
const panel = (conn: Connection, method: string, params: Record<string, unknown>) =>
  conn.request<{ handover: { Id: string; LastModifiedDate: string; Name: string } }>({
    method: 'POST',
    url: `/services/apexrest-local/HandoverController/${method}`,
    body: JSON.stringify(params),
    headers: { 'Content-Type': 'application/json' }
  });

describe('one open handover per account', () => {
  it('refuses a second handover on every write path, naming the open one, for admins too', async () => {
    const account = await testOrg.conn.sobject('Account').create({ Name: 'One at a time Oy' });
    const open = await submittedHandover(account.id);
    const { Name } = await testOrg.conn.sobject('Handover__c').retrieve(open);
    const bySeller = await refusal(() =>
      seller.sobject('Handover__c').create({ Account__c: account.id })
    );
    expect(bySeller.name).toBe('FIELD_CUSTOM_VALIDATION_EXCEPTION');
    expect(bySeller.message).toBe(
      `${Name} is still open (Submitted) on this account: finish or answer it before starting another handover.`
    );
    const [byLoad] = await testOrg.conn
      .sobject('Handover__c')
      .create([{ Account__c: account.id, Status__c: 'Draft' }], { allOrNone: false });
    expect(byLoad.success).toBe(false);
    const viaPanel = await refusal(() =>
      panel(seller, 'saveDraft', { handover: { Account__c: account.id } })
    );
    expect(viaPanel.name).toBe('OPEN_HANDOVER_EXISTS');
    const { totalSize } = await testOrg.conn.query(
      `SELECT Id FROM Handover__c WHERE Account__c = '${account.id}'`
    );
    expect(totalSize).toBe(1);
  });

  it('lets the next handover start once the open one is accepted', async () => {
    const account = await testOrg.conn.sobject('Account').create({ Name: 'Next deal Oy' });
    const open = await submittedHandover(account.id);
    await addressee.conn.sobject('Handover__c').update({ Id: open, Status__c: 'Accepted' });
    const context = await panel(seller, 'getContext', { recordId: account.id });
    expect(context).toMatchObject({ canStartHandover: true });
    const next = await panel(seller, 'saveDraft', {
      handover: { Account__c: account.id, What_Was_Sold__c: 'Baton Pro upsell, 10 seats' }
    });
    expect(next.handover.Id).not.toBe(open);
  });
});

describe('two tabs, one handover', () => {
  it('refuses the stale tab save and submit, keeping what the other tab saved', async () => {
    const account = await testOrg.conn.sobject('Account').create({ Name: 'Two tabs Oy' });
    const opened = await panel(seller, 'saveDraft', {
      handover: { Account__c: account.id, What_Was_Sold__c: 'Baton Pro, 40 seats' }
    });
    const readByBothTabs = opened.handover.LastModifiedDate;
    const handoverId = opened.handover.Id;
    await panel(seller, 'saveDraft', {
      handover: { Id: handoverId, What_Was_Sold__c: 'Baton Pro, 45 seats' },
      lastModified: readByBothTabs
    });
    const staleSave = await refusal(() =>
      panel(seller, 'saveDraft', {
        handover: { Id: handoverId, What_Was_Sold__c: 'Baton Pro, 40 seats' },
        lastModified: readByBothTabs
      })
    );
    expect(staleSave.name).toBe('RECORD_CHANGED');
    expect(staleSave.message).toBe(
      'Someone changed this handover since you opened it; reload to see their changes.'
    );
    const staleSubmit = await refusal(() =>
      panel(seller, 'submit', { handoverId, lastModified: readByBothTabs })
    );
    expect(staleSubmit.name).toBe('RECORD_CHANGED');
    const stored = await testOrg.conn.sobject('Handover__c').retrieve(handoverId);
    expect(stored).toMatchObject({ What_Was_Sold__c: 'Baton Pro, 45 seats', Status__c: 'Draft' });
  });
});
