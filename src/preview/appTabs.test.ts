import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OrgUser } from '../localorg/host';
import { SignIn } from '../localorg/signIn';
import { PROJECT_DIR, previewTabs } from './build';
import { appTabsModule } from './flexipage';
import { previewHandler } from './server';

// The preview's tabs follow the Baton app's metadata: the bundle's pages and the session's
// visibility both come from Baton.app-meta.xml, its CustomTabs and their FlexiPages.

describe('the preview’s app tabs', () => {
  it('lays out each custom tab from its FlexiPage, in the app’s order', () => {
    const tabs = previewTabs(PROJECT_DIR);
    expect(tabs.map((tab) => tab.name)).toEqual([
      'Baton_Portfolio',
      'standard-Account',
      'standard-report',
      'standard-Dashboard',
      'Baton_Health_Backtest'
    ]);
    expect(tabs[4]).toEqual({
      kind: 'custom',
      name: 'Baton_Health_Backtest',
      label: { en: 'Score Backtest', fi: 'Pisteiden takautuva testi' },
      grantedBy: ['Baton Admin'],
      regions: { main: ['healthBacktestCard'] }
    });
  });

  it('imports each page’s components once and lists those the tree lacks per tab', () => {
    const source = appTabsModule(
      [
        { kind: 'standard', name: 'standard-Account', object: 'Account' },
        {
          kind: 'custom',
          name: 'A',
          label: { en: 'A' },
          grantedBy: [],
          regions: { main: ['card', 'gone'] }
        },
        {
          kind: 'custom',
          name: 'B',
          label: { en: 'B' },
          grantedBy: [],
          regions: { main: ['card'] }
        }
      ],
      new Set(['card'])
    );
    expect(source.match(/import C\d+ from/g)).toEqual(['import C0 from']);
    expect(source).toContain(
      `"missing":["gone"]}, regions: { "main": [{ name: "card", ctor: C0 }] }`
    );
    expect(source).toContain(`"missing":[]}, regions: { "main": [{ name: "card", ctor: C0 }] }`);
    expect(source).toContain('{"kind":"standard","name":"standard-Account","object":"Account"}');
  });
});

describe('the session’s tab visibility', () => {
  const user: OrgUser = {
    id: '005L',
    username: 'l@x',
    name: 'Lea Lead',
    persona: 'lead',
    token: 't'
  };
  const ns = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

  async function sessionTabs(projectDir: string, hidden: string[]) {
    const handler = previewHandler({
      projectDir,
      buildDir: () => tmpdir(),
      buildHash: () => projectDir,
      personas: () => [],
      signIn: new SignIn([user]),
      tabVisibility: (_user, tab) => (hidden.includes(tab) ? 'Hidden' : 'Visible')
    });
    let html = '';
    const res = {
      writeHead: () => res,
      end: (body: string) => (html = body)
    };
    await handler(
      { url: '/lightning/o/Account/list', method: 'GET', headers: { cookie: 'sid=t' } } as never,
      res as never
    );
    return JSON.parse(/__BATON_SESSION__ = (.*);<\/script>/.exec(html)![1]).tabs;
  }

  it('carries every custom tab of the app, as the user’s permission sets make it', async () => {
    await expect(sessionTabs(PROJECT_DIR, ['Baton_Health_Backtest'])).resolves.toEqual({
      Baton_Portfolio: 'Visible',
      Baton_Health_Backtest: 'Hidden'
    });
  });

  it('follows a tab added to the app’s metadata, with no list of tabs in the preview', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'preview-tabs-'));
    const base = join(dir, 'force-app/main/default');
    for (const folder of ['applications', 'tabs'])
      mkdirSync(join(base, folder), { recursive: true });
    writeFileSync(
      join(base, 'applications/Baton.app-meta.xml'),
      `<CustomApplication ${ns}><tabs>standard-Account</tabs><tabs>New_Tab</tabs></CustomApplication>`
    );
    writeFileSync(
      join(base, 'tabs/New_Tab.tab-meta.xml'),
      `<CustomTab ${ns}><label>New</label><flexiPage>New_Page</flexiPage></CustomTab>`
    );
    await expect(sessionTabs(dir, [])).resolves.toEqual({ New_Tab: 'Visible' });
  });
});
