/** Staff accounts, their sessions and sign-in failures. */
import type { Executor, StaffAccountsTable, StaffSessionsTable } from '../db/schema'

export type StaffAccountRow = StaffAccountsTable

export const findStaffByUsername = (db: Executor, username: string) =>
  db.selectFrom('staff_accounts').selectAll().where('username', '=', username).executeTakeFirst()

export const findStaffById = (db: Executor, id: string) => db.selectFrom('staff_accounts').selectAll().where('id', '=', id).executeTakeFirst()

export const listStaff = (db: Executor) => db.selectFrom('staff_accounts').selectAll().orderBy('username').execute()

export const countStaff = async (db: Executor): Promise<number> =>
  Number((await db.selectFrom('staff_accounts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

export async function insertStaff(db: Executor, row: StaffAccountRow): Promise<void> {
  await db.insertInto('staff_accounts').values(row).execute()
}

export async function updateStaff(db: Executor, id: string, patch: Partial<Omit<StaffAccountRow, 'id' | 'created_at'>>): Promise<void> {
  await db.updateTable('staff_accounts').set(patch).where('id', '=', id).execute()
}

export async function insertStaffSession(db: Executor, row: StaffSessionsTable): Promise<void> {
  await db.insertInto('staff_sessions').values(row).execute()
}

export const findStaffSession = (db: Executor, tokenHash: string) =>
  db.selectFrom('staff_sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()

export async function touchStaffSession(db: Executor, tokenHash: string, at: string): Promise<void> {
  await db.updateTable('staff_sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute()
}

export async function deleteStaffSession(db: Executor, tokenHash: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute()
}

/** Ends every session of an account (disabled, password reset, roles changed). */
export async function deleteStaffSessions(db: Executor, staffId: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('staff_id', '=', staffId).execute()
}

export async function insertSignInFailure(db: Executor, id: string, username: string, at: string): Promise<void> {
  await db.insertInto('staff_sign_in_failures').values({ id, username, at }).execute()
}

export const countSignInFailures = async (db: Executor, username: string, sinceAt: string): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('staff_sign_in_failures')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('username', '=', username)
        .where('at', '>=', sinceAt)
        .executeTakeFirstOrThrow()
    ).n,
  )

export async function clearSignInFailures(db: Executor, username: string): Promise<void> {
  await db.deleteFrom('staff_sign_in_failures').where('username', '=', username).execute()
}
