/** People: one row per ID number (found by its keyed hash), with the card state the registry reported. */
import type { Executor, PeopleTable } from '../db/schema'

export const findPersonByIdHash = (db: Executor, idHash: string) =>
  db.selectFrom('people').selectAll().where('id_hash', '=', idHash).executeTakeFirst()

export const getPerson = (db: Executor, id: string) => db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst()

export async function insertPerson(db: Executor, person: PeopleTable): Promise<void> {
  await db.insertInto('people').values(person).execute()
}

export async function updatePersonCard(
  db: Executor,
  id: string,
  card: Pick<PeopleTable, 'name' | 'card_cipher' | 'card_masked' | 'card_issued' | 'financial_account_active' | 'pension_months' | 'verified_at'>,
): Promise<void> {
  await db.updateTable('people').set(card).where('id', '=', id).execute()
}

export async function countBindingFailuresSince(db: Executor, accountId: string, sinceIso: string): Promise<number> {
  const row = await db
    .selectFrom('binding_failures')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('account_id', '=', accountId)
    .where('at', '>', sinceIso)
    .executeTakeFirst()
  // PostgreSQL returns count(*) as a string (bigint).
  return Number(row?.n ?? 0)
}

export async function insertBindingFailure(db: Executor, id: string, accountId: string, at: string): Promise<void> {
  await db.insertInto('binding_failures').values({ id, account_id: accountId, at }).execute()
}
