/**
 * The staff console's tests (packages/console): jsdom, @swc/jest. Ant Design, rc-component and
 * the router ship CommonJS builds that Jest loads as they are; only their stylesheets are stubbed.
 */
const path = require('node:path')

const repo = path.resolve(__dirname, '../..')

module.exports = {
  displayName: 'console',
  rootDir: __dirname,
  testEnvironment: '<rootDir>/support/jsdom-env.js',
  // jsdom's default 'browser' condition would pick ESM builds (react-router, @ant-design/icons).
  testEnvironmentOptions: { customExportConditions: ['require', 'default'] },
  testMatch: ['<rootDir>/**/*.test.ts?(x)'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2020',
        },
      },
    ],
  },
  moduleNameMapper: {
    '^@zhihui/core$': `${repo}/packages/core/src/index.ts`,
    // @ant-design/icons' CommonJS build requires an ES module of @ant-design/colors; use its CommonJS twin.
    '^@ant-design/colors/es/(.*)$': '@ant-design/colors/lib/$1',
    '\\.(css|scss)$': '<rootDir>/support/style-stub.js',
  },
  setupFiles: ['<rootDir>/support/polyfills.ts'],
  setupFilesAfterEnv: ['<rootDir>/support/setup.ts'],
  clearMocks: true,
}
