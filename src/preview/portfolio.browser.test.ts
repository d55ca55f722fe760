import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadProjectModel } from '../metadata/projectModel';
import { seedDemoBook } from '../devstack/seed/seed';
import { startTestOrg, type TestOrg } from '../testkit/testOrg';
import { segmentAccounts } from '../services/portfolio/segment';
import { loadPortfolioSettings } from '../services/portfolio/settingsFromOrg';
import { recomputeHealth } from '../services/health/recompute/recompute';
import { planAllTouchpoints } from '../services/touchpoints/plan';
import { launchBrowser, openPage } from './browser';
import { PROJECT_DIR } from './build';
import { attachPreview } from './start';

// The Portfolio tab in Chromium on the seeded demo book (60 accounts, health recomputed,
// touchpoints planned, segments written by the real service), as the CS lead signs in:
// chart, table, filters, the handover queue and the workload. Screenshots: docs/portfolio*.png.
jest.setTimeout(180_000);

const SHOTS = join(PROJECT_DIR, 'docs');
let testOrg: TestOrg;
let browser: Browser;
let loginUrl: (persona?: string) => string;

beforeAll(async () => {
  testOrg = await startTestOrg();
  const conn = testOrg.conn;
  const asOf = new Date().toISOString().slice(0, 10);
  await seedDemoBook(conn, { accounts: 60, asOf });
  await planAllTouchpoints(conn, { asOf });
  await recomputeHealth(conn);
  await segmentAccounts(conn, await loadPortfolioSettings(conn));
  const preview = await attachPreview(testOrg.org);
  loginUrl = (persona) => preview.loginUrl(persona);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await testOrg?.close();
});

/** Signs the lead in, opens the Portfolio tab and waits for the chart; counts API requests. */
async function openPortfolio(): Promise<{ page: Page; errors: string[]; apiCalls: string[] }> {
  const { page, errors } = await openPage(browser, testOrg.org.url);
  await page.goto(loginUrl('lead'));
  const apiCalls: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/services/')) apiCalls.push(`${request.method()} ${path}`);
  });
  try {
    await page.locator('[data-tab="Baton_Portfolio"]').click();
    await page.waitForURL(/\/lightning\/n\/Baton_Portfolio/);
    await page.locator('a.bubble').first().waitFor();
  } catch (error) {
    // The page's own errors say more than a timeout.
    throw new Error(`${(error as Error).message}\nPage errors: ${errors.join('\n')}`);
  }
  return { page, errors, apiCalls };
}

/** No bubble crosses the axes: the scale leaves room for the largest one at 1 and at 5. */
async function expectBubblesInsidePlot(page: Page): Promise<void> {
  const outside = await page.locator('svg.plot').evaluate((svg) => {
    const [xAxis, yAxis] = Array.from(svg.querySelectorAll('line.axis')).map((line) =>
      ['x1', 'y1', 'x2', 'y2'].map((name) => Number(line.getAttribute(name)))
    );
    const [left, right, top, bottom] = [xAxis[0], xAxis[2], yAxis[1], yAxis[3]];
    return Array.from(svg.querySelectorAll('a.bubble circle'))
      .map((circle) => ['cx', 'cy', 'r'].map((name) => Number(circle.getAttribute(name))))
      .filter(([cx, cy, r]) => cx - r < left || cx + r > right || cy - r < top || cy + r > bottom);
  });
  expect(outside).toEqual([]);
}

/** The focused bubble is drawn again last in the SVG, so no larger bubble hides it. */
async function expectDrawnOnTop(page: Page, id: string | null): Promise<void> {
  const last = await page
    .locator('svg.plot')
    .evaluate((svg) => [
      svg.lastElementChild?.getAttribute('class'),
      svg.lastElementChild?.getAttribute('data-id')
    ]);
  expect(last).toEqual(['front', id]);
}

describe('the Portfolio tab as the CS lead', () => {
  it('shows the book in one Apex call, names each bubble on focus, and opens it', async () => {
    const { page, errors, apiCalls } = await openPortfolio();
    expect(apiCalls.filter((call) => call.includes('PortfolioController'))).toEqual([
      'POST /services/apexrest-local/PortfolioController/getPortfolio'
    ]);
    const bubbles = page.locator('a.bubble');
    const count = await bubbles.count();
    expect(count).toBeGreaterThan(10);
    // The screen-reader table lists the same accounts as the chart.
    await expect(page.locator('table.data tbody tr').count()).resolves.toBe(count);
    // Net revenue retention from the seeded book's outcomes, beside gross.
    await expect(
      page.locator('dt', { hasText: 'Net revenue retention' }).locator('+ dd').textContent()
    ).resolves.toMatch(/^\d+%$/);
    await page.screenshot({ path: join(SHOTS, 'portfolio.png'), fullPage: true });

    await expectBubblesInsidePlot(page);
    // One tab stop for the whole chart: the arrow keys move between bubbles, Tab leaves.
    const stop = page.locator('a.bubble[tabindex="0"]');
    await expect(stop.count()).resolves.toBe(1);
    await stop.focus();
    const first = await stop.getAttribute('data-id');
    await page.keyboard.press('Tab');
    await expect(page.locator('a.bubble:focus').count()).resolves.toBe(0);
    await page.keyboard.press('Shift+Tab');
    await expect(page.locator('a.bubble:focus').getAttribute('data-id')).resolves.toBe(first);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const focused = page.locator('a.bubble:focus');
    const id = await focused.getAttribute('data-id');
    expect(id).not.toBe(first);
    await expect(page.locator('a.bubble[tabindex="0"]').getAttribute('data-id')).resolves.toBe(id);
    const name = (await focused.getAttribute('aria-label')) ?? '';
    expect(name).toMatch(/: value [\d.]+, potential \d, ARR €[\d,]+, health /);
    await expect(page.locator('p.focused').textContent()).resolves.toBe(name);
    await expectDrawnOnTop(page, id);
    await page.locator('.chart').screenshot({ path: join(SHOTS, 'portfolio-chart-focus.png') });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/lightning\/r\/Account\/\w+\/view/);
    await page.locator('[data-id="record-name"]', { hasText: name.split(':')[0] }).waitFor();
    expect(errors).toEqual([]);
  });

  it('filters by segment, sorts the list, and shows the queue and the workload', async () => {
    const { page, errors } = await openPortfolio();
    const reload = (choose: () => Promise<unknown>) =>
      Promise.all([
        page.waitForResponse((response) => response.url().includes('getPortfolio')),
        choose()
      ]).then(() => page.locator('table.accounts tbody tr').first().waitFor());
    await reload(() => page.getByRole('combobox', { name: 'Segment' }).selectOption('A'));
    const segments = await page
      .locator('table.accounts tbody tr td:nth-of-type(5)')
      .allTextContents();
    expect(segments.length).toBeGreaterThan(0);
    expect(new Set(segments)).toEqual(new Set(['A']));

    await page.getByRole('button', { name: 'Account', exact: true }).click();
    const names = await page.locator('table.accounts tbody th').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));

    await reload(() => page.getByRole('combobox', { name: 'Segment' }).selectOption(''));
    await page.locator('table.queue tbody tr').first().waitFor();
    await page.locator('table.workload tbody tr').first().waitFor();
    await page
      .locator('section', { has: page.getByRole('heading', { name: 'Handover queue' }) })
      .screenshot({ path: join(SHOTS, 'portfolio-queue.png') });
    await page
      .locator('section', { has: page.getByRole('heading', { name: 'Account manager workload' }) })
      .screenshot({ path: join(SHOTS, 'portfolio-workload.png') });
    expect(errors).toEqual([]);
  });

  it('says what moving one account would change, from the hours the tables show', async () => {
    const { page, errors } = await openPortfolio();
    const workload = page.locator('table.workload tbody tr');
    const hoursOf = async (row: number) =>
      Number((await workload.nth(row).locator('td').nth(1).textContent())?.replace(/,/g, ''));
    const [from, to] = await workload.locator('th').allTextContents();
    const [fromHours, toHours] = [await hoursOf(0), await hoursOf(1)];
    const move = page.locator('fieldset.move');
    const account = move.getByRole('combobox', { name: 'Account to move' });
    const option = account.locator('option', { hasText: `(${from})` }).first();
    const label = (await option.textContent()) ?? '';
    await account.selectOption({ label });
    await move.getByRole('combobox', { name: 'Move to' }).selectOption({ label: to });
    const name = label.replace(/ \(.*\)$/, '');
    const moved = Number(
      (
        await page
          .locator('table.accounts tbody tr', {
            has: page.getByRole('link', { name, exact: true })
          })
          .locator('td')
          .last()
          .textContent()
      )?.replace(/,/g, '')
    );
    const round = (value: number) => Math.round(value * 10) / 10;
    await expect(move.locator('.move-result').textContent()).resolves.toBe(
      `${from}: ${fromHours} h → ${round(fromHours - moved)} h. ${to}: ${toHours} h → ${round(toHours + moved)} h.`
    );
    await move.screenshot({ path: join(SHOTS, 'portfolio-move.png') });
    expect(errors).toEqual([]);
  });

  it('is not in a seller’s navigation, and its address tells them they lack access', async () => {
    const { page, errors } = await openPage(browser, testOrg.org.url);
    const calls: string[] = [];
    page.on('request', (request) => calls.push(new URL(request.url()).pathname));
    await page.goto(loginUrl('seller'));
    await page.locator('nav[role="navigation"]').waitFor();
    await expect(page.locator('[data-tab="Baton_Portfolio"]').count()).resolves.toBe(0);
    await page.goto('/lightning/n/Baton_Portfolio');
    await page.getByRole('alert').getByText('Insufficient privileges').waitFor();
    // The narrowest permission set that shows the tab first, read from force-app.
    await expect(page.getByRole('alert').locator('p').textContent()).resolves.toBe(
      'You don’t have access to the Portfolio tab. Ask your Salesforce admin for the Baton CS Lead or Baton Admin permission set.'
    );
    expect(calls.filter((path) => path.includes('PortfolioController'))).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'portfolio-seller.png') });
    expect(errors).toEqual([]);
  });

  it('reads in Finnish for a Finnish lead', async () => {
    const { page, errors } = await openPage(browser, testOrg.org.url);
    await page.context().addCookies([{ name: 'baton_lang', value: 'fi', url: testOrg.org.url }]);
    await page.goto(loginUrl('lead'));
    await page.goto('/lightning/n/Baton_Portfolio');
    await page.locator('a.bubble').first().waitFor();
    await page.getByRole('heading', { name: 'Asiakassalkku' }).waitFor();
    await page.getByRole('heading', { name: 'Luovutusjono' }).waitFor();
    await expect(
      page.locator('dt', { hasText: 'Nettomyynnin pysyvyys' }).locator('+ dd').textContent()
    ).resolves.toMatch(/^\d+\s%$/);
    // The week's movers name the measure that moved most in Finnish (Label_Fi__c).
    const finnish = new Set([
      '–',
      ...loadProjectModel().measures.map((measure) => measure.labelFi)
    ]);
    const drivers = await page
      .locator('table', { hasText: 'Pääsyy' })
      .locator('tbody td:nth-of-type(2)')
      .allTextContents();
    expect(drivers.length).toBeGreaterThan(0);
    expect(drivers.filter((driver) => !finnish.has(driver.trim()))).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'portfolio-fi.png') });
    const stop = page.locator('a.bubble[tabindex="0"]');
    await stop.focus();
    await page.keyboard.press('End');
    const id = await page.locator('a.bubble:focus').getAttribute('data-id');
    await expect(page.locator('p.focused').textContent()).resolves.toMatch(
      /: arvo [\d,]+, potentiaali 5, vuosilaskutus /
    );
    await expectDrawnOnTop(page, id);
    await page.locator('.chart').screenshot({ path: join(SHOTS, 'portfolio-chart-focus-fi.png') });
    expect(errors).toEqual([]);
  });
});
