/**
 * Entitlements, payment runs and the ledger of payment lines (0003-monthly-payments). Reads that
 * a run makes for 250,000 applications go by pages (keyset on the application id) and by lists
 * of ids, never one row at a time; lines are written in multi-row inserts.
 */
import type { Entitlement, LapsedMonthRule, PaymentLine, PolicyVersionId } from '@zhihui/core'
import { sql } from 'kysely'
import type { ApplicationHistoryTable, EntitlementsTable, Executor, PaymentLinesTable, PaymentRunsTable } from '../db/schema'
import { orderedId } from '../services/payments/ordered-id'
import { sourceIdOf, storeSources } from './payment-sources'

/** An entitlement or a line as read: with the text of its source. */
export type EntitlementRow = EntitlementsTable & { source: string }
export type LineRow = PaymentLinesTable & { source: string }

/** Rows a multi-row insert carries: 10 columns each, well under SQLite's and PostgreSQL's parameter limits. */
const INSERT_CHUNK = 500

export const entitlementOf = (row: EntitlementRow): Entitlement => ({
  monthlyYuan: row.monthly_yuan,
  months: row.months,
  firstMonth: row.first_month,
  policy: row.policy as PolicyVersionId,
  lapsedMonth: row.lapse_rule as LapsedMonthRule,
  source: row.source,
})

export async function insertEntitlement(db: Executor, applicationId: string, entitlement: Entitlement, at: string): Promise<void> {
  await storeSources(db, [entitlement.source])
  await db
    .insertInto('entitlements')
    .values({
      application_id: applicationId,
      monthly_yuan: entitlement.monthlyYuan,
      months: entitlement.months,
      first_month: entitlement.firstMonth,
      policy: entitlement.policy,
      lapse_rule: entitlement.lapsedMonth,
      source_id: sourceIdOf(entitlement.source),
      fixed_at: at,
    })
    .execute()
}

export const findEntitlement = (db: Executor, applicationId: string): Promise<EntitlementRow | undefined> =>
  db
    .selectFrom('entitlements as e')
    .innerJoin('payment_sources as s', 's.id', 'e.source_id')
    .selectAll('e')
    .select('s.text as source')
    .where('e.application_id', '=', applicationId)
    .executeTakeFirst()

export const listLines = (db: Executor, applicationId: string): Promise<LineRow[]> =>
  db
    .selectFrom('payment_lines as l')
    .innerJoin('payment_sources as s', 's.id', 'l.source_id')
    .selectAll('l')
    .select('s.text as source')
    .where('l.application_id', '=', applicationId)
    .orderBy('l.month')
    .execute()

/** What the lines one call writes have in common: their run (null outside one), origin and time. */
export interface LineBatch {
  runId: string | null
  origin: 'run' | 'review'
  at: string
}

/**
 * Writes decided lines in as few statements as the database allows. PostgreSQL: one statement
 * of arrays (unnest) for any number of rows, the batch's common values sent once, instead of a
 * statement of thousands of placeholders to parse. SQLite: multi-row inserts of INSERT_CHUNK rows.
 * Ids grow with time (ordered-id.ts), so a run's lines are appended to the primary key's index.
 */
export async function insertLines(
  db: Executor,
  batch: LineBatch,
  lines: readonly { applicationId: string; line: PaymentLine }[],
  postgres = false,
): Promise<void> {
  if (lines.length === 0) return
  await storeSources(
    db,
    new Set(lines.map(({ line }) => line.source)),
  )
  const ids = lines.map(() => orderedId())
  if (postgres) {
    await sql`insert into payment_lines (id, run_id, application_id, month, amount_yuan, status, reason, source_id, origin, created_at)
      select u.id, ${batch.runId}, u.application_id, u.month, u.amount_yuan, u.status, u.reason, u.source_id, ${batch.origin}, ${batch.at}
      from unnest(${ids}::text[], ${lines.map((l) => l.applicationId)}::text[], ${lines.map((l) => l.line.month)}::text[],
        ${lines.map((l) => l.line.amountYuan)}::integer[], ${lines.map((l) => l.line.status)}::text[],
        ${lines.map((l) => l.line.reason ?? null)}::text[], ${lines.map((l) => sourceIdOf(l.line.source))}::text[])
        as u(id, application_id, month, amount_yuan, status, reason, source_id)`.execute(db)
    return
  }
  const rows: PaymentLinesTable[] = lines.map(({ applicationId, line }, i) => ({
    id: ids[i] as string,
    run_id: batch.runId,
    application_id: applicationId,
    month: line.month,
    amount_yuan: line.amountYuan,
    status: line.status,
    reason: line.reason ?? null,
    source_id: sourceIdOf(line.source),
    origin: batch.origin,
    created_at: batch.at,
  }))
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await db
      .insertInto('payment_lines')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .execute()
  }
}

/** The lines core needs to decide with (month, status, amount) of many applications at once. */
export async function ledgersOf(db: Executor, applicationIds: readonly string[], postgres = false): Promise<Map<string, PaymentLine[]>> {
  const ledgers = new Map<string, PaymentLine[]>()
  if (applicationIds.length === 0) return ledgers
  const rows = await db
    .selectFrom('payment_lines')
    .select(['application_id', 'month', 'amount_yuan', 'status'])
    // PostgreSQL: one array parameter rather than a thousand placeholders.
    .where(postgres ? sql<boolean>`application_id = any(${applicationIds}::text[])` : sql<boolean>`application_id in (${sql.join(applicationIds)})`)
    .execute()
  for (const row of rows) {
    // The source is not needed to decide what is due; it stays in the table.
    const line: PaymentLine = { month: row.month, amountYuan: row.amount_yuan, status: row.status as PaymentLine['status'], source: '' }
    const ledger = ledgers.get(row.application_id)
    if (ledger === undefined) ledgers.set(row.application_id, [line])
    else ledger.push(line)
  }
  return ledgers
}

export interface PayingRow {
  id: string
  application_no: string | null
  status: string
  version: number
  details_json: string | null
  id_cipher: string
  card_cipher: string
  monthly_yuan: number
  months: number
  first_month: string
  policy: string
  lapse_rule: string
}

/**
 * The next page of `paying` applications after `afterId`, with their entitlement and the card to
 * ask the registry about. Not locked: locking 250,000 rows writes every one of them; a stop made
 * while a run is under way takes effect from the next run (the run decides the months it read).
 */
export function payingPage(db: Executor, afterId: string, limit: number): Promise<PayingRow[]> {
  return db
    .selectFrom('applications as a')
    .innerJoin('entitlements as e', 'e.application_id', 'a.id')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .select([
      'a.id',
      'a.application_no',
      'a.status',
      'a.version',
      'a.details_json',
      'p.id_cipher',
      'p.card_cipher',
      'e.monthly_yuan',
      'e.months',
      'e.first_month',
      'e.policy',
      'e.lapse_rule',
    ])
    .where('a.status', '=', 'paying')
    .where('a.id', '>', afterId)
    // The same bound on the joined key: without it PostgreSQL merge-joins the entitlements from
    // their first row on every page (a whole-table walk a page, 250 pages a run).
    .where('e.application_id', '>', afterId)
    .orderBy('a.id')
    .limit(limit)
    .execute()
}

/**
 * Moves applications whose last month a run decided from paying to paid, with their history
 * rows, in two statements a chunk; core's transition decided that the move is legal, as for any
 * other move (application-events.ts). Only rows still `paying` move: one stopped while the run was
 * under way stays stopped (its months are decided; resumed, the next run moves it). Answers the
 * ids moved.
 */
export async function finishPaying(
  db: Executor,
  ids: readonly string[],
  history: Omit<ApplicationHistoryTable, 'application_id' | 'version'>,
): Promise<string[]> {
  const moved: string[] = []
  for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
    const rows = await db
      .updateTable('applications')
      .set((eb) => ({ status: history.to_status, version: eb('version', '+', 1), updated_at: history.at }))
      .where('status', '=', history.from_status ?? '')
      .where('id', 'in', ids.slice(i, i + INSERT_CHUNK) as string[])
      .returning(['id', 'version'])
      .execute()
    if (rows.length === 0) continue
    await db
      .insertInto('application_history')
      .values(rows.map((row) => ({ ...history, application_id: row.id, version: row.version })))
      .execute()
    moved.push(...rows.map((row) => row.id))
  }
  return moved
}

export async function insertRun(db: Executor, row: PaymentRunsTable): Promise<void> {
  await db.insertInto('payment_runs').values(row).execute()
}

export const findRunByMonth = (db: Executor, month: string) =>
  db.selectFrom('payment_runs').selectAll().where('month', '=', month).executeTakeFirst()

export const getRun = (db: Executor, id: string) => db.selectFrom('payment_runs').selectAll().where('id', '=', id).executeTakeFirst()

export const listRuns = (db: Executor) => db.selectFrom('payment_runs').selectAll().orderBy('month', 'desc').execute()

/** Lines decided between runs (POST /review/payments) join the next run's bank file. */
export async function adoptReviewLines(db: Executor, runId: string): Promise<void> {
  await db.updateTable('payment_lines').set({ run_id: runId }).where('run_id', 'is', null).where('origin', '=', 'review').execute()
}

export async function runTotals(db: Executor, runId: string): Promise<{ paid: number; suspended: number; totalYuan: number }> {
  const rows = await db
    .selectFrom('payment_lines')
    .select((eb) => ['status', eb.fn.countAll().as('n'), eb.fn.sum<number>('amount_yuan').as('yuan')])
    .where('run_id', '=', runId)
    .groupBy('status')
    .execute()
  // PostgreSQL answers count and sum as strings (bigint, numeric).
  const of = (status: string) => rows.find((row) => row.status === status)
  return {
    paid: Number(of('paid')?.n ?? 0),
    suspended: Number(of('suspended')?.n ?? 0),
    totalYuan: Number(of('paid')?.yuan ?? 0),
  }
}

export async function setRunTotals(db: Executor, runId: string, totals: { paid: number; suspended: number; totalYuan: number }): Promise<void> {
  await db
    .updateTable('payment_runs')
    .set({ paid: totals.paid, suspended: totals.suspended, total_yuan: totals.totalYuan })
    .where('id', '=', runId)
    .execute()
}

export interface RunLineRow {
  id: string
  application_id: string
  application_no: string | null
  name: string
  month: string
  amount_yuan: number
  status: string
  reason: string | null
  origin: string
  details_json: string | null
  card_cipher: string
  /** The application's status now ('paid' once its last month is decided). */
  app_status: string
}

/**
 * The lines of a run for the next `appLimit` applications after `afterApplicationId`, whole
 * (every line of an application on one page), ordered by application and month: for the run's
 * texts and its bank file. Two steps, each an index range: the applications' ids from the
 * (run_id, application_id, month) index, then their lines with the applicant.
 */
export async function runLinesPage(
  db: Executor,
  runId: string,
  afterApplicationId: string,
  appLimit: number,
  options: { paidOnly?: boolean; origin?: string } = {},
): Promise<RunLineRow[]> {
  let ids = db.selectFrom('payment_lines').select('application_id').distinct().where('run_id', '=', runId).where('application_id', '>', afterApplicationId)
  if (options.paidOnly) ids = ids.where('status', '=', 'paid')
  if (options.origin !== undefined) ids = ids.where('origin', '=', options.origin)
  const page = (await ids.orderBy('application_id').limit(appLimit).execute()).map((row) => row.application_id)
  const first = page[0]
  const last = page[page.length - 1]
  if (first === undefined || last === undefined) return []
  let query = db
    .selectFrom('payment_lines as l')
    .innerJoin('applications as a', 'a.id', 'l.application_id')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .select([
      'l.id',
      'l.application_id',
      'a.application_no',
      'p.name',
      'l.month',
      'l.amount_yuan',
      'l.status',
      'l.reason',
      'l.origin',
      'a.details_json',
      'p.card_cipher',
      'a.status as app_status',
    ])
    .where('l.run_id', '=', runId)
    // The page as a range on both sides of the join (see payingPage): both databases walk only it.
    .where('l.application_id', '>=', first)
    .where('l.application_id', '<=', last)
    .where('a.id', '>=', first)
    .where('a.id', '<=', last)
  if (options.paidOnly) query = query.where('l.status', '=', 'paid')
  if (options.origin !== undefined) query = query.where('l.origin', '=', options.origin)
  return query.orderBy('l.application_id').orderBy('l.month').execute()
}

/** A page of a run's lines by offset, for a console that pages through a run. */
export const runLinesAt = (db: Executor, runId: string, offset: number, limit: number) =>
  db
    .selectFrom('payment_lines as l')
    .innerJoin('applications as a', 'a.id', 'l.application_id')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .select(['a.application_no', 'p.name', 'l.month', 'l.amount_yuan', 'l.status', 'l.reason'])
    .where('l.run_id', '=', runId)
    .orderBy('l.application_id')
    .orderBy('l.month')
    .offset(offset)
    .limit(limit)
    .execute()
