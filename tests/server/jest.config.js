/** Server tests: the Fastify app through app.inject, on SQLite; root jest.config.js adds a PostgreSQL run when TEST_DATABASE_URL is set. */
module.exports = {
  displayName: 'server',
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': '@swc/jest' },
  // light-my-request (app.inject) depends on cookie 1.x, and otplib on @scure/@noble, which ship only ES modules.
  transformIgnorePatterns: ['/node_modules/(?!(.*/)?(cookie|@scure|@noble)/)'],
  testTimeout: 20000,
}
