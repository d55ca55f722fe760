// Jest global teardown: removes the run's own HOME (see jest.home.setup.js).
const { rmSync } = require('node:fs');

module.exports = async function removeHome() {
  if (process.env.BATON_TEST_HOME)
    rmSync(process.env.BATON_TEST_HOME, { recursive: true, force: true });
};
