import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAppTabs } from './appTabs';

const PROJECT_DIR = join(__dirname, '..', '..');

describe('the Baton app’s tabs from force-app', () => {
  it('it_should_list_the_shipped_tabs_in_the_apps_order_with_labels_pages_and_grants', () => {
    const tabs = readAppTabs(PROJECT_DIR);
    expect(tabs.map((tab) => tab.name)).toEqual([
      'Baton_Portfolio',
      'standard-Account',
      'standard-report',
      'standard-Dashboard',
      'Baton_Health_Backtest'
    ]);
    expect(tabs[1]).toEqual({ kind: 'standard', name: 'standard-Account', object: 'Account' });
    expect(tabs.find((tab) => tab.name === 'Baton_Health_Backtest')).toEqual({
      kind: 'custom',
      name: 'Baton_Health_Backtest',
      label: 'Score Backtest',
      translations: { fi: 'Pisteiden takautuva testi' },
      flexiPage: 'Baton_Health_Backtest',
      grantedBy: ['Baton Admin']
    });
    expect(tabs[0]).toMatchObject({
      label: 'Portfolio',
      translations: { fi: 'Asiakassalkku' },
      grantedBy: ['Baton CS Lead', 'Baton Admin']
    });
  });

  it('it_should_leave_out_a_tab_the_project_has_no_file_for_and_read_another_app', () => {
    const dir = mkdtempSync(join(tmpdir(), 'app-tabs-'));
    const base = join(dir, 'force-app/main/default');
    for (const folder of ['applications', 'tabs'])
      mkdirSync(join(base, folder), { recursive: true });
    const ns = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
    writeFileSync(
      join(base, 'applications/Other.app-meta.xml'),
      `<CustomApplication ${ns}><tabs>Only_Tab</tabs><tabs>Not_Here</tabs></CustomApplication>`
    );
    writeFileSync(
      join(base, 'tabs/Only_Tab.tab-meta.xml'),
      `<CustomTab ${ns}><label>Only</label><url>https://example.com</url></CustomTab>`
    );
    expect(readAppTabs(dir, 'Other')).toEqual([
      { kind: 'custom', name: 'Only_Tab', label: 'Only', translations: {}, grantedBy: [] }
    ]);
    expect(readAppTabs(dir)).toEqual([]);
  });
});
