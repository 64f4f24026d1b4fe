/**
 * Outbound messages as jobs (jobs/): each row is written in the transaction of the change it
 * announces and delivered by the worker; the unique idempotency key keeps a repeated change from
 * queuing a second message. And the applicants' answers to the mini-programs' subscription
 * requests, which decide whether a WeChat / Alipay message goes out beside the SMS.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outbound_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient_cipher', 'text', (c) => c.notNull())
    .addColumn('recipient_masked', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('params_json', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('page', 'text')
    .addColumn('application_id', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('provider', 'text')
    .addColumn('provider_message_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute()
  // The worker's question ("what is due?") and the console's ("what failed?"), both by index.
  await db.schema.createIndex('outbound_messages_due').on('outbound_messages').columns(['status', 'next_attempt_at']).execute()
  await db.schema.createIndex('outbound_messages_application').on('outbound_messages').column('application_id').execute()

  await db.schema
    .createTable('message_subscriptions')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('accepted', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_subscriptions_pk', ['account_id', 'template'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('message_subscriptions').execute()
  await db.schema.dropTable('outbound_messages').execute()
}
