/** Talents, their verified accounts, service requests with history, and one-tap request keys. */
import type {
  TalentExecutor,
  TalentRequestHistoryTable,
  TalentRequestsTable,
  TalentsTable,
} from '../db/talent-schema'

export const findTalentByIdHash = (db: TalentExecutor, idHash: string) =>
  db.selectFrom('talents').selectAll().where('id_hash', '=', idHash).executeTakeFirst()

export const getTalent = (db: TalentExecutor, id: string) => db.selectFrom('talents').selectAll().where('id', '=', id).executeTakeFirst()

export async function insertTalent(db: TalentExecutor, row: TalentsTable): Promise<void> {
  await db.insertInto('talents').values(row).execute()
}

export async function updateTalent(db: TalentExecutor, id: string, patch: Partial<Omit<TalentsTable, 'id' | 'id_hash'>>): Promise<void> {
  await db.updateTable('talents').set(patch).where('id', '=', id).execute()
}

export const findTalentOfAccount = (db: TalentExecutor, accountId: string) =>
  db
    .selectFrom('talent_accounts')
    .innerJoin('talents', 'talents.id', 'talent_accounts.talent_id')
    .selectAll('talents')
    .where('talent_accounts.account_id', '=', accountId)
    .executeTakeFirst()

export async function linkTalentAccount(db: TalentExecutor, accountId: string, talentId: string, at: string): Promise<void> {
  const existing = await db.selectFrom('talent_accounts').select('talent_id').where('account_id', '=', accountId).executeTakeFirst()
  if (existing === undefined) {
    await db.insertInto('talent_accounts').values({ account_id: accountId, talent_id: talentId, verified_at: at }).execute()
  } else {
    await db.updateTable('talent_accounts').set({ verified_at: at }).where('account_id', '=', accountId).execute()
  }
}

export async function insertVerificationFailure(db: TalentExecutor, id: string, accountId: string, at: string): Promise<void> {
  await db.insertInto('talent_verification_failures').values({ id, account_id: accountId, at }).execute()
}

export const countVerificationFailuresSince = async (db: TalentExecutor, accountId: string, since: string): Promise<number> => {
  const row = await db
    .selectFrom('talent_verification_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function insertTalentKey(db: TalentExecutor, talentId: string, key: string, at: string): Promise<void> {
  await db.insertInto('talent_idempotency_keys').values({ talent_id: talentId, key, response_json: null, created_at: at }).execute()
}

export async function saveTalentKeyResponse(db: TalentExecutor, talentId: string, key: string, response: unknown): Promise<void> {
  await db
    .updateTable('talent_idempotency_keys')
    .set({ response_json: JSON.stringify(response) })
    .where('talent_id', '=', talentId)
    .where('key', '=', key)
    .execute()
}

export const findTalentKey = (db: TalentExecutor, talentId: string, key: string) =>
  db.selectFrom('talent_idempotency_keys').selectAll().where('talent_id', '=', talentId).where('key', '=', key).executeTakeFirst()

export async function insertTalentRequest(db: TalentExecutor, row: TalentRequestsTable): Promise<void> {
  await db.insertInto('talent_requests').values(row).execute()
}

export const getTalentRequest = (db: TalentExecutor, id: string) =>
  db.selectFrom('talent_requests').selectAll().where('id', '=', id).executeTakeFirst()

/** A request with its talent, for staff views. */
export type RequestWithTalent = TalentRequestsTable & {
  talent_name: string
  talent_tier: string
  talent_id_masked: string
  talent_mobile: string | null
}

const withTalent = (db: TalentExecutor) =>
  db
    .selectFrom('talent_requests')
    .innerJoin('talents', 'talents.id', 'talent_requests.talent_id')
    .selectAll('talent_requests')
    .select(['talents.name as talent_name', 'talents.tier as talent_tier', 'talents.id_masked as talent_id_masked', 'talents.mobile as talent_mobile'])

export const getRequestWithTalent = (db: TalentExecutor, id: string): Promise<RequestWithTalent | undefined> =>
  withTalent(db).where('talent_requests.id', '=', id).executeTakeFirst()

export interface StaffRequestFilter {
  /** Only these bureaus; undefined: every bureau. */
  bureau?: string
  status?: string
  /** Unconfirmed past the confirmation due date, or follow-ups unanswered past theirs, on `today`. */
  overdueOn?: string
}

export async function listRequestsWithTalent(db: TalentExecutor, filter: StaffRequestFilter, page: number, pageSize: number) {
  let query = withTalent(db)
  if (filter.bureau !== undefined) query = query.where('talent_requests.bureau', '=', filter.bureau)
  if (filter.status !== undefined) query = query.where('talent_requests.status', '=', filter.status)
  const today = filter.overdueOn
  if (today !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('talent_requests.status', '=', 'open'), eb('talent_requests.confirm_due', '<', today)]),
        eb.and([eb('talent_requests.follow_up_due', '<', today), eb('talent_requests.follow_up_answered_at', 'is', null)]),
      ]),
    )
  }
  const [rows, count] = await Promise.all([
    query
      .orderBy('talent_requests.created_at', 'desc')
      .orderBy('talent_requests.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows: rows as RequestWithTalent[], total: Number(count.n) }
}

export const listRequestsOfTalent = (db: TalentExecutor, talentId: string, limit = 100) =>
  db.selectFrom('talent_requests').selectAll().where('talent_id', '=', talentId).orderBy('created_at', 'desc').limit(limit).execute()

/** Requests filed from `from` to `to` (inclusive China days), of one bureau or all. */
export function listRequestsFiled(db: TalentExecutor, from: string, to: string, bureau?: string) {
  let query = db.selectFrom('talent_requests').selectAll().where('filed_on', '>=', from).where('filed_on', '<=', to)
  if (bureau !== undefined) query = query.where('bureau', '=', bureau)
  return query.execute()
}

/**
 * Writes a status change if nobody changed the request since `version` was read; false when
 * somebody did (the caller answers 409).
 */
export async function updateTalentRequest(
  db: TalentExecutor,
  id: string,
  version: number,
  patch: Partial<Omit<TalentRequestsTable, 'id' | 'talent_id' | 'version'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('talent_requests')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function insertTalentHistory(db: TalentExecutor, row: TalentRequestHistoryTable): Promise<void> {
  await db.insertInto('talent_request_history').values(row).execute()
}

export async function listTalentHistory(db: TalentExecutor, requestIds: readonly string[]): Promise<TalentRequestHistoryTable[]> {
  if (requestIds.length === 0) return []
  return db
    .selectFrom('talent_request_history')
    .selectAll()
    .where('request_id', 'in', [...requestIds])
    .orderBy('request_id')
    .orderBy('version')
    .execute()
}

/** Whether `talentId` has filed any request with `bureau` (undefined: with anyone). */
export async function talentHasRequestWith(db: TalentExecutor, talentId: string, bureau?: string): Promise<boolean> {
  let query = db.selectFrom('talent_requests').select('id').where('talent_id', '=', talentId)
  if (bureau !== undefined) query = query.where('bureau', '=', bureau)
  return (await query.limit(1).executeTakeFirst()) !== undefined
}
