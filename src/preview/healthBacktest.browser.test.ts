import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { seedDemoBook } from '../devstack/seed/seed';
import { backtest, DEFAULT_HORIZONS } from '../services/health/history/backtest';
import {
  getLatest,
  saveBacktest,
  type LatestBacktest
} from '../services/health/history/backtestRuns';
import { startTestOrg, type TestOrg } from '../testkit/testOrg';
import { launchBrowser, openPage } from './browser';
import { PROJECT_DIR } from './build';
import { attachPreview } from './start';

// The Score Backtest tab in Chromium, as the Baton app's metadata lists it: the admin finds it
// in the bar after `baton health backtest --save` (its service calls) on the seeded demo book
// and reads the card; the CS lead finds no tab and gets the no-access notice on its address.
// Screenshot: docs/health-backtest.png.
jest.setTimeout(180_000);

const TAB = '[data-tab="Baton_Health_Backtest"]';
let testOrg: TestOrg;
let browser: Browser;
let loginUrl: (persona?: string) => string;
let latest: LatestBacktest;

beforeAll(async () => {
  testOrg = await startTestOrg();
  await seedDemoBook(testOrg.conn, { accounts: 60, seed: 1 });
  await saveBacktest(testOrg.conn, await backtest(testOrg.conn, DEFAULT_HORIZONS));
  latest = (await getLatest(testOrg.conn))!;
  const preview = await attachPreview(testOrg.org);
  loginUrl = (persona) => preview.loginUrl(persona);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await testOrg?.close();
});

// As an en-US page writes them (Intl rounds the decimal value, unlike toFixed on a double).
const two = (value: number | null) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    value!
  );
const percent = (value: number | null) =>
  new Intl.NumberFormat('en-US', { style: 'percent' }).format(value!);

describe('the Score Backtest tab', () => {
  it('is in the admin’s bar, in the app’s order, and shows the saved run in plain words', async () => {
    const { page, errors } = await openPage(browser, testOrg.org.url);
    await page.goto(loginUrl('admin'));
    const bar = page.locator('nav[role="navigation"] a');
    await bar.first().waitFor();
    // Baton.app-meta.xml: Portfolio, Account, reports, dashboards, Score Backtest.
    await expect(bar.allTextContents()).resolves.toEqual([
      'Portfolio',
      'Accounts',
      'Score Backtest'
    ]);
    await page.locator(TAB).click();
    await page.waitForURL(/\/lightning\/n\/Baton_Health_Backtest$/);
    await expect(page.locator(TAB).getAttribute('aria-current')).resolves.toBe('page');
    const horizons = page.locator('p.horizon');
    await horizons.first().waitFor();
    expect(latest.horizons.map((h) => h.horizonDays)).toEqual([90, 180]);
    const [ninety] = latest.horizons;
    expect(ninety.refused).toBeNull();
    await expect(horizons.count()).resolves.toBe(2);
    await expect(horizons.first().textContent()).resolves.toContain(
      `At 90 days, the score ranked a customer who churned or contracted below one who renewed ${percent(ninety.auc)} of the time (AUC ${two(ninety.auc)}, 95 % interval ${two(ninety.aucLow)}–${two(ninety.aucHigh)}).`
    );
    await page.screenshot({ path: join(PROJECT_DIR, 'docs', 'health-backtest.png') });
    expect(errors).toEqual([]);
  });

  it('reads in Finnish for a Finnish admin', async () => {
    const { page, errors } = await openPage(browser, testOrg.org.url);
    await page.context().addCookies([{ name: 'baton_lang', value: 'fi', url: testOrg.org.url }]);
    await page.goto(loginUrl('admin'));
    await page.locator(TAB).getByText('Pisteiden takautuva testi').click();
    await expect(page.locator('p.horizon').first().textContent()).resolves.toMatch(
      /^90 päivää ennen pistemäärä oli poistuneella/
    );
    expect(errors).toEqual([]);
  });

  it('is not in the CS lead’s bar, and its address tells them whom to ask', async () => {
    const { page, errors } = await openPage(browser, testOrg.org.url);
    const calls: string[] = [];
    page.on('request', (request) => calls.push(new URL(request.url()).pathname));
    await page.goto(loginUrl('lead'));
    await page.locator('[data-tab="Baton_Portfolio"]').waitFor();
    await expect(page.locator(TAB).count()).resolves.toBe(0);
    await page.goto('/lightning/n/Baton_Health_Backtest');
    const notice = page.getByRole('alert');
    await notice.getByText('Insufficient privileges').waitFor();
    await expect(notice.locator('p').textContent()).resolves.toBe(
      'You don’t have access to the Score Backtest tab. Ask your Salesforce admin for the Baton Admin permission set.'
    );
    expect(calls.filter((path) => path.includes('HealthBacktestController'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('tells a Finnish CS lead the same in Finnish', async () => {
    const { page, errors } = await openPage(browser, testOrg.org.url);
    await page.context().addCookies([{ name: 'baton_lang', value: 'fi', url: testOrg.org.url }]);
    await page.goto(loginUrl('lead'));
    await page.goto('/lightning/n/Baton_Health_Backtest');
    const notice = page.getByRole('alert');
    await notice.getByText('Riittämättömät oikeudet').waitFor();
    await expect(notice.locator('p').textContent()).resolves.toBe(
      'Sinulla ei ole pääsyä Pisteiden takautuva testi -välilehdelle. Pyydä Salesforce-ylläpitäjältä Baton Admin -käyttöoikeusjoukko.'
    );
    expect(errors).toEqual([]);
  });
});
