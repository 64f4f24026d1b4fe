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

class CachedStatementConnection implements DatabaseConnection {
  private readonly statements = new Map<string, BetterSqlite3.Statement>()

  constructor(private readonly db: BetterSqlite3.Database) {}

  private statement(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql)
    if (statement === undefined) {
      statement = this.db.prepare(sql)
      // The code's SQL texts are a small fixed set; the cap only guards against a mistake.
      if (this.statements.size < 1000) this.statements.set(sql, statement)
    }
    return statement
  }

  /** Runs a read now, synchronously: only for callers that hold the lock or saw it free. */
  readNow<R>(sql: string, parameters: readonly unknown[]): R[] {
    return this.statement(sql).all(parameters as unknown[]) as R[]
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.statement(compiled.sql)
    const parameters = compiled.parameters as unknown[]
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
   * A read that skips Kysely's asynchronous path when no query or transaction is under way:
   * better-sqlite3 answers synchronously, and with the lock free nothing uncommitted can be
   * seen. Under 50 concurrent requests the asynchronous path cost several times the statement.
   * undefined means "busy": the caller takes the ordinary path.
   */
  readIfIdle<R>(sql: string, parameters: readonly unknown[]): R[] | undefined {
    return this.lock.held ? undefined : this.connection.readNow<R>(sql, parameters)
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

export type IdleReader = Pick<FairSqliteDriver, 'readIfIdle'>

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
