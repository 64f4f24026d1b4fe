/**
 * One Jest run for the whole repository; each part keeps its own project config.
 * Coverage is collected for packages/core only: it is the part whose exactness everything
 * else relies on, and the issue asks for ≥ 95 % of its lines.
 */
const fs = require('node:fs')
const path = require('node:path')

const candidates = ['packages/core', 'tests/server', 'tests/app']
module.exports = {
  projects: candidates
    .filter((dir) => fs.existsSync(path.join(__dirname, dir, 'jest.config.js')))
    .map((dir) => `<rootDir>/${dir}`),
  collectCoverageFrom: ['packages/core/src/**/*.ts', '!packages/core/src/**/*.test.ts', '!packages/core/src/**/test-support.ts'],
  coverageReporters: ['text-summary', 'text'],
  coverageThreshold: { './packages/core/src/': { lines: 95 } },
}
