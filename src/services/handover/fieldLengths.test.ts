import type { Connection } from 'jsforce';
import { startTestOrg, type TestOrg } from '../../testkit/testOrg';
import { HANDOVER_FIELD_LENGTHS } from './schemas';

// A seller's text fits the field the org deploys: the panel's twin and the org refuse the same
// text, with the length read from Handover__c's metadata (5 000 for the risks).

let t: TestOrg;
let seller: Connection;
let accountId: string;

beforeAll(async () => {
  t = await startTestOrg();
  seller = t.connAs('seller');
  accountId = (await t.conn.sobject('Account').create({ Name: 'Pituus Oy' })).id as string;
}, 60_000);

afterAll(() => t?.close());

const saveDraft = (handover: Record<string, unknown>) =>
  seller.request<{ handover: { Id: string } }>({
    method: 'POST',
    url: '/services/apexrest-local/HandoverController/saveDraft',
    body: JSON.stringify({ handover }),
    headers: { 'Content-Type': 'application/json' }
  });

it('takes the risks up to the field length and refuses one character more, in the panel and the org', async () => {
  expect(HANDOVER_FIELD_LENGTHS.Risks__c).toBe(5000);
  const tooLong = 'x'.repeat(5001);
  await expect(saveDraft({ Account__c: accountId, Risks__c: tooLong })).rejects.toThrow(
    /Risks__c: at most 5000 characters/
  );
  await expect(
    t.conn.sobject('Handover__c').create({ Account__c: accountId, Risks__c: tooLong })
  ).rejects.toThrow(/data value too large.*max length=5000/);
  const saved = await saveDraft({ Account__c: accountId, Risks__c: 'x'.repeat(5000) });
  expect(saved.handover.Id).toBeTruthy();
});
