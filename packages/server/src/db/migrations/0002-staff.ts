/**
 * The back office: staff accounts and their sessions, sign-in failures (for the lockout), the
 * append-only audit log, and the columns the staff queue filters on (channel, district,
 * education, applicant name), copied out of the JSON so a queue of 100,000 applications can be
 * filtered and paged by index.
 */
import { sql, type Kysely } from 'kysely'

/** Both databases refuse UPDATE and DELETE on the audit log: not even a bug can rewrite it. */
async function makeAuditAppendOnly(db: Kysely<unknown>, postgres: boolean): Promise<void> {
  if (postgres) {
    await sql`create or replace function audit_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end $$`.execute(db)
    await sql`create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db)
  } else {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db)
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db)
  }
}

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
    .createTable('staff_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('roles_json', 'text', (c) => c.notNull())
    .addColumn('district', 'text')
    .addColumn('bureau', 'text')
    // Encrypted with the field cipher, like ID numbers: a copied database gives no second factors.
    .addColumn('totp_cipher', 'text')
    .addColumn('totp_pending_cipher', 'text')
    .addColumn('must_change_password', 'integer', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull())
    .addColumn('last_sign_in_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('staff_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('staff_sessions_staff').on('staff_sessions').column('staff_id').execute()

  await db.schema
    .createTable('staff_sign_in_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('staff_sign_in_failures_name_at').on('staff_sign_in_failures').columns(['username', 'at']).execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text')
    // The bureau the actor works for: a bureau account reads the rows of its own staff.
    .addColumn('actor_bureau', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('detail_json', 'text')
    .addColumn('ip', 'text')
    .execute()
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute()
  await db.schema.createIndex('audit_log_actor_at').on('audit_log').columns(['actor', 'at']).execute()
  await db.schema.createIndex('audit_log_action_at').on('audit_log').columns(['action', 'at']).execute()
  await makeAuditAppendOnly(db, postgres)

  await db.schema.alterTable('applications').addColumn('channel', 'text', (c) => c.notNull().defaultTo('online')).execute()
  await db.schema.alterTable('applications').addColumn('district', 'text').execute()
  await db.schema.alterTable('applications').addColumn('education', 'text').execute()
  await db.schema.alterTable('applications').addColumn('applicant_name', 'text').execute()
  // Window intake: who filed it and at which district's window (null for online applications).
  await db.schema.alterTable('applications').addColumn('filed_by', 'text').execute()
  await db.schema.alterTable('applications').addColumn('window_district', 'text').execute()

  // Existing rows: copy the queue columns out of what they already hold.
  const rows = await sql<{ id: string; facts_json: string | null; name: string | null }>`
    select a.id, a.facts_json, p.name from applications a left join people p on p.id = a.person_id`.execute(db)
  for (const row of rows.rows) {
    const facts = row.facts_json === null ? null : (JSON.parse(row.facts_json) as { education?: string; hukou?: { district?: string } })
    await sql`update applications set district = ${facts?.hukou?.district ?? null}, education = ${facts?.education ?? null},
      applicant_name = ${row.name} where id = ${row.id}`.execute(db)
  }
  await db.schema.createIndex('applications_district_status').on('applications').columns(['district', 'status', 'submitted_at']).execute()
  await db.schema.createIndex('applications_submitted').on('applications').column('submitted_at').execute()
  await db.schema.createIndex('applications_name').on('applications').columns(['applicant_name', 'submitted_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['applications_name', 'applications_submitted', 'applications_district_status']) {
    await db.schema.dropIndex(index).execute()
  }
  for (const column of ['window_district', 'filed_by', 'applicant_name', 'education', 'district', 'channel']) {
    await db.schema.alterTable('applications').dropColumn(column).execute()
  }
  for (const table of ['audit_log', 'staff_sign_in_failures', 'staff_sessions', 'staff_accounts']) {
    await db.schema.dropTable(table).execute()
  }
}
