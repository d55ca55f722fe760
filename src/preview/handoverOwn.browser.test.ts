import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './browser';
import { PROJECT_DIR } from './build';
import { readLabels } from './labels';
import { startLocalPreview } from '../testkit/localPreview';

// A small company's seller who is also the account manager, in Chromium on the real preview
// build (all twins): they name themselves as the account manager and submit; the handover is
// complete at once, the Account is theirs and onboarding, and the Account's feed carries one
// post for the team that mentions no one. Screenshots go to screenshots/ (git-ignored).
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
const choose = (page: Page, name: string | RegExp) =>
  panel(page).locator('label', { hasText: name }).first().click();
const field = (page: Page, label: string) => panel(page).getByLabel(label);

describe('a seller who is also the account manager, in the preview', () => {
  it('names themselves, submits, and the handover is complete with a post for the team', async () => {
    // The admin gives the seller the account manager's permission set, as a small company does.
    const [set] = (
      await preview.conn.query<{ Id: string }>(
        "SELECT Id FROM PermissionSet WHERE Name = 'Baton_Account_Manager'"
      )
    ).records;
    await preview.conn
      .sobject('PermissionSetAssignment')
      .create({ AssigneeId: preview.seller.userId, PermissionSetId: set.Id });
    const created = await preview.conn.sobject('Account').create({
      Name: 'Pieni Asiakas Oy',
      MRR__c: 300,
      OwnerId: preview.seller.userId
    });
    const accountId = created.id as string;
    await preview.conn
      .sobject('Contact')
      .create({ FirstName: 'Liisa', LastName: 'Laine', Title: 'CEO', AccountId: accountId });
    const { page, errors } = await openPage(browser, preview.url);
    await page.setViewportSize({ width: 1280, height: 1000 });
    const accountPage = `/lightning/r/Account/${accountId}/view`;
    await page.goto(preview.loginUrl('seller').replace('/?login', `${accountPage}?login`));
    await header(page).getByText('Pieni Asiakas Oy').first().waitFor();
    await panel(page).getByText(en.Baton_Handover_Suggested_Tier, { exact: false }).waitFor();

    await field(page, en.Baton_Handover_Field_What_Was_Sold).fill('Baton Start, 5 seats');
    await field(page, en.Baton_Handover_Field_Contract_Start).fill('Jan 5, 2026');
    await choose(page, preview.seller.name);
    await choose(page, /Liisa Laine/);
    await field(page, en.Baton_Handover_Field_Success_Criteria).fill('5 users active by week 8');
    await choose(page, en.Baton_Fit_Good);
    await panel(page).getByRole('button', { name: en.Baton_Handover_Submit }).click();

    await panel(page).getByText(en.Baton_Handover_Completed_Own_Message).waitFor();
    expect(await panel(page).getByText(en.Baton_Handover_Waiting_For_AM).count()).toBe(0);
    expect(await panel(page).getByRole('button', { name: en.Baton_Handover_Accept }).count()).toBe(
      0
    );
    await header(page).getByText(en.Baton_Stage_Onboarding).first().waitFor();
    await header(page).getByText(preview.seller.name).first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'handover-own-1-completed.png'), fullPage: true });

    await page.reload();
    const post = page.locator('.slds-feed__item', { hasText: 'Baton Start, 5 seats' });
    await post.getByText('the seller is also the account manager', { exact: false }).waitFor();
    expect(await post.locator('.mention').count()).toBe(0);
    await post.screenshot({ path: join(SHOTS, 'handover-own-2-team-post.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
