/**
 * The database by DATABASE_URL: unset → a SQLite file in DATA_DIR (created on first start);
 * postgres:// → PostgreSQL through a pool. Callers get the same Kysely<Database> either way.
 */
import { mkdirSync } from 'node:fs'
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
    } finally {
      await setup.end()
    }
  }
  const pool = new Pool({
    connectionString: url,
    max: 10,
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
  })
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}

export async function openDatabase(config: Pick<ServerConfig, 'dataDir' | 'databaseUrl' | 'databaseSchema'>): Promise<OpenedDatabase> {
  const kind: DatabaseKind = config.databaseUrl === undefined ? 'sqlite' : 'postgres'
  const db =
    config.databaseUrl === undefined ? openSqlite(config.dataDir) : await openPostgres(config.databaseUrl, config.databaseSchema)
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>, kind === 'postgres' ? (config.databaseSchema ?? 'public') : undefined)
  } catch (error) {
    await db.destroy()
    throw error
  }
  return { db, kind }
}

export async function databaseReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db)
    return true
  } catch {
    return false
  }
}
