/** A unique or primary-key violation, as SQLite (better-sqlite3) and PostgreSQL (pg) report it. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const code = (error as { code?: unknown }).code
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}

/** Socket failures of the connection to the database (Node's codes). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
])

/**
 * PostgreSQL SQLSTATEs that mean "the server cannot serve now", not "this query is wrong":
 * 57P01 admin_shutdown (a restart or failover ended the connection), 57P02 crash_shutdown,
 * 57P03 cannot_connect_now (starting up, shutting down, in recovery), 53300 too_many_connections,
 * and class 08, connection exceptions.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300'])

/** What pg and pg-pool say, without a code, when a connection ends or none can be had in time. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/, // 'Connection terminated', '… unexpectedly', '… due to connection timeout'
  /^timeout exceeded when trying to connect$/, // pg-pool: connectionTimeoutMillis passed waiting for a client
  /^Client has encountered a connection error and is not queryable$/,
  /^Query read timeout$/,
  /^timeout expired$/, // pg: the connection attempt's own timer
]

/**
 * Whether `error` says the database cannot be reached right now (down, restarting, unreachable,
 * every connection busy past the pool's timeout) rather than that something is wrong with the
 * request or the code. The error handler answers these 503 with Retry-After: the client may try
 * again, and nothing was written (a transaction that loses its connection is rolled back by
 * PostgreSQL). Looks through `cause` chains and the errors of an AggregateError (Node's connect
 * reports one per address it tried).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown }
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code)) return true
    if (/^08[0-9A-Z]{3}$/.test(code)) return true
  }
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true
  if (cause !== undefined && isDatabaseUnavailable(cause, depth + 1)) return true
  if (Array.isArray(errors) && errors.length > 0 && errors.every((each) => isDatabaseUnavailable(each, depth + 1))) return true
  return false
}
