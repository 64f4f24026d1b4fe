/** Accounts (a platform's user: WeChat openid, Alipay user id, or an h5 development code) and their sessions. */
import { randomUUID } from 'node:crypto'
import { isUniqueViolation } from '../db/errors'
import type { AccountsTable, Executor } from '../db/schema'
import { preparedRow } from './prepared'

export async function findOrCreateAccount(
  db: Executor,
  platform: string,
  platformUserId: string,
  at: string,
): Promise<AccountsTable> {
  const find = () =>
    db.selectFrom('accounts').selectAll().where('platform', '=', platform).where('platform_user_id', '=', platformUserId).executeTakeFirst()
  const existing = await find()
  if (existing !== undefined) return existing
  const account: AccountsTable = { id: randomUUID(), platform, platform_user_id: platformUserId, person_id: null, created_at: at }
  try {
    await db.insertInto('accounts').values(account).execute()
    return account
  } catch (error) {
    // Two first logins of the same user at once: the other one created it.
    if (!isUniqueViolation(error)) throw error
    const raced = await find()
    if (raced === undefined) throw error
    return raced
  }
}

export async function setAccountPerson(db: Executor, accountId: string, personId: string): Promise<void> {
  await db.updateTable('accounts').set({ person_id: personId }).where('id', '=', accountId).execute()
}

export async function insertSession(db: Executor, tokenHash: string, accountId: string, at: string, expiresAt: string): Promise<void> {
  await db.insertInto('sessions').values({ token_hash: tokenHash, account_id: accountId, created_at: at, expires_at: expiresAt }).execute()
}

/** The account behind a live session, with its bound person if any. */
export const findSessionAccount = preparedRow(
  (db, tokenHash: string, nowIso: string) =>
    db
      .selectFrom('sessions')
      .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
      .select(['accounts.id as accountId', 'accounts.person_id as personId', 'sessions.expires_at as expiresAt'])
      .where('sessions.token_hash', '=', tokenHash)
      .where('sessions.expires_at', '>', nowIso),
  ['\u0000token', '\u0000now'],
)
