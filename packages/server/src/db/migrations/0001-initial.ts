/**
 * The initial schema. Only what both SQLite and PostgreSQL accept: text, integer, composite
 * primary keys, unique and partial indexes (a partial index is how "one open application per
 * person" holds even when two requests race).
 */
import { sql, type Kysely } from 'kysely'

// Migrations describe the schema at their moment in time, so they are untyped on purpose.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('platform_user_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('accounts_platform_user', ['platform', 'platform_user_id'])
    .execute()
  await db.schema.createIndex('accounts_person').on('accounts').column('person_id').execute()

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('id_hash', 'text', (c) => c.notNull().unique())
    .addColumn('id_cipher', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('card_cipher', 'text', (c) => c.notNull())
    // The masked forms are what every response shows: kept so reads need no decryption.
    .addColumn('id_masked', 'text', (c) => c.notNull())
    .addColumn('card_masked', 'text', (c) => c.notNull())
    .addColumn('card_issued', 'integer', (c) => c.notNull())
    .addColumn('financial_account_active', 'integer', (c) => c.notNull())
    .addColumn('pension_months', 'integer', (c) => c.notNull())
    .addColumn('verified_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('binding_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('binding_failures_account_at').on('binding_failures').columns(['account_id', 'at']).execute()

  await db.schema
    .createTable('applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('application_no', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('raw_json', 'text', (c) => c.notNull())
    .addColumn('form_errors_json', 'text')
    .addColumn('facts_json', 'text')
    .addColumn('details_json', 'text')
    .addColumn('eligibility_json', 'text')
    .addColumn('rejection_json', 'text')
    .addColumn('notice_batch_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .execute()
  await db.schema
    .createIndex('applications_one_open_per_person')
    .on('applications')
    .column('person_id')
    .unique()
    .where(sql.ref('status'), '<>', 'withdrawn')
    .execute()
  await db.schema.createIndex('applications_person').on('applications').columns(['person_id', 'created_at']).execute()
  await db.schema.createIndex('applications_status').on('applications').columns(['status', 'submitted_at']).execute()

  await db.schema
    .createTable('application_history')
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('application_history_pk', ['application_id', 'version'])
    .execute()

  await db.schema
    .createTable('photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('photos_one_per_kind', ['application_id', 'kind'])
    .execute()

  await db.schema
    .createTable('notice_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('holidays_known', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('amount_yuan', 'integer', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('paid_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('payments_application').on('payments').column('application_id').execute()

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('response_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['person_id', 'key'])
    .execute()

  await db.schema
    .createTable('application_sequences')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text')
    .addColumn('mobile', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('outbox_created').on('outbox').column('created_at').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'outbox',
    'application_sequences',
    'idempotency_keys',
    'payments',
    'notice_batches',
    'photos',
    'application_history',
    'applications',
    'binding_failures',
    'people',
    'sessions',
    'accounts',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
