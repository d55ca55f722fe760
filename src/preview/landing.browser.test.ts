import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './browser';
import { PROJECT_DIR } from './build';
import { readLabels } from './labels';
import { startLocalPreview } from '../testkit/localPreview';

// Where each user lands, in Chromium on the real preview build: Juha Mäkinen (LanguageLocaleKey
// fi) opens his login link in Finnish with no cookie and finds himself in the persona switch;
// the seller's bell link for a deal's drafted handover opens the deal's Account with the
// handover panel, and the Accounts list finds the drafts waiting on her, announced or not.
jest.setTimeout(180_000);

const SHOTS = join(PROJECT_DIR, 'screenshots');
const { en } = readLabels(PROJECT_DIR);
let preview: Awaited<ReturnType<typeof startLocalPreview>>;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [preview, browser] = await Promise.all([startLocalPreview(), launchBrowser()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

const create = async (type: string, record: Record<string, unknown>) =>
  (await preview.conn.sobject(type).create(record)).id as string;

const panel = (page: Page) => page.locator('c-handover-panel');

describe('the signed-in user', () => {
  it('opens in their own language and locale, and sees themselves in the persona switch', async () => {
    const [juha] = (
      await preview.conn.query<{ Username: string }>(
        "SELECT Username FROM User WHERE Name = 'Juha Mäkinen'"
      )
    ).records;
    const { page, errors } = await openPage(browser, preview.url);
    await page.goto(preview.loginUrl(juha.Username));
    await page.getByRole('heading', { name: 'Kaikki asiakkaat' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fi');
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('baton_lang');
    const persona = page.getByRole('combobox', { name: 'Rooli' });
    expect(await persona.inputValue()).toBe('accountManager');
    expect(await persona.locator('option:checked').innerText()).toBe('Asiakkuuspäällikkö');
    // His locale writes money as Finns do: the amount, then the euro sign.
    expect(await page.locator('tbody').innerText()).toMatch(/\d\s€/);
    await page.screenshot({ path: join(SHOTS, 'landing-1-juha-fi.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('a seller with drafts waiting', () => {
  it("opens a won deal's draft from the bell on its Account and finds every draft in the list", async () => {
    const sellerId = preview.seller.userId;
    const accountId = await create('Account', { Name: 'Voittaja Oy', OwnerId: sellerId });
    await create('Contact', { FirstName: 'Liisa', LastName: 'Laine', AccountId: accountId });
    const dealId = await create('Opportunity', {
      Name: 'Voittaja Oy — Baton Pro',
      OwnerId: sellerId,
      AccountId: accountId,
      StageName: 'Negotiation',
      CloseDate: '2027-01-15',
      Amount: 24000
    });
    await preview.conn.sobject('Opportunity').update({ Id: dealId, StageName: 'Closed Won' });
    // A draft written as the seed writes its own: no post, no notification.
    const quietId = await create('Account', { Name: 'Hiljainen Oy', OwnerId: sellerId });
    await create('Handover__c', {
      Account__c: quietId,
      Status__c: 'Draft',
      Seller__c: sellerId,
      What_Was_Sold__c: 'Baton Start, 5 seats'
    });
    // Waiting on the account manager, not on her.
    const submittedId = await create('Account', { Name: 'Lähetetty Oy', OwnerId: sellerId });
    await create('Handover__c', {
      Account__c: submittedId,
      Status__c: 'Submitted',
      Seller__c: sellerId,
      Account_Manager__c: preview.manager.userId
    });
    const names = (
      await preview.conn.query<{ Account__c: string; Name: string }>(
        'SELECT Account__c, Name FROM Handover__c'
      )
    ).records;
    const nameOf = (id: string) => names.find((h) => h.Account__c === id)!.Name;

    const { page, errors } = await openPage(browser, preview.url);
    await page.goto(preview.loginUrl('seller'));
    await page.locator('[data-id="unread"]').waitFor();
    await page.locator('[data-id="bell"]').click();
    await page.locator('.notification', { hasText: 'won deal' }).first().click();
    await page.waitForURL(`**/lightning/r/Account/${accountId}/view`);
    await page.locator('preview-highlights').getByText('Voittaja Oy').first().waitFor();
    await panel(page).getByRole('button', { name: en.Baton_Handover_Submit }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'landing-2-bell-draft.png') });

    await page.getByRole('link', { name: 'Accounts' }).click();
    await page.getByRole('combobox', { name: 'Handover' }).selectOption('mine');
    const rows = page.locator('tbody tr');
    await rows.filter({ hasText: 'Hiljainen Oy' }).waitFor();
    expect(await rows.locator('th').allInnerTexts()).toEqual(['Hiljainen Oy', 'Voittaja Oy']);
    expect(await rows.locator('[data-id="handover"]').allInnerTexts()).toEqual([
      `${nameOf(quietId)} · Draft`,
      `${nameOf(accountId)} · Draft`
    ]);
    await page.screenshot({ path: join(SHOTS, 'landing-3-waiting-on-me.png') });
    await rows.getByRole('link', { name: 'Hiljainen Oy' }).click();
    await panel(page).getByRole('button', { name: en.Baton_Handover_Submit }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
