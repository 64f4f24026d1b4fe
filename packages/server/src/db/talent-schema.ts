/**
 * The tables of migration 0005-talent as Kysely sees them. Kept beside db/schema.ts rather than in
 * it: repositories reach them through `talentDb(db)` (Kysely's withTables), so the talent services
 * add tables without editing the shared Database interface. Same portable types as schema.ts.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database, Db } from './schema'

export interface TalentsTable {
  id: string
  id_hash: string
  id_cipher: string
  id_masked: string
  name: string
  tier: string
  certificate_masked: string
  mobile: string | null
  photo_ref: string | null
  initials: string | null
  verified_at: string
}

export interface TalentAccountsTable {
  account_id: string
  talent_id: string
  verified_at: string
}

export interface TalentVerificationFailuresTable {
  id: string
  account_id: string
  at: string
}

export interface TalentRequestsTable {
  id: string
  talent_id: string
  service_id: string
  bureau: string
  status: string
  version: number
  note: string | null
  created_at: string
  filed_on: string
  confirm_due: string
  confirmed_at: string | null
  confirmed_by: string | null
  confirmed_by_name: string | null
  arranged_at: string | null
  arrange_when: string | null
  arrange_where: string | null
  arrange_who: string | null
  arrange_phone: string | null
  done_at: string | null
  cancelled_at: string | null
  rated_at: string | null
  rating_level: number | null
  rating_comment: string | null
  complaint: string | null
  follow_up_due: string | null
  follow_up_answer: string | null
  follow_up_answered_at: string | null
  follow_up_answered_by: string | null
}

export interface TalentRequestHistoryTable {
  request_id: string
  version: number
  from_status: string | null
  to_status: string
  event: string
  actor: string
  actor_name: string | null
  at: string
}

export interface TalentIdempotencyKeysTable {
  talent_id: string
  key: string
  response_json: string | null
  created_at: string
}

export interface NewsTable {
  id: string
  title: string
  body: string
  bureau: string
  author: string
  author_name: string | null
  published_at: string
}

// A type alias, not an interface: withTables wants a Record-compatible type.
export type TalentTables = {
  talents: TalentsTable
  talent_accounts: TalentAccountsTable
  talent_verification_failures: TalentVerificationFailuresTable
  talent_requests: TalentRequestsTable
  talent_request_history: TalentRequestHistoryTable
  talent_idempotency_keys: TalentIdempotencyKeysTable
  news: NewsTable
}

export type TalentDatabase = Database & TalentTables
export type TalentDb = Kysely<TalentDatabase>
export type TalentExecutor = TalentDb | Transaction<TalentDatabase>

export const talentDb = (db: Db): TalentDb => db.withTables<TalentTables>() as unknown as TalentDb
