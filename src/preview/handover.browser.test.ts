import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './browser';
import { PROJECT_DIR } from './build';
import { readLabels } from './labels';
import { startLocalPreview } from '../testkit/localPreview';

// The handover end to end in Chromium: the real preview build on a fresh local org (all twins):
// the seller fills and submits the panel; as the account manager, the @mention is in the
// bell and the post in the feed; accepting changes the Account's stage and account manager
// in the page header. Screenshots go to screenshots/ (git-ignored).
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

const panel = (page: Page) => page.locator('c-handover-panel');
const header = (page: Page) => page.locator('preview-highlights');
const tierCard = (page: Page) => page.locator('c-tier-cadence-card');
// SLDS draws its own radio; the input is visually hidden, so click the option's label as a user does.
const choose = (page: Page, name: string | RegExp) =>
  panel(page).locator('label', { hasText: name }).first().click();
const field = (page: Page, label: string) => panel(page).getByLabel(label);

describe('handover in the preview', () => {
  it('seller submits; the account manager gets the mention, sees the post, accepts; the Account changes', async () => {
    const { page, errors } = await openPage(browser, preview.url);
    await page.setViewportSize({ width: 1280, height: 1000 });
    // A new High-touch customer, won today: accepting must visibly move it to Onboarding (an
    // existing customer keeps its stage, README "Handover").
    const template = preview.accounts.find((candidate) => candidate.Touch_Tier__c === 'High')!;
    const created = await preview.conn.sobject('Account').create({
      Name: 'Uusi Asiakas Oy',
      Touch_Tier__c: 'High',
      MRR__c: template.MRR__c,
      OwnerId: preview.seller.userId
    });
    const account = { Id: created.id as string, Name: 'Uusi Asiakas Oy' };
    const accountPage = `/lightning/r/Account/${account.Id}/view`;
    await page.goto(preview.loginUrl('seller').replace('/?login', `${accountPage}?login`));
    // Set-up, as the admin: the contact the seller will name in the handover.
    await preview.conn
      .sobject('Contact')
      .create({ FirstName: 'Liisa', LastName: 'Laine', Title: 'COO', AccountId: account.Id });
    await page.reload();
    await header(page).getByText(account.Name).first().waitFor();
    await panel(page).getByText(en.Baton_Handover_Suggested_Tier, { exact: false }).waitFor();

    // A phone-width column: one field per line, nothing cut off.
    await page.setViewportSize({ width: 400, height: 900 });
    // The shell around it keeps a desktop minimum width; the panel itself must fit the column.
    const box = await panel(page).boundingBox();
    const overflow = await panel(page).evaluate((el) => el.scrollWidth - el.clientWidth);
    expect({ fits: Math.round(box?.width ?? 0) <= 400, overflow }).toEqual({
      fits: true,
      overflow: 0
    });
    await panel(page).screenshot({ path: join(SHOTS, 'handover-0-narrow-column.png') });
    await page.setViewportSize({ width: 1280, height: 1000 });

    await field(page, en.Baton_Handover_Field_What_Was_Sold).fill(
      'Baton Pro, 40 seats, SSO add-on'
    );
    await field(page, en.Baton_Handover_Field_Contract_Start).fill('Jan 5, 2026');
    await choose(page, preview.manager.name);
    await choose(page, /Liisa Laine/);
    await field(page, en.Baton_Handover_Field_Secondary_Contacts).fill(
      'Liisa Laine, COO\nPekka Puro, IT lead'
    );
    await field(page, en.Baton_Handover_Field_Decision_Makers).fill('Liisa Laine (COO)');
    await field(page, en.Baton_Handover_Field_Success_Criteria).fill('40 users active by week 8');
    await field(page, en.Baton_Handover_Field_First_Year_Goal).fill(
      'All invoicing moved from spreadsheets'
    );
    await field(page, en.Baton_Handover_Field_Promises).fill('none');
    await field(page, en.Baton_Handover_Field_Technical_Needs).fill(
      'SSO with Azure AD; migrate 3 years of invoices'
    );
    await field(page, en.Baton_Handover_Field_Risks).fill('Customer IT busy until February');
    await choose(page, en.Baton_Fit_Good);
    await page.screenshot({ path: join(SHOTS, 'handover-1-seller-form.png'), fullPage: true });

    await panel(page).getByRole('button', { name: en.Baton_Handover_Submit }).click();
    await panel(page).getByText(en.Baton_Handover_Submitted_Message).waitFor();
    await panel(page).getByText(en.Baton_Handover_Waiting_For_AM, { exact: false }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'handover-2-submitted.png'), fullPage: true });

    await page.getByRole('combobox', { name: 'Persona' }).selectOption('accountManager');
    await page.locator('[data-id="unread"]').waitFor();
    await page.locator('[data-id="bell"]').click();
    const notification = page.locator('.notification', { hasText: 'Baton Pro, 40 seats' }).first();
    await notification.waitFor();
    await page.screenshot({ path: join(SHOTS, 'handover-3-am-notification.png') });
    await notification.click();
    const post = page.locator('.slds-feed__item', { hasText: 'Baton Pro, 40 seats' });
    await post.locator('.mention', { hasText: `@${preview.manager.name}` }).waitFor();
    expect(await header(page).getByText(en.Baton_Stage_Onboarding).count()).toBe(0);
    const agreedModel = tierCard(page).getByText(en.Baton_Tier_Card_Model_Agreed, { exact: false });
    expect(await agreedModel.count()).toBe(0);

    await panel(page).getByRole('button', { name: en.Baton_Handover_Accept }).click();
    await panel(page).getByText(en.Baton_Handover_Accepted_Message).waitFor();
    await header(page).getByText(en.Baton_Stage_Onboarding).first().waitFor();
    await header(page).getByText(preview.manager.name).first().waitFor();
    // The sidebar follows without a reload: the card's Apex data now has the agreed model.
    await agreedModel.waitFor();
    await page.screenshot({ path: join(SHOTS, 'handover-4-accepted.png'), fullPage: true });
    // The accept comment, mentioning the seller, is on the post once the feed reloads.
    await page.reload();
    const comment = page.locator('.slds-feed__item .comment', { hasText: 'accepted' });
    await comment.locator('.mention', { hasText: `@${preview.seller.name}` }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'handover-5-accept-comment.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
