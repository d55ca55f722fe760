// Jest global setup: the whole test run gets its own HOME, set before the workers start so they
// inherit it (a test file cannot change it: Jest gives each file a copy of process.env, while
// os.homedir() reads the real one). @salesforce/core reads and writes ~/.sf and ~/.sfdx
// (aliases, auth files) and a developer's own must stay out of the tests. The alias file is
// created up front because @salesforce/core's "create it when missing" branch checks
// `error instanceof Error`, which fails for Node's fs errors inside Jest's sandbox: on a
// machine that never ran the sf CLI, the first alias read would throw ENOENT.
const { mkdirSync, mkdtempSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = async function isolateHome() {
  const home = mkdtempSync(join(tmpdir(), 'baton-test-home-'));
  mkdirSync(join(home, '.sfdx'), { recursive: true });
  mkdirSync(join(home, '.sf'), { recursive: true });
  writeFileSync(join(home, '.sfdx', 'alias.json'), JSON.stringify({ orgs: {} }));
  process.env.HOME = home;
  process.env.BATON_TEST_HOME = home;
};
