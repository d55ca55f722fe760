import { createElement } from 'lwc';
import AccountHealthPanel from 'c/accountHealthPanel';
import { getRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getHealth from '@salesforce/apex/HealthController.getHealth';
import setOverride from '@salesforce/apex/HealthController.setOverride';
import clearOverride from '@salesforce/apex/HealthController.clearOverride';
import { visibleText } from './visibleText';

import ACCOUNT_SCORED from './data/accountScored.json';
import ACCOUNT_NEVER from './data/accountNeverScored.json';
import ACCOUNT_INSUFFICIENT from './data/accountInsufficient.json';
import ACCOUNT_OVERRIDE from './data/accountOverride.json';
import HEALTH_SCORED from './data/healthScored.json';
import HEALTH_NEVER from './data/healthNeverScored.json';
import HEALTH_INSUFFICIENT from './data/healthInsufficient.json';

// jest.mock must be called directly (not through a helper) for babel-jest to hoist it above the imports.
jest.mock('@salesforce/apex/HealthController.getHealth', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/HealthController.setOverride', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/HealthController.clearOverride', () => ({ default: jest.fn() }), {
  virtual: true
});
// The deployed English texts, so every assertion reads what the account manager reads.
jest.mock('../labels', () => ({
  LABELS: require('./deployedLabels').inLanguage(jest.requireActual('../labels').LABELS, 'en')
}));

// The project's custom metadata records, as getHealth sends them (modelRecords).
const { projectModelRecords } = require('../../handoverPanel/__tests__/data/projectModelRecords');
const modelRecords = projectModelRecords();

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function render(account, health) {
  getHealth.mockResolvedValue({ modelRecords, ...health });
  const element = createElement('c-account-health-panel', { is: AccountHealthPanel });
  element.recordId = account.id;
  document.body.appendChild(element);
  getRecord.emit(account);
  await flush();
  return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const gauge = (element) => $(element, 'c-health-gauge');
const details = (element) => $(element, 'c-health-panel-details');
const inDetails = (element, selector) => details(element).shadowRoot.querySelector(selector);
const allInDetails = (element, selector) => [
  ...details(element).shadowRoot.querySelectorAll(selector)
];
const text = (node) => (node ? node.textContent.replace(/\s+/g, ' ').trim() : null);
const ariaLabel = (host, selector) =>
  host.shadowRoot.querySelector(selector).getAttribute('aria-label');

/** Label and value of each row of a definition list, as the user reads them side by side. */
function rows(list) {
  return [...list.querySelectorAll('dt')].map((dt) => [text(dt), text(dt.nextElementSibling)]);
}

/** Nothing technical leaks onto the screen: no API names, stand-ins, or missing values. */
function expectNoLeaks(element) {
  const words = visibleText(element).join(' | ');
  expect(words).not.toMatch(/undefined|null|NaN|__c|c\.Baton_|\{\d\}/);
}

describe('c-account-health-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  describe('scored', () => {
    it('shows score, status in words, trend, history, coverage, drivers, quadrant and context', async () => {
      const element = await render(ACCOUNT_SCORED, HEALTH_SCORED);

      expect(getHealth).toHaveBeenCalledWith({ accountId: ACCOUNT_SCORED.id });
      const seen = visibleText(element);
      expect(seen.slice(0, 3)).toEqual(['Customer Health', '64', 'Yellow']);
      expect(gauge(element).tone).toBe('yellow');
      expect(ariaLabel(gauge(element), '[role="img"]')).toBe('Customer Health: 64/100, Yellow');
      // The -8 compares with the snapshot of Oct 20 (the newest at least 28 days older), so
      // the words say the 31 days it spans, not a fixed four weeks.
      expect(text($(element, '.trend'))).toBe('Down 8 points in 31 days');
      expect($(element, '.trend lightning-icon').iconName).toBe('utility:arrowdown');
      // Sparkline on a time axis, oldest first; its text gives each score with its date.
      const sparkline = $(element, 'c-health-sparkline');
      expect(sparkline.points).toEqual([
        { day: '2026-09-20', score: 75 },
        { day: '2026-10-20', score: 72 },
        { day: '2026-11-20', score: 64 }
      ]);
      expect([sparkline.from, sparkline.to]).toEqual(['2026-09-20', '2026-11-20']);
      expect(ariaLabel(sparkline, '[role="img"]')).toBe(
        'Score history, oldest to newest: 75 from Sep 20, 2026, 72 from Oct 20, 2026, 64 from Nov 20, 2026'
      );
      expect(text($(element, '.history'))).toBe('Score since Sep 20, 2026');
      expect(text($(element, '.coverage'))).toBe('Based on 6 of 9 measures');
      expect(allInDetails(element, '.drivers li').map(text)).toEqual([
        'Licence utilisation -17: 20 of 40 seats active',
        'NPS -13: 3 detractors of 5 responses'
      ]);
      expect(text(inDetails(element, '.quadrant'))).toBe(
        'Satisfied but not succeeding (silent churn risk)'
      );
      expect(text(inDetails(element, '.cell_current'))).toBe('Silent churn risk');
      expect(inDetails(element, '.cell_current').dataset.quadrant).toBe('satisfiedNotSucceeding');
      expect(inDetails(element, '.tier').label).toBe('Low touch');
      expect(text(inDetails(element, '.suggested-tier'))).toBe('Suggested: High touch');
      expect(text(inDetails(element, '.touchpoint'))).toBe('Overdue since Nov 2, 2026');
      expect(inDetails(element, '.touchpoint').className).toContain('slds-text-color_error');
      expect(text($(element, '.scored-at'))).toBe('Last computed Nov 20, 2026, 3:00 AM');
      expect($(element, 'lightning-button.set-override').label).toBe('Override status');
      expect($(element, 'c-error-panel')).toBeNull();
      expectNoLeaks(element);
      await expect(element).toBeAccessible();
    });

    it('shows each survey label and its answer as separate cells, never run together', async () => {
      const element = await render(ACCOUNT_SCORED, HEALTH_SCORED);

      const surveys = inDetails(element, 'dl.surveys');
      expect(rows(surveys)).toEqual([
        ['Recommendation (NPS)', '6/10, answered Oct 1, 2026'],
        ['Satisfaction (CSAT)', 'No data'],
        ['Customer effort (CES)', '5/7, answered Sep 12, 2026']
      ]);
      // A dl holds only dt/dd pairs: a wrapper per row is what let "CSAT" and "No data" collide.
      expect([...surveys.children].map((child) => child.tagName)).toEqual([
        'DT',
        'DD',
        'DT',
        'DD',
        'DT',
        'DD'
      ]);
      expect(visibleText(details(element))).toEqual(
        expect.arrayContaining(['Satisfaction (CSAT)', 'No data'])
      );
      await expect(element).toBeAccessible();
    });

    it('shows the per-measure breakdown in readable units only when expanded', async () => {
      const element = await render(ACCOUNT_SCORED, HEALTH_SCORED);
      const toggle = inDetails(element, 'lightning-button.toggle');
      expect(inDetails(element, 'table.breakdown')).toBeNull();
      expect(toggle.label).toBe('Show breakdown');
      expect(toggle.ariaExpanded).toBe('false');

      toggle.click();
      await flush();

      const table = inDetails(element, 'table.breakdown');
      expect(text(table.querySelector('caption'))).toBe('Score by measure');
      expect([...table.querySelectorAll('thead th')].map(text)).toEqual([
        'Measure',
        'Value',
        'Score',
        'Weight',
        'Points lost'
      ]);
      const cells = [...table.querySelectorAll('tbody tr')].map((row) =>
        [...row.children].map(text)
      );
      expect(cells).toEqual([
        ['Recommendation (NPS)', '-20', '40', '15', '12.5'],
        ['Licence utilisation', '50%', '40', '20', '16.7'],
        ['Meeting cadence', '45 days', '55', '10', '4.5'],
        ['Satisfaction (CSAT)', 'No data', 'No data', '10', 'No data']
      ]);
      expect(toggle.label).toBe('Hide breakdown');
      expect(toggle.ariaExpanded).toBe('true');
      expectNoLeaks(element);
      await expect(element).toBeAccessible();
    });
  });

  describe('never scored', () => {
    it('tells the admin how to schedule the recompute, and draws no score', async () => {
      const element = await render(ACCOUNT_NEVER, HEALTH_NEVER);

      expect(text($(element, '.never-scored h3'))).toBe('Not scored yet');
      const help = text($(element, '.never-scored p'));
      expect(help).toContain('baton health recompute --target-org ORG');
      expect(help).toContain('docs/scheduling.md');
      expect(gauge(element)).toBeNull();
      expect(details(element)).toBeNull();
      expect($(element, 'lightning-button.set-override')).toBeNull();
      expectNoLeaks(element);
      await expect(element).toBeAccessible();
    });
  });

  // The band and the trend word are the recompute's (Health_Band__mdt via the core), stored
  // with the data; the panel never re-derives them from 70/40 or ±5 of its own.
  describe('bands and trend words from the stored data', () => {
    const withFields = (fields) => ({
      ...ACCOUNT_SCORED,
      fields: Object.fromEntries(
        Object.entries({ ...ACCOUNT_SCORED.fields, ...fields }).map(([k, v]) => [
          k,
          v && typeof v === 'object' ? v : { value: v }
        ])
      )
    });
    const breakdownWith = (extra) =>
      JSON.stringify({ ...JSON.parse(HEALTH_SCORED.breakdown), ...extra });

    it('shows each stored status and trend direction, even where 70/40 and ±5 would differ', async () => {
      // Bands an admin moved: 72 stored as Yellow, 45 as Red; a 6-point rise counted as steady.
      const element = await render(
        withFields({ Health_Score__c: 72, Health_Status__c: 'Yellow', Health_Trend__c: 6 }),
        {
          ...HEALTH_SCORED,
          snapshots: [
            { score: 72, status: 'Yellow', computedAt: '2026-11-20T03:00:00.000Z' },
            { score: 45, status: 'Red', computedAt: '2026-10-20T03:00:00.000Z' }
          ],
          breakdown: breakdownWith({
            score: 72,
            status: 'Yellow',
            trend: 6,
            trendDirection: 'flat'
          })
        }
      );
      expect(text(gauge(element).shadowRoot.querySelector('.status'))).toBe('Yellow');
      expect(gauge(element).tone).toBe('yellow');
      expect(text($(element, '.trend'))).toBe('Steady (+6 points in 31 days)');
      expect($(element, '.trend lightning-icon').iconName).toBe('utility:forward');
    });

    it('says the weeks the trend spans when its baseline snapshot is whole weeks older', async () => {
      // Snapshots are written only on a change or a heartbeat: the newest one at least 28 days
      // before Nov 20 is Oct 16, so the +6 is over 5 weeks.
      const element = await render(withFields({ Health_Trend__c: 6 }), {
        ...HEALTH_SCORED,
        snapshots: [
          { score: 70, status: 'Green', computedAt: '2026-11-20T03:00:00.000Z' },
          { score: 68, status: 'Yellow', computedAt: '2026-10-30T03:00:00.000Z' },
          { score: 64, status: 'Yellow', computedAt: '2026-10-16T03:00:00.000Z' }
        ],
        breakdown: breakdownWith({ trend: 6, trendDirection: 'up' })
      });
      expect(text($(element, '.trend'))).toBe('Up 6 points in 5 weeks');
    });

    it('takes the snapshot status when the breakdown is unreadable, and a 4-point fall stored as down', async () => {
      const element = await render(
        withFields({ Health_Score__c: 45, Health_Status__c: null, Health_Trend__c: -4 }),
        {
          ...HEALTH_SCORED,
          snapshots: [{ score: 45, status: 'Red', computedAt: '2026-11-20T03:00:00.000Z' }],
          breakdown: breakdownWith({ score: 45, status: 'Red', trend: -4, trendDirection: 'down' })
        }
      );
      expect(text(gauge(element).shadowRoot.querySelector('.status'))).toBe('Red');
      // No snapshot 28 days older is in the history: the model's trend days are the period.
      expect(text($(element, '.trend'))).toBe('Down 4 points in 4 weeks');

      const damaged = await render(
        withFields({ Health_Score__c: 45, Health_Status__c: null, Health_Trend__c: -4 }),
        {
          ...HEALTH_SCORED,
          snapshots: [{ score: 45, status: 'Red', computedAt: '2026-11-20T03:00:00.000Z' }],
          breakdown: '{not json'
        }
      );
      expect(text(gauge(damaged).shadowRoot.querySelector('.status'))).toBe('Red');
      // Without the stored direction the panel does not guess one from the number.
      expect(text($(damaged, '.trend'))).toBe('No trend yet');
    });

    it('invents no band for a score stored without a status', async () => {
      const element = await render(withFields({ Health_Score__c: 72, Health_Status__c: null }), {
        ...HEALTH_SCORED,
        snapshots: [{ score: 72, status: null, computedAt: '2026-11-20T03:00:00.000Z' }],
        breakdown: null
      });
      expect(text(gauge(element).shadowRoot.querySelector('.status'))).not.toBe('Green');
      expect(gauge(element).tone).toBe('grey');
      expectNoLeaks(element);
    });
  });

  describe('insufficient data', () => {
    it('says so in words and grey, explains what to add, and offers no override to a reader', async () => {
      const element = await render(ACCOUNT_INSUFFICIENT, HEALTH_INSUFFICIENT);

      expect(gauge(element).tone).toBe('grey');
      expect(text(gauge(element).shadowRoot.querySelector('.status'))).toBe('Insufficient data');
      // The stored 55 rests on 2 of 8 measures: no number is shown for it.
      expect(gauge(element).score).toBeNull();
      expect(text(gauge(element).shadowRoot.querySelector('.score'))).toBe('–');
      expect(text($(element, '.coverage'))).toBe('Based on 2 of 8 measures');
      expect(text($(element, '.insufficient'))).toBe(
        'Not enough data for a reliable score. Add surveys, usage data or touchpoints for this customer.'
      );
      expect(text($(element, '.trend'))).toBe('No trend yet');
      // One snapshot draws no line, so no caption claims a history.
      expect($(element, 'c-health-sparkline')).toBeNull();
      expect($(element, '.history')).toBeNull();
      expect(text(inDetails(element, '.no-drivers'))).toBe('Nothing is lowering the score.');
      expect(inDetails(element, '.quadrant')).toBeNull();
      expect(inDetails(element, '.suggested-tier')).toBeNull();
      expect(text(inDetails(element, '.touchpoint'))).toBe('Due Dec 24, 2026');
      expect(rows(inDetails(element, 'dl.surveys')).map(([, value]) => value)).toEqual([
        'No data',
        'No data',
        'No data'
      ]);
      expect($(element, 'lightning-button.set-override')).toBeNull();
      expectNoLeaks(element);
      await expect(element).toBeAccessible();
    });
  });

  describe('override active', () => {
    it('shows the override as the status, with the computed score, reason and expiry beside it', async () => {
      const element = await render(ACCOUNT_OVERRIDE, HEALTH_SCORED);

      expect(text(gauge(element).shadowRoot.querySelector('.status'))).toBe('Green');
      expect(gauge(element).score).toBe(64);
      expect(text($(element, '.computed'))).toBe('Computed score 64 (Yellow)');
      expect([...element.shadowRoot.querySelectorAll('.override-summary p')].map(text)).toEqual([
        'Health override',
        'Overridden to Green until Dec 20, 2026: Renewal signed yesterday'
      ]);
      expect($(element, 'lightning-button.clear-override').label).toBe('Clear override');
      expectNoLeaks(element);
      await expect(element).toBeAccessible();
    });

    it('ignores an expired override', async () => {
      const expired = JSON.parse(JSON.stringify(ACCOUNT_OVERRIDE));
      expired.fields.Health_Override_Until__c.value = '2026-11-19';
      const element = await render(expired, HEALTH_SCORED);

      expect(text(gauge(element).shadowRoot.querySelector('.status'))).toBe('Yellow');
      expect($(element, '.override-summary')).toBeNull();
      expect($(element, 'lightning-button.clear-override')).toBeNull();
    });

    it("offers the org's Status bands, a band an admin added included, the middle one chosen", async () => {
      // Red narrowed to 10–39 and a Critical band below it, as an admin might deploy them.
      const bands = modelRecords.Health_Band__mdt.map((band) => ({
        ...band,
        Min_Value__c: band.Status__c === 'Red' ? 10 : band.Min_Value__c
      }));
      const critical = {
        DeveloperName: 'Critical',
        Kind__c: 'Status',
        Status__c: 'Critical',
        Min_Value__c: 0,
        Max_Value__c: 9
      };
      const element = await render(ACCOUNT_SCORED, {
        ...HEALTH_SCORED,
        modelRecords: { ...modelRecords, Health_Band__mdt: [...bands, critical] }
      });
      $(element, 'lightning-button.set-override').click();
      await flush();
      const group = $(element, 'c-health-override-form').shadowRoot.querySelector(
        'lightning-radio-group'
      );
      expect(group.options).toEqual([
        { label: 'Green', value: 'Green' },
        { label: 'Yellow', value: 'Yellow' },
        { label: 'Red', value: 'Red' },
        { label: 'Critical', value: 'Critical' }
      ]);
      expect(group.value).toBe('Yellow');
    });

    it("sets an override with reason and the Override band's default expiry, then refreshes the record", async () => {
      setOverride.mockResolvedValue(HEALTH_SCORED);
      const element = await render(ACCOUNT_SCORED, HEALTH_SCORED);
      $(element, 'lightning-button.set-override').click();
      await flush();
      const form = $(element, 'c-health-override-form');
      expect(visibleText(form)).toEqual([
        'Health override',
        'Status to show',
        'Reason',
        'Until',
        'Cancel',
        'Save'
      ]);
      expect(form.shadowRoot.querySelector('lightning-radio-group').options).toEqual([
        { label: 'Green', value: 'Green' },
        { label: 'Yellow', value: 'Yellow' },
        { label: 'Red', value: 'Red' }
      ]);
      // Today (serverDate) plus the Override band's 30 days, in the user's format.
      expect(form.shadowRoot.querySelector('lightning-input').value).toBe('Dec 20, 2026');
      await expect(element).toBeAccessible();
      form.shadowRoot
        .querySelector('lightning-radio-group')
        .dispatchEvent(new CustomEvent('change', { detail: { value: 'Red' } }));
      form.shadowRoot
        .querySelector('lightning-textarea')
        .dispatchEvent(new CustomEvent('change', { detail: { value: ' Renewal at risk ' } }));

      form.shadowRoot.querySelector('lightning-button.save').click();
      await flush();

      expect(setOverride).toHaveBeenCalledWith({
        accountId: ACCOUNT_SCORED.id,
        status: 'Red',
        reason: 'Renewal at risk',
        until: '2026-12-20'
      });
      expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: ACCOUNT_SCORED.id }]);
      expect($(element, 'c-health-override-form')).toBeNull();
    });

    it('sends no date (null, the default expiry) when the date is cleared, never an empty text', async () => {
      setOverride.mockResolvedValue(HEALTH_SCORED);
      const element = await render(ACCOUNT_SCORED, HEALTH_SCORED);
      $(element, 'lightning-button.set-override').click();
      await flush();
      const form = $(element, 'c-health-override-form');
      form.shadowRoot
        .querySelector('lightning-textarea')
        .dispatchEvent(new CustomEvent('change', { detail: { value: 'Renewal at risk' } }));
      form.shadowRoot
        .querySelector('lightning-input')
        .dispatchEvent(new CustomEvent('change', { detail: { value: '' } }));

      form.shadowRoot.querySelector('lightning-button.save').click();
      await flush();

      expect(setOverride).toHaveBeenCalledWith({
        accountId: ACCOUNT_SCORED.id,
        status: 'Yellow',
        reason: 'Renewal at risk',
        until: null
      });
    });

    it('does not save an override without a reason', async () => {
      const element = await render(ACCOUNT_SCORED, HEALTH_SCORED);
      $(element, 'lightning-button.set-override').click();
      await flush();
      const form = $(element, 'c-health-override-form');
      const reason = form.shadowRoot.querySelector('lightning-textarea');
      const validity = jest.spyOn(reason, 'setCustomValidity');

      form.shadowRoot.querySelector('lightning-button.save').click();
      await flush();

      expect(validity).toHaveBeenCalledWith('Give a reason for the override.');
      expect(setOverride).not.toHaveBeenCalled();
      expect($(element, 'c-health-override-form')).not.toBeNull();
    });

    it('clears an override and keeps a failed change visible beside the panel', async () => {
      clearOverride.mockRejectedValue({
        body: { message: 'insufficient access rights on object id' },
        ok: false,
        status: 400
      });
      const element = await render(ACCOUNT_OVERRIDE, HEALTH_SCORED);

      $(element, 'lightning-button.clear-override').click();
      await flush();

      expect(clearOverride).toHaveBeenCalledWith({ accountId: ACCOUNT_OVERRIDE.id });
      expect(visibleText(element)).toContain('insufficient access rights on object id');
      expect(gauge(element)).not.toBeNull();
      await expect(element).toBeAccessible();
    });
  });

  describe('error', () => {
    it('shows a readable error when the health cannot be loaded', async () => {
      getHealth.mockRejectedValue({
        body: { message: 'List has no rows for assignment to SObject' },
        ok: false,
        status: 500
      });
      const element = createElement('c-account-health-panel', { is: AccountHealthPanel });
      element.recordId = ACCOUNT_SCORED.id;
      document.body.appendChild(element);
      getRecord.emit(ACCOUNT_SCORED);
      await flush();

      const seen = visibleText(element);
      expect(seen).toContain('Customer health could not be loaded.');
      expect(seen).toContain('List has no rows for assignment to SObject');
      expect(gauge(element)).toBeNull();
      expectNoLeaks(element);
      await expect(element).toBeAccessible();
    });

    it('shows a readable error when the Account cannot be read', async () => {
      const element = await render(ACCOUNT_SCORED, HEALTH_SCORED);
      getRecord.error({ message: 'Record not found' });
      await flush();

      expect(visibleText(element)).toContain('Customer health could not be loaded.');
      expect(gauge(element)).toBeNull();
      await expect(element).toBeAccessible();
    });
  });
});
