/**
 * Kysely's SQLite dialect with a driver fit for a busy server. Kysely's own driver guards the
 * single connection with a mutex that wakes every waiter on each release (under 50 concurrent
 * requests, each query woke 50 promises) and prepares every statement afresh. This one queues
 * waiters first-in first-out and keeps prepared statements by SQL text. better-sqlite3 runs each
 * statement synchronously; the lock only keeps a transaction's statements together.
 */
import type BetterSqlite3 from 'better-sqlite3'
import {
  CompiledQuery,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely'
import { LruCache } from '../services/lru-cache'

/** readRowIfIdle's answer when a query or transaction is under way. */
export const BUSY: unique symbol = Symbol('busy')

class FifoLock {
  held = false
  private readonly waiting: (() => void)[] = []

  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true
      return Promise.resolve()
    }
    return new Promise((resolve) => this.waiting.push(resolve))
  }

  release(): void {
    const next = this.waiting.shift()
    if (next === undefined) this.held = false
    else next()
  }
}

interface KeptRow {
  dataVersion: number
  writes: number
  row: Readonly<Record<string, unknown>> | undefined
}

/** One key per statement and parameters; undefined (not kept) unless every parameter is a string or number. */
function cacheKey(sql: string, parameters: readonly unknown[]): string | undefined {
  let key = sql
  for (const value of parameters) {
    if (typeof value !== 'string' && typeof value !== 'number') return undefined
    key += `\u0000${typeof value === 'number' ? 'n' : 's'}${value}`
  }
  return key
}

class CachedStatementConnection implements DatabaseConnection {
  private readonly statements = new Map<string, BetterSqlite3.Statement>()

  constructor(private readonly db: BetterSqlite3.Database) {
    this.dataVersion = db.prepare('pragma data_version').pluck(true)
  }

  private statement(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql)
    if (statement === undefined) {
      statement = this.db.prepare(sql)
      // The code's SQL texts are a small fixed set; the cap only guards against a mistake.
      if (this.statements.size < 1000) this.statements.set(sql, statement)
    }
    return statement
  }

  private readonly rowReaders = new Map<string, { statement: BetterSqlite3.Statement; columns: string[] }>()
  /** Statements this connection ran that may have written (see readRowNow). */
  private writes = 0
  private readonly dataVersion: BetterSqlite3.Statement
  private readonly keptRows = new LruCache<string, KeptRow>(10_000)

  /**
   * Runs a read now, synchronously, for its first row: only for callers that hold the lock or saw
   * it free. The row comes from SQLite as an array and is named here: better-sqlite3 builds row
   * objects through V8's C++ API, looking up every column name, which on the hot path cost more
   * than stepping the statement.
   *
   * Rows read this way are kept until the database changes, which is known exactly: this
   * connection counts its own writes, and SQLite's data_version changes when any other connection
   * (the review CLI, another server process) commits. Checking both costs about half a table read,
   * and a progress poll (GET /application) otherwise reads the same row every time.
   */
  readRowNow<R>(sql: string, parameters: readonly unknown[]): R | undefined {
    const key = cacheKey(sql, parameters)
    const dataVersion = key === undefined ? 0 : (this.dataVersion.get() as number)
    if (key !== undefined) {
      const kept = this.keptRows.get(key)
      if (kept !== undefined && kept.dataVersion === dataVersion && kept.writes === this.writes) return kept.row as R | undefined
    }
    let reader = this.rowReaders.get(sql)
    if (reader === undefined) {
      const statement = this.db.prepare(sql).raw(true)
      reader = { statement, columns: statement.columns().map((column) => column.name) }
      if (this.rowReaders.size < 1000) this.rowReaders.set(sql, reader)
    }
    const values = reader.statement.get(parameters as unknown[]) as unknown[] | undefined
    let row: Readonly<Record<string, unknown>> | undefined
    if (values !== undefined) {
      const { columns } = reader
      const named: Record<string, unknown> = {}
      for (let i = 0; i < columns.length; i++) named[columns[i] as string] = values[i]
      // Shared by every caller until the next change: nobody may alter it.
      row = Object.freeze(named)
    }
    if (key !== undefined) this.keptRows.set(key, { dataVersion, writes: this.writes, row })
    return row as R | undefined
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.statement(compiled.sql)
    const parameters = compiled.parameters as unknown[]
    // Before running: a statement that fails half-way may still have changed something.
    // `readonly`, not `reader`: an INSERT ... RETURNING is a reader that writes.
    if (!statement.readonly) this.writes++
    if (statement.reader) return { rows: statement.all(parameters) as R[] }
    const { changes, lastInsertRowid } = statement.run(parameters)
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] }
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not used by this server')
  }
}

class FairSqliteDriver implements Driver {
  private readonly lock = new FifoLock()
  private readonly connection: CachedStatementConnection

  /**
   * A one-row read that skips Kysely's asynchronous path when no query or transaction is under
   * way: better-sqlite3 answers synchronously, and with the lock free nothing uncommitted can be
   * seen. Under 50 concurrent requests the asynchronous path cost several times the statement.
   * BUSY means the caller takes the ordinary path; undefined, that there is no row.
   */
  readRowIfIdle<R>(sql: string, parameters: readonly unknown[]): R | undefined | typeof BUSY {
    return this.lock.held ? BUSY : this.connection.readRowNow<R>(sql, parameters)
  }

  constructor(private readonly db: BetterSqlite3.Database) {
    this.connection = new CachedStatementConnection(db)
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.lock.acquire()
    return this.connection
  }

  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    // IMMEDIATE takes the write lock at once, so a transaction never fails half-way because the
    // review CLI (another process) started writing first; busy_timeout makes it wait instead.
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'))
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'))
  }

  async releaseConnection(): Promise<void> {
    this.lock.release()
  }

  async destroy(): Promise<void> {
    this.db.close()
  }
}

export type IdleReader = Pick<FairSqliteDriver, 'readRowIfIdle'>

export class FairSqliteDialect extends SqliteDialect {
  readonly driver: FairSqliteDriver

  constructor(file: BetterSqlite3.Database) {
    super({ database: file })
    this.driver = new FairSqliteDriver(file)
  }

  override createDriver(): Driver {
    return this.driver
  }
}
