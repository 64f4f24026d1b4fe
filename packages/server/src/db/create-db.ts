/**
 * The database by DATABASE_URL: unset → a SQLite file in DATA_DIR (created on first start);
 * postgres:// → PostgreSQL through a pool. Callers get the same Kysely<Database> either way.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, PostgresDialect, sql } from 'kysely'
import { Pool } from 'pg'
import type { ServerConfig } from '../config'
import { migrateToLatest } from './migrate'
import type { Database, Db } from './schema'
import { FairSqliteDialect, type IdleReader } from './sqlite-dialect'

export type DatabaseKind = 'sqlite' | 'postgres'

export interface OpenedDatabase {
  db: Db
  kind: DatabaseKind
}

export const SQLITE_FILE = 'zhihui.sqlite'

function openSqlite(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true })
  const file = new SqliteDatabase(join(dataDir, SQLITE_FILE))
  // WAL lets the review CLI read and write while the server runs; the busy timeout makes the
  // second writer wait for the first instead of failing at once.
  file.pragma('journal_mode = WAL')
  file.pragma('synchronous = NORMAL')
  file.pragma('busy_timeout = 5000')
  const dialect = new FairSqliteDialect(file)
  const db = new Kysely<Database>({ dialect })
  idleReaders.set(db, dialect.driver)
  return db
}

const idleReaders = new WeakMap<Db, IdleReader>()

/** SQLite's synchronous read path for this database, if it has one (see FairSqliteDialect). */
export const idleReaderOf = (db: Db): IdleReader | undefined => idleReaders.get(db)

async function openPostgres(url: string, schema: string | undefined): Promise<Db> {
  if (schema !== undefined) {
    const setup = new Pool({ connectionString: url, max: 1 })
    try {
      await setup.query(`create schema if not exists "${schema}"`)
    } catch (error) {
      // Two instances starting together: "if not exists" is not atomic in PostgreSQL, and the
      // loser of the race gets a unique violation (23505) or duplicate_schema (42P06) instead.
      const code = (error as { code?: string }).code
      if (code !== '23505' && code !== '42P06') throw error
    } finally {
      await setup.end()
    }
  }
  const pool = new Pool({
    connectionString: url,
    max: 10,
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
    // A database that accepts no connection fails the request instead of holding it.
    connectionTimeoutMillis: 5_000,
  })
  // A connection dropped by the server (a restart, a failover, a network cut) emits 'error': the
  // pool re-emits it for idle connections, and a checked-out one emits it on the client itself,
  // even between the queries of a request. Unheard, either would end the process. The query under
  // way fails on its own (the request answers 500), and the pool discards the broken connection.
  pool.on('error', () => undefined)
  pool.on('connect', (client) => client.on('error', () => undefined))
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}

/**
 * `migrate: false` (scripts/backup.mjs, restore.mjs) opens the database as it is: a tool that reads
 * or fills a database must not change its schema behind the servers' backs.
 */
export async function openDatabase(
  config: Pick<ServerConfig, 'dataDir' | 'databaseUrl' | 'databaseSchema'>,
  options: { migrate?: boolean } = {},
): Promise<OpenedDatabase> {
  const kind: DatabaseKind = config.databaseUrl === undefined ? 'sqlite' : 'postgres'
  const db =
    config.databaseUrl === undefined ? openSqlite(config.dataDir) : await openPostgres(config.databaseUrl, config.databaseSchema)
  if (options.migrate === false) return { db, kind }
  try {
    const migrate = () => migrateToLatest(db as unknown as Kysely<unknown>, kind === 'postgres' ? (config.databaseSchema ?? 'public') : undefined)
    // PostgreSQL: Kysely's migrator takes an advisory lock. SQLite: it takes none (it assumes one
    // connection), so two processes starting together on a new file (two instances, the server
    // and the review CLI) would both run 0001 and one would fail; a lock file serialises them.
    await (kind === 'sqlite' ? whileHoldingFile(join(config.dataDir, `${SQLITE_FILE}.migrating`), migrate) : migrate())
  } catch (error) {
    await db.destroy()
    throw error
  }
  return { db, kind }
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Runs `work` while this process holds `path` (created exclusively); waits for another holder, ignoring one older than STALE_MS. */
async function whileHoldingFile<T>(path: string, work: () => Promise<T>): Promise<T> {
  const STALE_MS = 120_000
  const deadline = Date.now() + STALE_MS + 10_000
  for (;;) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' })
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || Date.now() > deadline) throw error
      try {
        // A holder that died (kill -9 mid-migration) leaves the file: taken over at once when its
        // process is gone (SQLite is on this machine), after STALE_MS in any case.
        if (Date.now() - statSync(path).mtimeMs > STALE_MS || !processAlive(Number(readFileSync(path, 'utf8')))) rmSync(path, { force: true })
      } catch {
        // gone meanwhile: try again
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  try {
    return await work()
  } finally {
    rmSync(path, { force: true })
  }
}

export async function databaseReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db)
    return true
  } catch {
    return false
  }
}
