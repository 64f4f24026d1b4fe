/**
 * Photos in the database itself (PHOTO_STORE=postgres), one bytea row per key in `photo_blobs`
 * (migration 0006): no second store to run, and a pg_dump carries the photos too. PostgreSQL only;
 * the configuration refuses it on SQLite.
 */
import { sql } from 'kysely'
import type { Db } from '../db/schema'
import { assertSafeKey, SAFE_KEY, type PhotoStorage } from './photo-storage'

/** The table migration 0006 creates; kept out of schema.ts, since only this store touches it. */
export interface PhotoBlobsTable {
  key: string
  data: Buffer
  created_at: string
}

export function createPostgresStorage(database: Db, now: () => Date = () => new Date()): PhotoStorage {
  const db = database.withTables<{ photo_blobs: PhotoBlobsTable }>()
  return {
    kind: 'postgres',
    async put(key, data) {
      assertSafeKey(key)
      await db
        .insertInto('photo_blobs')
        .values({ key, data, created_at: now().toISOString() })
        .onConflict((oc) => oc.column('key').doUpdateSet({ data, created_at: now().toISOString() }))
        .execute()
    },
    async get(key) {
      assertSafeKey(key)
      const row = await db.selectFrom('photo_blobs').select('data').where('key', '=', key).executeTakeFirst()
      return row === undefined ? null : Buffer.from(row.data)
    },
    async remove(key) {
      assertSafeKey(key)
      await db.deleteFrom('photo_blobs').where('key', '=', key).execute()
    },
    async *list() {
      // Pages by key, so a large table is never read into memory at once.
      let after = ''
      for (;;) {
        const rows = await db.selectFrom('photo_blobs').select('key').where('key', '>', after).orderBy('key').limit(500).execute()
        for (const row of rows) if (SAFE_KEY.test(row.key)) yield row.key
        const last = rows.at(-1)
        if (last === undefined || rows.length < 500) return
        after = last.key
      }
    },
    async check() {
      // Reaches the table, not only the server: a missing migration shows here.
      await sql`select 1 from photo_blobs limit 1`.execute(db)
    },
  }
}
