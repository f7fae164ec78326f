// Two projects: `unit` (everything but the browser) and `browser` (the playground in Chromium, after a
// development build of it: see scripts/webBuild.js). `npm test` runs both; `npm run test:fast` only
// `unit` (`jest --selectProjects unit`).
const os = require('os');

const shared = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
};

/** @type {import('jest').Config} */
module.exports = {
  // At least two workers, even on two cores: the browser suite's worker mostly waits on Chromium, and
  // the other suites run beside it meanwhile (jest's default there would be one).
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  // fast-check property runs and the sample workbooks make a few tests slower than jest's 5 s default.
  // (A run-wide option: jest ignores it inside a project.)
  testTimeout: 30000,
  projects: [
    { ...shared, displayName: 'unit', roots: ['<rootDir>/test'], testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'] },
    { ...shared, displayName: 'browser', roots: ['<rootDir>/test/browser'], globalSetup: '<rootDir>/test/browser/globalSetup.js' },
  ],
};
