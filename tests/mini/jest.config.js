/**
 * Tests of the compiled mini-program outputs (dist/weapp, dist/alipay). Not part of the root
 * Jest run: they need the builds first (`npm run test:mini` builds, then runs these).
 */
const path = require('node:path')

module.exports = {
  displayName: 'mini',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2020' } }],
  },
  // The compiled outputs are run as they are, like the platforms run them.
  transformIgnorePatterns: ['/node_modules/', `${path.resolve(__dirname, '../../dist')}/`],
  testTimeout: 30_000,
}
