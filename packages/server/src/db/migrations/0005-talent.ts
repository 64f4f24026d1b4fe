/**
 * High-level talent services (design.md): certified talents as the talent registry confirmed them
 * (ID number encrypted and found by its keyed hash, as people are), the mini-program accounts that
 * verified as them, service requests with their history, the Idempotency-Key of each one-tap
 * request, failed verifications (for the attempt limit), and the bureaus' news (信息联动).
 *
 * Dates the rules compare (`filed_on`, `confirm_due`, `follow_up_due`) are 'YYYY-MM-DD' China days
 * fixed when the row is written, so "overdue" is one indexed comparison with today.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('talents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('id_hash', 'text', (c) => c.notNull().unique())
    .addColumn('id_cipher', 'text', (c) => c.notNull())
    .addColumn('id_masked', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('certificate_masked', 'text', (c) => c.notNull())
    .addColumn('mobile', 'text')
    // Where the registry keeps a portrait (a file), and the Latin initials of a generated one.
    .addColumn('photo_ref', 'text')
    .addColumn('initials', 'text')
    .addColumn('verified_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('talent_accounts')
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('talent_id', 'text', (c) => c.notNull())
    .addColumn('verified_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('talent_accounts_talent').on('talent_accounts').column('talent_id').execute()

  await db.schema
    .createTable('talent_verification_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('talent_verification_failures_account_at')
    .on('talent_verification_failures')
    .columns(['account_id', 'at'])
    .execute()

  await db.schema
    .createTable('talent_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('talent_id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('bureau', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('confirm_due', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('confirmed_by', 'text')
    .addColumn('confirmed_by_name', 'text')
    .addColumn('arranged_at', 'text')
    .addColumn('arrange_when', 'text')
    .addColumn('arrange_where', 'text')
    .addColumn('arrange_who', 'text')
    .addColumn('arrange_phone', 'text')
    .addColumn('done_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('rating_level', 'integer')
    .addColumn('rating_comment', 'text')
    .addColumn('complaint', 'text')
    .addColumn('follow_up_due', 'text')
    .addColumn('follow_up_answer', 'text')
    .addColumn('follow_up_answered_at', 'text')
    .addColumn('follow_up_answered_by', 'text')
    .execute()
  await db.schema.createIndex('talent_requests_talent').on('talent_requests').columns(['talent_id', 'created_at']).execute()
  await db.schema.createIndex('talent_requests_bureau').on('talent_requests').columns(['bureau', 'created_at']).execute()
  await db.schema.createIndex('talent_requests_filed').on('talent_requests').columns(['filed_on', 'bureau']).execute()
  await db.schema.createIndex('talent_requests_status').on('talent_requests').columns(['status', 'confirm_due']).execute()
  await db.schema.createIndex('talent_requests_follow_up').on('talent_requests').columns(['follow_up_due', 'follow_up_answered_at']).execute()

  await db.schema
    .createTable('talent_request_history')
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('talent_request_history_pk', ['request_id', 'version'])
    .execute()

  await db.schema
    .createTable('talent_idempotency_keys')
    .addColumn('talent_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('response_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('talent_idempotency_keys_pk', ['talent_id', 'key'])
    .execute()

  await db.schema
    .createTable('news')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('bureau', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('news_published').on('news').column('published_at').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'news',
    'talent_idempotency_keys',
    'talent_request_history',
    'talent_requests',
    'talent_verification_failures',
    'talent_accounts',
    'talents',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
