import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openPage } from '../preview/browser';
import { PROJECT_DIR } from '../preview/build';
import { startLocalPreview } from './localPreview';

/**
 * `npm run screenshot`: regenerates docs/account-page.png, the README's picture of the
 * Account page (highlights, handover, health, tier and cadence) as the account manager sees
 * it in the preview. Fails if the page logs an error, so the picture never shows a broken page.
 */
async function main(): Promise<void> {
  const output = join(PROJECT_DIR, 'docs', 'account-page.png');
  mkdirSync(join(PROJECT_DIR, 'docs'), { recursive: true });
  const [preview, browser] = await Promise.all([startLocalPreview(), launchBrowser()]);
  try {
    const { page, errors } = await openPage(browser, preview.url);
    const accountPage = `/lightning/r/Account/${preview.accountId}/view`;
    await page.goto(preview.loginUrl('accountManager').replace('/?login', `${accountPage}?login`));
    await page.locator('c-health-gauge .score').waitFor();
    await page.locator('c-tier-cadence-card .slds-badge').first().waitFor();
    await page.locator('c-handover-panel lightning-card').waitFor();
    await page.locator('preview-chatter-feed').waitFor();
    if (errors.length) throw new Error(`The page logged errors:\n${errors.join('\n')}`);
    await page.screenshot({ path: output });
    process.stdout.write(`Wrote ${output}\n`);
  } finally {
    await browser.close();
    await preview.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
});
