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
  /** Window intake: when the applicant's signature on the printed receipt was recorded, and by whom (0004). */
  receipt_signed_at: string | null
  receipt_signed_by: string | null
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

/** The texts entitlements and lines cite, once each, by the first 16 hex digits of their SHA-256. */
export interface PaymentSourcesTable {
  id: string
  text: string
}

/**
 * What an approved applicant is owed (core's Entitlement), fixed when the public notice ends
 * (0003-monthly-payments). One row per application that reached `paying`.
 */
export interface EntitlementsTable {
  application_id: string
  monthly_yuan: number
  months: number
  /** 'YYYY-MM' */
  first_month: string
  policy: string
  /** core's LapsedMonthRule, fixed with the rest. */
  lapse_rule: string
  /** payment_sources.id */
  source_id: string
  fixed_at: string
}

/** One payment run: a month, made once (month is unique). */
export interface PaymentRunsTable {
  id: string
  month: string
  created_by: string
  created_at: string
  paid: number
  suspended: number
  total_yuan: number
}

/**
 * The ledger: one line per application and month, decided once (unique application_id, month).
 * `run_id` is null for a line decided outside a run (POST /review/payments) until the next run
 * takes it into its bank file, and for a line carried over from the one-off payments (origin
 * 'legacy'), which the bank has paid already.
 */
export interface PaymentLinesTable {
  id: string
  run_id: string | null
  application_id: string
  month: string
  amount_yuan: number
  status: string
  reason: string | null
  /** payment_sources.id */
  source_id: string
  /** 'run' | 'review' | 'legacy' */
  origin: string
  created_at: string
}

/**
 * Outbound messages (jobs/, migration 0007): written in the transaction of the change they
 * announce, delivered by the worker. The recipient is encrypted with the field cipher (a mobile
 * number or an openid is personal data); the console shows `recipient_masked` only.
 */
export interface OutboundMessagesTable {
  id: string
  channel: string
  recipient_cipher: string
  recipient_masked: string
  kind: string
  params_json: string
  text: string
  page: string | null
  application_id: string | null
  /** Unique: one message per (application or request, kind, discriminator, channel). */
  idempotency_key: string
  status: string
  attempts: number
  next_attempt_at: string
  /** While 'sending': until when the worker that took the row owns it. */
  lease_until: string | null
  last_error: string | null
  provider: string | null
  provider_message_id: string | null
  created_at: string
  sent_at: string | null
}

/** The applicant's answer to the mini-program's subscription request, per account and template. */
export interface MessageSubscriptionsTable {
  account_id: string
  template: string
  accepted: number
  updated_at: string
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
  payment_sources: PaymentSourcesTable
  entitlements: EntitlementsTable
  payment_runs: PaymentRunsTable
  payment_lines: PaymentLinesTable
  outbound_messages: OutboundMessagesTable
  message_subscriptions: MessageSubscriptionsTable
}

export type Db = Kysely<Database>
/** A connection or an open transaction: repositories work on either. */
export type Executor = Kysely<Database> | Transaction<Database>
