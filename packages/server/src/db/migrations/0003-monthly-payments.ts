/**
 * Monthly payments (design.md, "Monthly payments"): the entitlement fixed when the notice ends,
 * payment runs (one per month), and the ledger of lines (one per application and month).
 *
 * Old data. Before this migration an application was paid once: `end-notice` then
 * `confirm-payment` wrote one `payments` row of one month's amount and moved it to `paid`. That
 * was wrong (the subsidy is monthly), so an old application is carried over as what it really is:
 * - `paid` with its one payment → `paying`, with an entitlement fixed as it would have been when
 *   its notice ended, and the payment as the ledger line of the month it was paid in (China
 *   time), marked origin 'legacy' (the bank paid it already, so no run puts it in a bank file).
 *   The months from the first month to the run's month that are not that line are owed: the next
 *   run pays them as arrears, each checked against the registry like any other month.
 * - `paying` (a payment the old sender did not confirm) → stays `paying`, with its entitlement and
 *   no lines: the next run pays every month owed.
 * - An application whose stored facts cannot fix an entitlement (no facts, a report not eligible,
 *   no notice) is left exactly as it was, outside every run, for a person to look at; the old
 *   code could not make such a row, so none is expected.
 * The status change is written into the history (event 'migrate-monthly-payments', actor
 * 'migration:0003'), never by rewriting the old rows: history is append-only. The `payments`
 * table stays, read-only, as the record of what the old code did.
 *
 * The entitlement is computed by core's entitlementFor as it is today: the rules of the moment
 * this migration first runs, which is what "fixed when the notice ends" would have given.
 */
import { randomUUID } from 'node:crypto'
import { entitlementFor, monthOf, type ApplicantFacts, type EligibilityReport, type StatedFacts } from '@zhihui/core'
import { sql, type Kysely } from 'kysely'
import { shanghaiDate } from '../../clock'
import { sourceIdOf } from '../../repositories/payment-sources'

const ACTOR = 'migration:0003'
const EVENT = 'migrate-monthly-payments'

interface OldApplication {
  id: string
  status: string
  version: number
  facts_json: string | null
  eligibility_json: string | null
  end_date: string | null
  pension_months: number | null
  card_issued: number | null
  financial_account_active: number | null
  verified_at: string | null
}

interface OldPayment {
  id: string
  amount_yuan: number
  reference: string
  paid_at: string
}

async function createTables(db: Kysely<unknown>): Promise<void> {
  // Every entitlement and line cites its source, a long Chinese text of which a program has a
  // handful: stored once here and referred to by a short id (its hash), a run of 400,000 lines
  // writes 16 characters a line instead of 300. Measured on PostgreSQL: 100,000 lines with the
  // text inline took 1.7 times as long to insert.
  await db.schema
    .createTable('payment_sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('entitlements')
    .addColumn('application_id', 'text', (c) => c.primaryKey())
    .addColumn('monthly_yuan', 'integer', (c) => c.notNull())
    .addColumn('months', 'integer', (c) => c.notNull())
    .addColumn('first_month', 'text', (c) => c.notNull())
    .addColumn('policy', 'text', (c) => c.notNull())
    .addColumn('lapse_rule', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('fixed_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('payment_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // One run per month: the second of two concurrent runs fails here, whatever the database.
    .addColumn('month', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('paid', 'integer', (c) => c.notNull())
    .addColumn('suspended', 'integer', (c) => c.notNull())
    .addColumn('total_yuan', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('payment_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run_id', 'text')
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('amount_yuan', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // A month is decided once: a second line for it fails, whichever path tries to write it.
    .addUniqueConstraint('payment_lines_one_per_month', ['application_id', 'month'])
    .execute()
  // A run's lines in (application, month) order: its detail, its texts and its bank file, by keyset.
  await db.schema.createIndex('payment_lines_run').on('payment_lines').columns(['run_id', 'application_id', 'month']).execute()
  // The run walks `paying` applications by id (keyset pagination).
  await db.schema.createIndex('applications_status_id').on('applications').columns(['status', 'id']).execute()
}

/** The id of a source text, stored once (the same hash as repositories/payments.ts). */
async function source(db: Kysely<unknown>, text: string): Promise<string> {
  const id = sourceIdOf(text)
  const known = await sql<{ id: string }>`select id from payment_sources where id = ${id}`.execute(db)
  if (known.rows.length === 0) await sql`insert into payment_sources (id, text) values (${id}, ${text})`.execute(db)
  return id
}

/** The entitlement an old application would have been given when its notice ended, or null. */
function oldEntitlement(app: OldApplication) {
  if (app.facts_json === null || app.eligibility_json === null || app.end_date === null) return null
  const report = JSON.parse(app.eligibility_json) as EligibilityReport
  if (!report.eligible) return null
  const facts: ApplicantFacts = {
    ...(JSON.parse(app.facts_json) as StatedFacts),
    // entitlementFor reads no ID number; the cipher key is not the migration's to hold.
    idNumber: '',
    socialSecurity: {
      cardIssued: app.card_issued === 1,
      financialAccountActive: app.financial_account_active === 1,
      pensionMonths: app.pension_months ?? 0,
    },
  }
  const pensionCountedOn = app.verified_at === null ? undefined : shanghaiDate(new Date(app.verified_at))
  return entitlementFor(report, facts, { noticeEnd: app.end_date, ...(pensionCountedOn !== undefined ? { pensionCountedOn } : {}) })
}

async function carryOver(db: Kysely<unknown>, at: string): Promise<void> {
  const apps = await sql<OldApplication>`
    select a.id, a.status, a.version, a.facts_json, a.eligibility_json, n.end_date,
           p.pension_months, p.card_issued, p.financial_account_active, p.verified_at
    from applications a
    left join notice_batches n on n.id = a.notice_batch_id
    left join people p on p.id = a.person_id
    where a.status in ('paying', 'paid')
    order by a.id`.execute(db)
  for (const app of apps.rows) {
    const entitlement = oldEntitlement(app)
    if (entitlement === null) continue
    await sql`insert into entitlements (application_id, monthly_yuan, months, first_month, policy, lapse_rule, source_id, fixed_at)
      values (${app.id}, ${entitlement.monthlyYuan}, ${entitlement.months}, ${entitlement.firstMonth}, ${entitlement.policy},
              ${entitlement.lapsedMonth}, ${await source(db, entitlement.source)}, ${at})`.execute(db)
    const payments = await sql<OldPayment>`
      select id, amount_yuan, reference, paid_at from payments where application_id = ${app.id} order by paid_at`.execute(db)
    const months = new Set<string>()
    for (const payment of payments.rows) {
      const month = monthOf(shanghaiDate(new Date(payment.paid_at)))
      // Two old payments in one month cannot both be that month's line; the old code never made two.
      if (months.has(month)) continue
      months.add(month)
      const cited = await source(db, `一次性发放记录（旧版，参考号 ${payment.reference}）转为${month}的按月发放记录`)
      await sql`insert into payment_lines (id, run_id, application_id, month, amount_yuan, status, reason, source_id, origin, created_at)
        values (${randomUUID()}, ${null}, ${app.id}, ${month}, ${payment.amount_yuan}, ${'paid'}, ${null},
                ${cited}, ${'legacy'}, ${payment.paid_at})`.execute(db)
    }
    if (app.status === 'paid') {
      const paidMonths = months.size
      await sql`update applications set status = ${'paying'}, version = ${app.version + 1}, updated_at = ${at} where id = ${app.id}`.execute(db)
      await sql`insert into application_history (application_id, version, from_status, to_status, event, actor, note, at)
        values (${app.id}, ${app.version + 1}, ${'paid'}, ${'paying'}, ${EVENT}, ${ACTOR},
                ${`补贴改为按月发放：已发放的${paidMonths}笔记入对应月份，共${entitlement.months}个月，其余月份按月发放（自${entitlement.firstMonth}起）。`},
                ${at})`.execute(db)
    }
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await createTables(db)
  await carryOver(db, new Date().toISOString())
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('applications_status_id').execute()
  for (const table of ['payment_lines', 'payment_runs', 'entitlements', 'payment_sources']) await db.schema.dropTable(table).execute()
}
