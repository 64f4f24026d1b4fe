/** Core is pure TypeScript: swc transpiles it, node runs it. */
module.exports = {
  displayName: 'core',
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  transform: { '^.+\\.(t|j)sx?$': '@swc/jest' },
}
