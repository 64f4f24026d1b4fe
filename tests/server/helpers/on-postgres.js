// Setup file of the 'server:postgres' Jest project (root jest.config.js): the same suite, on PostgreSQL.
process.env.SERVER_TEST_DB = 'postgres'
