/**
 * Page and hook tests of the mini-program: jsdom, @swc/jest, Taro's components replaced by small
 * DOM stand-ins and @tarojs/taro by jest mocks (toolchain.md: the least friction under Jest 30).
 */
const path = require('node:path')

const repo = path.resolve(__dirname, '../..')

module.exports = {
  displayName: 'app',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
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
    '^@/(.*)$': `${repo}/src/$1`,
    '^@tarojs/components$': '<rootDir>/support/taro-components.tsx',
    '^@tarojs/taro$': '<rootDir>/support/taro-mock.ts',
    '^@zhihui/core$': `${repo}/packages/core/src/index.ts`,
    '\\.(scss|css)$': '<rootDir>/support/style-stub.js',
  },
  setupFilesAfterEnv: ['<rootDir>/support/setup.ts'],
  clearMocks: true,
}
