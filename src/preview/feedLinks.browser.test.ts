import type { Browser } from 'playwright-core';
import { startTestOrg, type TestOrg } from '../testkit/testOrg';
import { launchBrowser, openPage } from './browser';
import { attachPreview, type AttachedPreview } from './start';

// A feed can hold links written before the org checked them (an older org's file, a data
// load): the preview renders a link only to http(s) or a record page, so a stored
// `javascript:` link shows as text and never runs in the admin's session.
jest.setTimeout(120_000);

let t: TestOrg;
let preview: AttachedPreview;
let browser: Browser;
let accountId: string;

const SCRIPT = 'javascript:fetch("/services/data/v62.0/sobjects/Account",{method:"POST"})';

async function post(segments: unknown[]): Promise<string> {
  const element = await t.conn.request<{ id: string }>({
    method: 'POST',
    url: '/services/data/v62.0/chatter/feed-elements',
    body: JSON.stringify({ subjectId: accountId, body: { messageSegments: segments } }),
    headers: { 'Content-Type': 'application/json' }
  });
  return element.id;
}

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestOrg(), launchBrowser()]);
  accountId = ((await t.conn.sobject('Account').create({ Name: 'Feed Link Oy' })) as { id: string })
    .id;
  await post([
    { type: 'Text', text: 'Safe: ' },
    { type: 'Link', url: 'https://example.com/notes' }
  ]);
  const stale = await post([{ type: 'Text', text: 'placeholder' }]);
  // As an unchecked write left it: straight into the org's file, past every API check.
  t.org.core.db.prepare('UPDATE FeedItem SET Segments__c = ? WHERE Id = ?').run(
    JSON.stringify([
      { type: 'Text', text: 'Stale: ' },
      { type: 'Link', text: 'click me', url: SCRIPT },
      { type: 'Link', text: ' spaced', url: ' javascript:alert(1)' },
      { type: 'Link', text: ' data', url: 'data:text/html,<script>alert(1)</script>' },
      { type: 'EntityLink', text: ' the account', record: { id: accountId } }
    ]),
    stale
  );
  preview = await attachPreview(t.org);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('preview feed links', () => {
  it('renders http(s) and record links, and every other stored link as text', async () => {
    const { page } = await openPage(browser, t.org.url);
    await page.goto(preview.loginUrl('admin'));
    await page.goto(`/lightning/r/Account/${accountId}/view`);
    const feed = page.locator('preview-chatter-feed');
    const stale = feed.locator('.slds-feed__item', { hasText: 'Stale:' });
    await stale.getByText('click me').waitFor();

    await feed.locator('a[href="https://example.com/notes"]').waitFor();
    await expect(stale.locator(`a[href="/lightning/r/${accountId}/view"]`).count()).resolves.toBe(
      1
    );
    const hrefs = await feed
      .locator('.body a[href]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.filter((href) => !/^(https:\/\/|\/lightning\/r\/)/.test(href ?? ''))).toEqual([]);
    for (const text of ['click me', 'spaced', 'data'])
      await expect(stale.locator('span', { hasText: text }).count()).resolves.toBe(1);
    await page.context().close();
  });
});
