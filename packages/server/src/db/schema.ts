/**
 * The tables as Kysely sees them. Portable types only, so one set of migrations serves SQLite
 * and PostgreSQL: text ids (random UUIDs), ISO-8601 text timestamps (they sort as text), 'YYYY-MM-DD'
 * text dates, integer 0/1 booleans, JSON as text.
 */
import type { Kysely, Transaction } from 'kysely'

export interface AccountsTable {
  id: string
  platform: string
  platform_user_id: string
  person_id: string | null
  created_at: string
}

export interface SessionsTable {
  token_hash: string
  account_id: string
  created_at: string
  expires_at: string
}

export interface PeopleTable {
  id: string
  /** HMAC of the ID number: one person per ID number. */
  id_hash: string
  id_cipher: string
  name: string
  card_cipher: string
  id_masked: string
  card_masked: string
  card_issued: number
  financial_account_active: number
  pension_months: number
  verified_at: string
}

export interface BindingFailuresTable {
  id: string
  account_id: string
  at: string
}

export interface ApplicationsTable {
  id: string
  person_id: string
  application_no: string | null
  status: string
  /** Bumped by every change, so a write can insist nobody changed the row since it was read. */
  version: number
  raw_json: string
  form_errors_json: string | null
  facts_json: string | null
  details_json: string | null
  eligibility_json: string | null
  rejection_json: string | null
  notice_batch_id: string | null
  created_at: string
  updated_at: string
  submitted_at: string | null
  /** 'online' or 'window' (who filed it). */
  channel: string
  /** Copied out of facts_json / people at submit, so the staff queue filters by index. */
  district: string | null
  education: string | null
  applicant_name: string | null
  /** Window intake: the clerk who filed it and the district of that window. */
  filed_by: string | null
  window_district: string | null
}

export interface ApplicationHistoryTable {
  application_id: string
  version: number
  from_status: string | null
  to_status: string
  event: string
  actor: string
  note: string | null
  at: string
}

export interface PhotosTable {
  id: string
  application_id: string
  kind: string
  storage_key: string
  content_type: string
  bytes: number
  created_at: string
}

export interface NoticeBatchesTable {
  id: string
  start_date: string
  end_date: string
  holidays_known: number
  created_by: string
  created_at: string
}

export interface PaymentsTable {
  id: string
  application_id: string
  amount_yuan: number
  reference: string
  paid_at: string
}

export interface IdempotencyKeysTable {
  person_id: string
  key: string
  response_json: string | null
  created_at: string
}

export interface ApplicationSequencesTable {
  day: string
  last_value: number
}

export interface OutboxTable {
  id: string
  application_id: string | null
  mobile: string
  text: string
  created_at: string
}

export interface StaffAccountsTable {
  id: string
  username: string
  name: string
  /** argon2id, PHC string. */
  password_hash: string
  roles_json: string
  district: string | null
  bureau: string | null
  totp_cipher: string | null
  totp_pending_cipher: string | null
  must_change_password: number
  disabled: number
  last_sign_in_at: string | null
  created_at: string
  updated_at: string
}

export interface StaffSessionsTable {
  token_hash: string
  staff_id: string
  created_at: string
  last_seen_at: string
  /** The absolute end (8 hours after sign-in); idle time is measured from last_seen_at. */
  expires_at: string
}

export interface StaffSignInFailuresTable {
  id: string
  username: string
  at: string
}

/** Append-only (database triggers refuse UPDATE and DELETE). */
export interface AuditLogTable {
  id: string
  at: string
  actor: string
  actor_name: string | null
  actor_bureau: string | null
  action: string
  target: string | null
  detail_json: string | null
  ip: string | null
}

export interface Database {
  accounts: AccountsTable
  sessions: SessionsTable
  people: PeopleTable
  binding_failures: BindingFailuresTable
  applications: ApplicationsTable
  application_history: ApplicationHistoryTable
  photos: PhotosTable
  notice_batches: NoticeBatchesTable
  payments: PaymentsTable
  idempotency_keys: IdempotencyKeysTable
  application_sequences: ApplicationSequencesTable
  outbox: OutboxTable
  staff_accounts: StaffAccountsTable
  staff_sessions: StaffSessionsTable
  staff_sign_in_failures: StaffSignInFailuresTable
  audit_log: AuditLogTable
}

export type Db = Kysely<Database>
/** A connection or an open transaction: repositories work on either. */
export type Executor = Kysely<Database> | Transaction<Database>
