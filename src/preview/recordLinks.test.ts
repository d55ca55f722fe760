import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'jsforce';
import { startTestOrg, type TestOrg } from '../testkit/testOrg';
import { attachPreview } from './start';

// Both links of a handover post ("Open the handover", "Open the Chatter post") open the
// handover's Account page in the preview, instead of an Account page for a handover id.

let t: TestOrg;
let seller: Connection;
let sellerCookie: string;
let accountId: string;
let postLinks: { handover: string; post: string };

const panel = <T>(conn: Connection, method: string, params: Record<string, unknown>) =>
  conn.request<T>({
    method: 'POST',
    url: `/services/apexrest-local/HandoverController/${method}`,
    body: JSON.stringify(params),
    headers: { 'Content-Type': 'application/json' }
  });

beforeAll(async () => {
  t = await startTestOrg();
  // The routes only: a stand-in build folder, so no bundle is compiled.
  const dir = mkdtempSync(join(tmpdir(), 'baton-record-links-'));
  await attachPreview(t.org, { build: { dir, hash: 'test', built: false, ms: 0 } });
  const sellerUser = t.org.users.find((user) => user.persona === 'seller')!;
  const am = t.org.users.find((user) => user.persona === 'accountManager')!;
  seller = t.connAs('seller');
  sellerCookie = `sid=${encodeURIComponent(sellerUser.token)}`;
  accountId = (await t.conn.sobject('Account').create({ Name: 'Linkki Oy' })).id as string;
  const contact = await t.conn
    .sobject('Contact')
    .create({ LastName: 'Virtanen', AccountId: accountId });
  const { handover } = await panel<{ handover: { Id: string } }>(seller, 'saveDraft', {
    handover: {
      Account__c: accountId,
      Account_Manager__c: am.id,
      Contract_Start__c: '2026-01-05',
      What_Was_Sold__c: 'Baton Pro, 40 seats',
      Primary_Contact__c: contact.id,
      Success_Criteria__c: '40 users active by week 8',
      Fit__c: 'Good',
      Proposed_Touch_Tier__c: 'Tech'
    }
  });
  const context = await panel<{ postUrl: string }>(seller, 'submit', { handoverId: handover.Id });
  const feed = await seller.request<{
    elements: { body: { messageSegments: { type: string; url?: string }[] } }[];
  }>(`/services/data/v62.0/chatter/feeds/record/${accountId}/feed-elements`);
  const link = feed.elements[0].body.messageSegments.find((segment) => segment.type === 'Link');
  postLinks = { handover: link!.url!, post: context.postUrl };
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const open = (url: string) => fetch(url, { redirect: 'manual', headers: { cookie: sellerCookie } });

describe('links in a handover post', () => {
  it('name the handover and the post on the org the panel runs on', () => {
    expect(postLinks.handover).toMatch(
      new RegExp(`^${t.org.instanceUrl}/lightning/r/Handover__c/\\w{18}/view$`)
    );
    expect(postLinks.post).toMatch(
      new RegExp(`^${t.org.instanceUrl}/lightning/r/FeedItem/\\w{18}/view$`)
    );
  });

  it.each(['handover', 'post'] as const)(
    'open the Account page from the %s link',
    async (which) => {
      const response = await open(postLinks[which]);
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(`/lightning/r/Account/${accountId}/view`);
      const page = await open(t.org.instanceUrl + response.headers.get('location'));
      expect(page.status).toBe(200);
    }
  );

  it("open a deal's Account page by its id's key prefix, whatever object the link names", async () => {
    const dealId = (
      await t.conn.sobject('Opportunity').create({
        Name: 'Linkki Oy — Baton Pro',
        AccountId: accountId,
        StageName: 'Negotiation',
        CloseDate: '2027-01-15'
      })
    ).id as string;
    for (const path of [`Opportunity/${dealId}`, dealId, `Account/${dealId}`]) {
      const response = await open(`${t.org.instanceUrl}/lightning/r/${path}/view`);
      expect([path, response.headers.get('location')]).toEqual([
        path,
        `/lightning/r/Account/${accountId}/view`
      ]);
    }
  });

  it('leave a link to an unknown record to the page itself', async () => {
    const response = await open(
      `${t.org.instanceUrl}/lightning/r/Handover__c/a00000000000000AAA/view`
    );
    expect(response.status).toBe(200);
  });
});
