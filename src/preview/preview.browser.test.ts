import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './browser';
import { PROJECT_DIR } from './build';
import { scoreAccount } from '../core';
import { loadProjectModel } from '../metadata/projectModel';
import { readLabels } from './labels';
import { startLocalPreview } from '../testkit/localPreview';
import { signalsOf } from '../testkit/previewBook';

// The preview shell in Chromium on the real preview build: account list, search and filters,
// the Account page laid out from the FlexiPage, the language switch, the persona switch, and
// the Chatter feed with mentions and comments, the health panel; on a fresh local org with
// the preview book's signal records, scored by the real recompute. Screenshots: screenshots/.
jest.setTimeout(120_000);

const SHOTS = join(PROJECT_DIR, 'screenshots');
const labels = readLabels(PROJECT_DIR);
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

async function loggedIn(persona = 'seller'): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(browser, preview.url);
  await opened.page.goto(preview.loginUrl(persona));
  await opened.page.locator('tbody tr').first().waitFor();
  return opened;
}

async function openAccount(page: Page): Promise<void> {
  await page
    .getByRole('searchbox', { name: 'Search accounts' })
    .fill(preview.accountName.slice(0, 5));
  await page.getByRole('link', { name: preview.accountName, exact: true }).click();
  await page.waitForURL(/\/lightning\/r\/Account\/\w+\/view/);
  await page.locator('[data-id="record-name"]', { hasText: preview.accountName }).waitFor();
}

describe('local preview shell', () => {
  it('lists accounts with tier and filters them by search and tier', async () => {
    const { page, errors } = await loggedIn();
    const row = page.locator('tbody tr', { hasText: preview.accountName });
    await expect(row.locator('td').first().textContent()).resolves.toBe('Low');
    await page.screenshot({ path: join(SHOTS, 'account-list.png') });
    await page.getByRole('combobox', { name: 'Touch Tier' }).selectOption('High');
    await row.waitFor({ state: 'detached' });
    await page.getByRole('combobox', { name: 'Touch Tier' }).selectOption('Low');
    await row.waitFor();
    await page.getByRole('searchbox', { name: 'Search accounts' }).fill('no such account');
    await page.getByText('No accounts match.').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens the Account page with the FlexiPage components on the org data', async () => {
    const { page, errors } = await loggedIn();
    await openAccount(page);
    const highlights = page.locator('preview-highlights');
    await highlights.locator('[data-field="tier"]', { hasText: 'Low' }).waitFor();
    const main = page.locator('[data-region="main"]');
    await main.locator('c-handover-panel').getByText(labels.en.Baton_Handover_Title).waitFor();
    await main.locator('preview-chatter-feed').waitFor();
    const health = page.locator('[data-region="sidebar"] c-account-health-panel');
    const { book, Id } = preview.accounts[0];
    const core = scoreAccount(signalsOf(book, Id, preview.asOf), loadProjectModel(), preview.asOf);
    await expect(health.locator('c-health-gauge .score').textContent()).resolves.toBe(
      String(core.score)
    );
    await health.getByText(core.drivers[0]).waitFor();
    await page.locator('[data-region="sidebar"] c-tier-cadence-card').waitFor();
    await page.screenshot({ path: join(SHOTS, 'account-page.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('switches the shell and the components to Finnish and back', async () => {
    const { page, errors } = await loggedIn();
    await openAccount(page);
    await page.getByText(labels.en.Baton_Handover_Title).waitFor();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fi');
    await page.getByText(labels.fi.Baton_Handover_Title).waitFor();
    await page.getByRole('link', { name: 'Asiakkaat' }).waitFor();
    await expect(page.getByText(labels.en.Baton_Handover_Title).count()).resolves.toBe(0);
    await page.screenshot({ path: join(SHOTS, 'account-page-fi.png'), fullPage: true });
    await page.getByRole('combobox', { name: 'Kieli' }).selectOption('en');
    await page.getByText(labels.en.Baton_Handover_Title).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('posts with a mention and a comment; the mentioned persona finds it through the bell', async () => {
    const { page, errors } = await loggedIn('seller');
    await openAccount(page);
    const note = `Kickoff moved to Friday ${Date.now()}`;
    await page
      .getByRole('textbox', { name: 'Share an update...' })
      .fill(`@${preview.manager.name} ${note}`);
    await page.locator('[data-id="post"]').click();
    const post = page.locator('.slds-feed__item', { hasText: note });
    await post.locator('.mention', { hasText: `@${preview.manager.name}` }).waitFor();
    await post.getByRole('textbox', { name: 'Write a comment...' }).fill('Agenda in the invite');
    await post.getByRole('button', { name: 'Comment' }).click();
    await post.locator('.comment', { hasText: 'Agenda in the invite' }).waitFor();

    await page.getByRole('combobox', { name: 'Persona' }).selectOption('accountManager');
    await page.locator('[data-id="unread"]').waitFor();
    await page.getByRole('link', { name: 'Accounts' }).click();
    await page.locator('[data-id="bell"]').click();
    await page.locator('.notification', { hasText: note }).first().click();
    await page.locator('[data-id="record-name"]', { hasText: preview.accountName }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
