/**
 * Photo bytes in the database, for PHOTO_STORE=postgres (storage/postgres-storage.ts). Created on
 * SQLite too, where it stays empty (the configuration refuses that store there), so both databases
 * keep one list of migrations.
 */
import { sql, type Kysely } from 'kysely'

async function isPostgres(db: Kysely<unknown>): Promise<boolean> {
  try {
    await sql`select version()`.execute(db)
    return true
  } catch {
    return false
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = await isPostgres(db)
  await db.schema
    .createTable('photo_blobs')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('data', postgres ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  // JPEG and PNG are compressed already: TOAST should store them out of line as they are.
  if (postgres) await sql`alter table photo_blobs alter column data set storage external`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('photo_blobs').execute()
}
