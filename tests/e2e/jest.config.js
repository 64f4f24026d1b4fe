/**
 * End-to-end: the real API server (started with tsx) serving the real H5 build, driven in Debian's
 * Chromium at a phone's size. Not one of the root Jest projects: it needs the H5 build and a
 * browser, so it runs on its own (`npm run test:e2e`), one file at a time.
 */
module.exports = {
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.e2e.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
  // Builds dist/h5 when a source file is newer than it (or always with E2E_REBUILD=1), and guards
  // the processes the tests start: Jest's sandbox cannot see a signal, its own process can.
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  maxWorkers: 1,
  // A browser journey takes seconds a step on two cores; a stuck one still ends.
  testTimeout: 180_000,
  slowTestThreshold: 60,
}
