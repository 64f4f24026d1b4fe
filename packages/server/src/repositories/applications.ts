/** Applications and their status history. Every write checks the row's version (optimistic locking). */
import { sql } from 'kysely'
import type { ApplicationHistoryTable, ApplicationsTable, Db, Executor } from '../db/schema'
import { preparedRow } from './prepared'

export type ApplicationRow = ApplicationsTable

/** The application a person works on: the open one, else the latest withdrawn one. */
export async function findCurrentApplication(db: Executor, personId: string): Promise<ApplicationRow | undefined> {
  const rows = await db
    .selectFrom('applications')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy(sql`case when status = 'withdrawn' then 1 else 0 end`)
    .orderBy('created_at', 'desc')
    .limit(1)
    .execute()
  return rows[0]
}

// The open application through the partial unique index (no sort); withdrawn ones only when none is open.
// 'withdrawn' is written into the SQL, not bound: with `status <> ?` SQLite can use the partial
// index only by looking at the bound value, so it recompiled the statement on every run (3x the read).
const openHead = preparedRow(
  (db, personId: string) =>
    db
      .selectFrom('applications')
      .select(['id', 'status', 'version', 'application_no'])
      .where('person_id', '=', personId)
      .where('status', '<>', sql.lit('withdrawn')),
  ['\u0000person'],
)

const latestHead = preparedRow(
  (db, personId: string, limit: number) =>
    db.selectFrom('applications').select(['id', 'status', 'version', 'application_no']).where('person_id', '=', personId).orderBy('created_at', 'desc').limit(limit),
  ['\u0000person', -1],
)

/** The current application's id, status, version and number only: enough for a summary or to find a cached view. */
export async function findCurrentApplicationHead(db: Db, personId: string) {
  return (await openHead(db, personId)) ?? (await latestHead(db, personId, 1))
}

export const findApplicationByNo = (db: Executor, applicationNo: string) =>
  db.selectFrom('applications').selectAll().where('application_no', '=', applicationNo).executeTakeFirst()

export async function insertApplication(db: Executor, row: ApplicationRow): Promise<void> {
  await db.insertInto('applications').values(row).execute()
}

export type ApplicationPatch = Partial<Omit<ApplicationRow, 'id' | 'person_id' | 'version' | 'created_at'>>

/**
 * Writes `patch` only if nobody changed the row since `version` was read; bumps the version.
 * False means another writer won: the caller answers 409 and nothing is overwritten.
 */
export async function updateApplication(db: Executor, id: string, version: number, patch: ApplicationPatch): Promise<boolean> {
  const result = await db
    .updateTable('applications')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function insertHistory(db: Executor, row: ApplicationHistoryTable): Promise<void> {
  await db.insertInto('application_history').values(row).execute()
}

export const listHistory = (db: Executor, applicationId: string) =>
  db.selectFrom('application_history').selectAll().where('application_id', '=', applicationId).orderBy('version').execute()

export const listQueue = (db: Executor, statuses: readonly string[]) =>
  db
    .selectFrom('applications')
    .select(['application_no', 'status', 'submitted_at'])
    .where('application_no', 'is not', null)
    .where('status', 'in', statuses)
    .orderBy('submitted_at')
    .orderBy('application_no')
    .execute()

/**
 * The next number of `day` (YYYYMMDD). One upsert statement: atomic in SQLite, and in
 * PostgreSQL concurrent callers queue on the row lock, so two submissions never share a number.
 */
export async function nextSequence(db: Executor, day: string): Promise<number> {
  const row = await db
    .insertInto('application_sequences')
    .values({ day, last_value: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ last_value: sql<number>`application_sequences.last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow()
  return Number(row.last_value)
}
