import { join } from 'node:path';
import { readPermissionSets, UserAccess } from './permissions';

// Custom tab visibility from the project's permission sets, as a real org unions them.
const sets = new Map(readPermissionSets(join(__dirname, '..', '..')).map((s) => [s.name, s]));
const holding = (...names: string[]) =>
  new UserAccess(
    new Set(),
    names.map((name) => sets.get(name)!)
  );

describe('tab visibility', () => {
  it('it_should_show_the_portfolio_tab_to_the_cs_lead_and_the_admin_only', () => {
    expect(holding('Baton_CS_Lead').tabVisibility('Baton_Portfolio')).toBe('Visible');
    expect(holding('Baton_Admin').tabVisibility('baton_portfolio')).toBe('Visible');
    expect(holding('Baton_Seller').tabVisibility('Baton_Portfolio')).toBe('Hidden');
    expect(holding('Baton_Account_Manager').tabVisibility('Baton_Portfolio')).toBe('Hidden');
  });

  it('it_should_let_visible_in_one_permission_set_win_over_available_in_another', () => {
    const available = {
      ...sets.get('Baton_Seller')!,
      tabs: new Map([['baton_portfolio', 'Available' as const]])
    };
    expect(new UserAccess(new Set(), [available]).tabVisibility('Baton_Portfolio')).toBe(
      'Available'
    );
    expect(
      new UserAccess(new Set(), [available, sets.get('Baton_CS_Lead')!]).tabVisibility(
        'Baton_Portfolio'
      )
    ).toBe('Visible');
  });
});
