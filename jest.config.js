// Two projects in one run: the Lightning components through sfdx-lwc-jest, and the
// TypeScript core/services/local org through ts-jest. Type errors are caught by `npm run
// typecheck` (tsc), so ts-jest only transpiles (tsconfig's isolatedModules), which keeps the
// suite fast on 2 cores.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  passWithNoTests: true,
  globalSetup: '<rootDir>/jest.home.setup.js',
  globalTeardown: '<rootDir>/jest.home.teardown.js',
  projects: [
    {
      ...jestConfig,
      displayName: 'lwc',
      testMatch: ['<rootDir>/force-app/**/__tests__/**/*.test.js'],
      setupFilesAfterEnv: ['<rootDir>/jest.sa11y.setup.js']
    },
    {
      displayName: 'ts',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/src/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/jest.exitCode.setup.js'],
      // What the preview build writes into src/preview/platform/http.ts.
      globals: { BATON_API_VERSION: require('./sfdx-project.json').sourceApiVersion },
      // What the preview build serves as virtual modules (src/preview/platformPlugin.ts).
      moduleNameMapper: {
        '^baton:(labels|picklists)$': '<rootDir>/src/testkit/previewModules/$1.ts'
      },
      transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] }
    }
  ]
};
