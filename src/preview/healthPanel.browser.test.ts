import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openPage } from './browser';
import { PROJECT_DIR } from './build';
import { addDays, scoreAccount, type HealthResult } from '../core';
import { loadProjectModel } from '../metadata/projectModel';
import { readLabels } from './labels';
import { startLocalPreview } from '../testkit/localPreview';
import { signalsOf } from '../testkit/previewBook';

// The account manager's health panel in Chromium: the real preview build on a fresh local org
// (all twins) with the preview book's signal records, scored by the real recompute. What the
// panel must show is the core's own answer for the same signals (scoreAccount), never a
// number written here. What a person sees (score,
// status in words, coverage, drivers, surveys side by side), the empty state of an account
// never scored, an override set then cleared, read back from the org, and none for a seller
// (no button; the org refuses the fields). Screenshots go to
// screenshots/ (git-ignored).
jest.setTimeout(180_000);

const SHOTS = join(PROJECT_DIR, 'screenshots');
const { en, fi } = readLabels(PROJECT_DIR);
const fill = (label: string, ...values: (string | number)[]) =>
  label.replace(/\{(\d+)\}/g, (_match, index: string) => String(values[Number(index)]));
const usDate = (isoDay: string) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${isoDay}T00:00:00Z`)
  );
/** A day as a Finnish user reads it: 17.12.2026. */
const fiDate = (isoDay: string) =>
  new Intl.DateTimeFormat('fi-FI', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${isoDay}T00:00:00Z`)
  );
let preview: Awaited<ReturnType<typeof startLocalPreview>>;
let browser: Browser;
const model = loadProjectModel();
const STATUS_WORDS: Record<string, string> = {
  Green: en.Baton_Health_Status_Green,
  Yellow: en.Baton_Health_Status_Yellow,
  Red: en.Baton_Health_Status_Red
};

/** The core's result for a preview account's signals, as of the day the book was written. */
function expected(index: number): HealthResult {
  const { book, Id } = preview.accounts[index];
  return scoreAccount(signalsOf(book, Id, preview.asOf), model, preview.asOf);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [preview, browser] = await Promise.all([startLocalPreview(), launchBrowser()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

async function openAccount(persona: string, accountId: string) {
  const opened = await openPage(browser, preview.url);
  const accountPage = `/lightning/r/Account/${accountId}/view`;
  await opened.page.goto(preview.loginUrl(persona).replace('/?login', `${accountPage}?login`));
  const panel = opened.page.locator('c-account-health-panel');
  await panel.locator('lightning-card').waitFor();
  return { ...opened, panel };
}

/** Nothing technical on screen, and nothing sticking out of the panel. */
async function expectReadable(panel: Locator) {
  const words = await panel.innerText();
  expect(words).not.toMatch(/undefined|null|NaN|__c|c\.Baton_|\{\d\}/);
  await expect(panel.evaluate((el) => el.scrollWidth - el.clientWidth)).resolves.toBe(0);
}

async function account(page: Page, id: string): Promise<Record<string, unknown>> {
  const response = await page.request.get(
    `${preview.url}/services/data/v62.0/sobjects/Account/${id}?fields=Health_Status__c,Health_Override__c,Health_Override_Reason__c,Health_Override_Until__c`
  );
  expect(response.ok()).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

describe('health panel in the preview', () => {
  it('shows the score with its status in words, coverage, drivers and survey answers beside their labels', async () => {
    const { page, errors, panel } = await openAccount('accountManager', preview.accountId);
    const core = expected(0);
    const { book } = preview.accounts[0];
    // The book is made for a healthy, improving customer; the words below follow the core.
    expect(core).toMatchObject({ status: 'Green', trendDirection: 'up', quadrant: 'healthy' });

    await expect(panel.locator('c-health-gauge .score').textContent()).resolves.toBe(
      String(core.score)
    );
    await expect(panel.locator('c-health-gauge .status').textContent()).resolves.toBe(
      STATUS_WORDS[core.status]
    );
    await expect(
      panel.locator('c-health-gauge [role="img"]').getAttribute('aria-label')
    ).resolves.toBe(`${en.Baton_Health}: ${core.score}/100, ${STATUS_WORDS[core.status]}`);
    // The trend compares with the newest earlier snapshot at least the model's trend days old
    // (here 35 days, the book's newest), and the words say that span, not a fixed 4 weeks.
    const baselineDays = Math.min(
      ...book.history.map((h) => h.daysAgo).filter((days) => days >= model.trend.days)
    );
    expect(baselineDays).toBe(35);
    await panel
      .getByText(fill(en.Baton_Health_Trend_Up, core.trend!, fill(en.Baton_Health_Period_Weeks, 5)))
      .waitFor();
    // The score line on a time axis: each earlier recompute's score from its day, then today's
    // from the real recompute, oldest first, for a screen reader as for the eye.
    const points = [
      ...[...book.history].sort((a, b) => b.daysAgo - a.daysAgo),
      { daysAgo: 0, score: core.score }
    ];
    const dayText = (daysAgo: number) => usDate(addDays(preview.asOf, -daysAgo));
    await panel
      .getByRole('img', {
        name: fill(
          en.Baton_Health_Sparkline,
          points
            .map((p) => fill(en.Baton_Health_History_Point, p.score!, dayText(p.daysAgo)))
            .join(', ')
        )
      })
      .waitFor();
    await panel
      .getByText(fill(en.Baton_Health_History_Caption, dayText(points[0].daysAgo)))
      .waitFor();
    // On a time axis, not one step per point: the newest earlier snapshot (35 days ago) sits
    // 42 of the line's 77 days from its left end, and today's score reaches the right end.
    const line = await panel.locator('c-health-sparkline path.line').getAttribute('d');
    const xs = [...line!.matchAll(/[ML]([\d.]+),/g)].map((m) => Number(m[1]));
    const span = points[0].daysAgo;
    expect(xs).toContain(Math.round(((span - 35) / span) * 1600) / 10);
    expect(Math.max(...xs)).toBe(160);
    await panel
      .getByText(fill(en.Baton_Health_Coverage_Text, core.measuresUsed, core.measuresApplicable))
      .waitFor();
    await panel.getByText(core.drivers[0]).waitFor();
    await panel.locator('.quadrant', { hasText: en.Baton_Health_Quadrant_Healthy }).waitFor();
    await panel.locator('.tier', { hasText: en.Baton_Tier_Low }).waitFor();
    // The next touchpoint the touchpoints plan wrote (a Low account meets yearly).
    const next = await preview.conn.query<{ Next_Touchpoint_Due__c: string | null }>(
      `SELECT Next_Touchpoint_Due__c FROM Account WHERE Id = '${preview.accountId}'`
    );
    const due = next.records[0].Next_Touchpoint_Due__c;
    expect(due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const dueText = new Intl.DateTimeFormat('en-US', {
      dateStyle: 'medium',
      timeZone: 'UTC'
    }).format(new Date(`${due}T00:00:00Z`));
    await panel.getByText(fill(en.Baton_Health_Touchpoint_Due, dueText)).waitFor();

    // The glitch this guards against: "CSATNo data", label and answer drawn over each other.
    const surveys = panel.locator('dl.surveys');
    for (const label of [en.Baton_Health_Measure_NPS, en.Baton_Health_Measure_CSAT]) {
      const term = surveys.locator('dt', { hasText: label });
      const [labelBox, valueBox] = await Promise.all([
        term.boundingBox(),
        term.locator('xpath=following-sibling::dd[1]').boundingBox()
      ]);
      expect(labelBox && valueBox).toBeTruthy();
      expect(labelBox!.x + labelBox!.width).toBeLessThanOrEqual(valueBox!.x);
    }
    await expect(
      surveys.locator('dt', { hasText: en.Baton_Health_Measure_CSAT }).locator('+ dd').innerText()
    ).resolves.toBe(en.Baton_Health_No_Data);
    await expect(
      surveys.locator('dt', { hasText: en.Baton_Health_Measure_NPS }).locator('+ dd').innerText()
    ).resolves.toMatch(/^9\/10, answered \w{3} \d{1,2}, \d{4}$/);

    await panel.getByRole('button', { name: en.Baton_Health_Breakdown_Show }).click();
    const breakdown = panel.locator('table.breakdown');
    await breakdown.locator('tbody tr').first().waitFor();
    await expect(breakdown.locator('tbody tr').count()).resolves.toBe(core.measures.length);
    const licence = core.measures.find((m) => m.key === 'licenseUtilisation')!;
    await breakdown
      .locator('tr', { hasText: en.Baton_Health_Measure_License_Utilisation })
      .getByText(`${Math.round(licence.value! * 100)}%`)
      .waitFor();
    await expectReadable(panel);
    await panel.screenshot({ path: join(SHOTS, 'health-panel-scored.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('tells the admin how to schedule the recompute on an account never scored', async () => {
    const { page: setup } = await openAccount('accountManager', preview.accountId);
    const created = await setup.request.post(
      `${preview.url}/services/data/v62.0/sobjects/Account`,
      {
        // As the page's own fetch sends it: cookie-session writes must be same-origin.
        headers: { Origin: preview.url },
        data: { Name: 'Uusi Asiakas Oy', Touch_Tier__c: 'Tech' }
      }
    );
    expect(created.ok()).toBe(true);
    const { id } = (await created.json()) as { id: string };
    await setup.context().close();

    const { page, errors, panel } = await openAccount('accountManager', id);
    await panel.getByText(en.Baton_Health_Never_Scored, { exact: true }).waitFor();
    await panel.getByText(/baton health recompute --target-org ORG/).waitFor();
    await panel.getByText(/docs\/scheduling\.md/).waitFor();
    await expect(panel.locator('c-health-gauge').count()).resolves.toBe(0);
    await expectReadable(panel);
    await panel.screenshot({ path: join(SHOTS, 'health-panel-never-scored.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets the account manager set an override with a reason and expiry, then clear it', async () => {
    const target = preview.accounts[1];
    // A customer at risk: the override below lifts the core's Red to Yellow.
    expect(expected(1).status).toBe('Red');
    const { page, errors, panel } = await openAccount('accountManager', target.Id);
    const status = panel.locator('c-health-gauge .status');
    await expect(status.textContent()).resolves.toBe(en.Baton_Health_Status_Red);

    await panel.getByRole('button', { name: en.Baton_Health_Override_Set }).click();
    const form = panel.locator('c-health-override-form');
    await form.getByText(en.Baton_Health_Override).waitFor();
    // SLDS draws its own radio buttons; the input is visually hidden, so click the label as a user does.
    await form.locator('label', { hasText: en.Baton_Health_Status_Yellow }).click();
    await form.getByLabel(en.Baton_Health_Override_Reason).fill('Renewal signed, usage recovering');
    const until = await form.getByLabel(en.Baton_Health_Override_Until).inputValue();
    expect(until).not.toBe('');
    await panel.screenshot({ path: join(SHOTS, 'health-panel-override-form.png') });
    await form.getByRole('button', { name: en.Baton_Health_Save }).click();

    await panel
      .locator('.override-summary', { hasText: 'Renewal signed, usage recovering' })
      .waitFor();
    await expect(status.textContent()).resolves.toBe(en.Baton_Health_Status_Yellow);
    await panel.locator('.computed', { hasText: en.Baton_Health_Status_Red }).waitFor();
    const overridden = await account(page, target.Id);
    expect(overridden).toMatchObject({
      Health_Override__c: 'Yellow',
      Health_Override_Reason__c: 'Renewal signed, usage recovering',
      Health_Status__c: 'Yellow'
    });
    expect(overridden.Health_Override_Until__c).toBeTruthy();
    await expectReadable(panel);
    await panel.screenshot({ path: join(SHOTS, 'health-panel-override.png') });

    await panel.getByRole('button', { name: en.Baton_Health_Override_Clear }).click();
    await panel.locator('.override-summary').waitFor({ state: 'detached' });
    await expect(status.textContent()).resolves.toBe(en.Baton_Health_Status_Red);
    await expect(account(page, target.Id)).resolves.toMatchObject({
      Health_Override__c: null,
      Health_Override_Reason__c: null,
      Health_Override_Until__c: null,
      Health_Status__c: 'Red'
    });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('reads the expiry Juha types in Finnish key by key, refuses an English one by name, and keeps the default for a blank', async () => {
    const target = preview.accounts[2];
    const [juha] = (
      await preview.conn.query<{ Username: string }>(
        "SELECT Username FROM User WHERE Name = 'Juha Mäkinen'"
      )
    ).records;
    const { page, errors } = await openPage(browser, preview.url);
    const accountPage = `/lightning/r/Account/${target.Id}/view`;
    await page.goto(preview.loginUrl(juha.Username).replace('/?login', `${accountPage}?login`));
    const panel = page.locator('c-account-health-panel');
    await panel.locator('lightning-card').waitFor();
    const form = panel.locator('c-health-override-form');
    const until = form.getByLabel(fi.Baton_Health_Override_Until);
    const save = form.getByRole('button', { name: fi.Baton_Health_Save });
    const openForm = async () => {
      await panel.getByRole('button', { name: fi.Baton_Health_Override_Set }).click();
      await form.getByLabel(fi.Baton_Health_Override_Reason).fill('Uusi sopimus allekirjoitettu');
    };

    // Shown as Juha reads dates: today plus the Override band's days.
    await openForm();
    const byDefault = addDays(preview.asOf, model.overrideDays);
    expect(await until.inputValue()).toBe(fiDate(byDefault));

    // An English date, key by key: refused under the field by its name with what was typed.
    const meant = addDays(preview.asOf, 10);
    const [year, month, day] = meant.split('-').map(Number);
    const english = `${month}/${day}/${year}`;
    await until.fill('');
    await until.pressSequentially(english, { delay: 20 });
    await until.blur();
    await save.click();
    await form
      .getByText(
        fill(
          fi.Baton_Health_Override_Bad_Date,
          fi.Baton_Health_Override_Until,
          english,
          '31.12.2026'
        )
      )
      .waitFor();
    await expect(account(page, target.Id)).resolves.toMatchObject({
      Health_Override__c: null,
      Health_Override_Until__c: null
    });
    await panel.screenshot({ path: join(SHOTS, 'health-panel-override-refused-fi.png') });

    // The Finnish date, key by key: stored as the day meant and shown back in the summary.
    await until.fill('');
    await until.pressSequentially(`${day}.${month}.${year}`, { delay: 20 });
    await until.blur();
    await save.click();
    await panel.locator('.override-summary', { hasText: fiDate(meant) }).waitFor();
    await expect(account(page, target.Id)).resolves.toMatchObject({
      Health_Override__c: 'Yellow',
      Health_Override_Until__c: meant
    });

    // Emptied on purpose: the Override band's days from today, never an empty date.
    await openForm();
    expect(await until.getAttribute('placeholder')).toBe('31.12.2026');
    await until.fill('');
    await until.blur();
    await save.click();
    await panel.locator('.override-summary', { hasText: fiDate(byDefault) }).waitFor();
    await expect(account(page, target.Id)).resolves.toMatchObject({
      Health_Override_Until__c: byDefault
    });
    await expectReadable(panel);
    await panel.getByRole('button', { name: fi.Baton_Health_Override_Clear }).click();
    await panel.locator('.override-summary').waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows a seller the health without an override button, and the org refuses a seller override', async () => {
    const { page, errors, panel } = await openAccount('seller', preview.accountId);
    await panel.locator('c-health-gauge .status').waitFor();
    await expect(
      panel.getByRole('button', { name: en.Baton_Health_Override_Set }).count()
    ).resolves.toBe(0);
    const before = await account(page, preview.accountId);
    const refused = await page.request.patch(
      `${preview.url}/services/data/v62.0/sobjects/Account/${preview.accountId}`,
      {
        headers: { Origin: preview.url },
        data: { Health_Override__c: 'Red', Health_Override_Reason__c: 'Seller thinks so' }
      }
    );
    expect(refused.status()).toBe(400);
    expect(await refused.json()).toEqual([
      expect.objectContaining({
        errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
        fields: ['Health_Override__c', 'Health_Override_Reason__c']
      })
    ]);
    await expect(account(page, preview.accountId)).resolves.toEqual(before);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('reads the trend, the score line and the tier cadence in Finnish, and re-plans the touchpoints when the account manager sets the tier', async () => {
    const { page, errors, panel } = await openAccount('accountManager', preview.accountId);
    const card = page.locator('c-tier-cadence-card');
    // The shipped Low tier, in the English the account manager reads first.
    await card
      .getByText(
        'First contact within 90 days of the contract start, success check after 60 days, goal review after 365 days, a meeting every 365 days'
      )
      .waitFor();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fi');
    const core = expected(0);
    await panel
      .getByText(fill(fi.Baton_Health_Trend_Up, core.trend!, fill(fi.Baton_Health_Period_Weeks, 5)))
      .waitFor();
    await panel.getByText(/^Pisteet \d{1,2}\.\d{1,2}\.\d{4} alkaen$/).waitFor();
    await card
      .getByText(
        'Ensimmäinen yhteydenotto 90 päivän kuluessa sopimuksen alusta, onnistumisen tarkistus 60 päivän jälkeen, tavoitteiden katselmointi 365 päivän jälkeen, tapaaminen 365 päivän välein'
      )
      .waitFor();
    await expectReadable(panel);
    await panel.screenshot({ path: join(SHOTS, 'health-panel-fi.png') });
    await card.screenshot({ path: join(SHOTS, 'tier-card-fi.png') });
    await page.getByRole('combobox', { name: 'Kieli' }).selectOption('en');

    // Saimaa Systems is Tech (automated, no meetings); set High, the plan follows at once.
    const target = preview.accounts[2];
    const tech = await openAccount('accountManager', target.Id);
    const techCard = tech.page.locator('c-tier-cadence-card');
    await techCard.getByText(/no recurring meetings$/).waitFor();
    await techCard.getByRole('button', { name: en.Baton_Tier_Card_Override_Button }).click();
    await techCard.locator('label', { hasText: en.Baton_Tier_High }).click();
    await techCard.getByLabel(en.Baton_Tier_Card_Override_Reason).fill('Three new sites');
    await techCard.getByRole('button', { name: en.Baton_Tier_Card_Save }).click();
    await techCard.getByText(/a meeting every 90 days$/).waitFor();
    const meetings = techCard.locator('.touchpoint', {
      hasText: fill(en.Baton_Task_Recurring_Meeting, 90)
    });
    await meetings.first().waitFor();
    const tasks = await preview.conn.query<{ ActivityDate: string }>(
      `SELECT ActivityDate FROM Task WHERE WhatId = '${target.Id}' AND IsClosed = false AND Touchpoint_Key__c LIKE '%recurring-meeting-%' ORDER BY ActivityDate`
    );
    expect(tasks.records.length).toBeGreaterThan(0);
    expect(tasks.records.every((t) => t.ActivityDate >= preview.asOf)).toBe(true);
    await techCard.screenshot({ path: join(SHOTS, 'tier-card-replanned.png') });
    expect([...errors, ...tech.errors]).toEqual([]);
    await tech.page.context().close();
    await page.context().close();
  });
});
