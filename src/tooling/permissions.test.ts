import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from './problem';
import { REPO_ROOT } from './testCopy';
import { asArray, child, parseXml, text } from './xmlCheck';

const DEFAULT = join(REPO_ROOT, 'force-app', 'main', 'default');
const PERMISSION_SETS = ['Baton_Seller', 'Baton_Account_Manager', 'Baton_CS_Lead', 'Baton_Admin'];
/** The portfolio is the CS lead's (and the admin's) view of the whole book, not the panels'. */
const LEAD_ONLY = new Set(['PortfolioController']);
const LEAD_ROLES = new Set(['Baton_CS_Lead', 'Baton_Admin']);
/** Whether the score predicts churn is the admin's question (the Score Backtest tab). */
const ADMIN_ONLY = new Set(['HealthBacktestController']);

describe('Baton permission sets', () => {
  it('it_should_grant_every_apex_class_the_components_call_to_every_role', () => {
    // Without class access a user's panel fails with "You do not have access to the Apex class".
    const called = new Set(
      listFiles(join(DEFAULT, 'lwc'))
        .filter((file) => file.endsWith('.js') && !file.includes('/__tests__/'))
        .flatMap((file) =>
          [...readFileSync(file, 'utf8').matchAll(/@salesforce\/apex\/(\w+)\./g)].map((m) => m[1])
        )
    );
    const missing = PERMISSION_SETS.flatMap((name) => {
      const root = child(
        parseXml(join(DEFAULT, 'permissionsets', `${name}.permissionset-meta.xml`)),
        'PermissionSet'
      );
      const granted = new Set(
        asArray(root.classAccesses)
          .filter((grant) => text(grant, 'enabled') === 'true')
          .map((grant) => text(grant, 'apexClass'))
      );
      return [...called]
        .filter((className) => !LEAD_ONLY.has(className) || LEAD_ROLES.has(name))
        .filter((className) => !ADMIN_ONLY.has(className) || name === 'Baton_Admin')
        .filter((className) => !granted.has(className))
        .map((c) => `${name}: ${c}`);
    });
    expect(called.size).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});
