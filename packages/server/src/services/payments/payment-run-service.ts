/**
 * Monthly payment runs (design.md, "Monthly payments"): a payments officer runs a month once;
 * every `paying` application gets the lines due up to that month (arrears from its first month on
 * the first run), each decided by core against the registry's state for that month.
 *
 * The whole run is one transaction: the run's row (its month is unique), every line (unique per
 * application and month) and every move to `paid`. A registry that fails half-way, or any other
 * error, rolls all of it back, and the month can be run again. Two runs of one month: the second
 * insert of the month waits for the first transaction and then fails on the unique month (409),
 * on PostgreSQL and SQLite alike. Applications are read in pages by id (keyset), the registry is
 * asked once a page, lines are written in multi-row inserts, the moves to `paid` in one update a
 * page: no round trip per application. On PostgreSQL the pages are not locked (locking writes
 * every row): a stop made while a run is under way takes effect from the next run, and two runs
 * of different months at once may both owe an application the same month, in which case the
 * second fails on the unique line (409, nothing written) and is made again.
 *
 * One text per applicant: queued in the outbox inside the run's transaction when the sender is a
 * queue, else sent after the commit (textApplicants): a text never announces money a rolled-back
 * run did not pay.
 */
import { randomUUID } from 'node:crypto'
import {
  parseMonth,
  transition,
  type Entitlement,
  type LapsedMonthRule,
  type PaymentLineStatus,
  type PaymentRunDetail,
  type PaymentRunSummary,
  type PolicyVersionId,
} from '@zhihui/core'
import { isUniqueViolation } from '../../db/errors'
import type { PaymentRunsTable } from '../../db/schema'
import { AppError, conflict, notFound } from '../../errors'
import { monthlyPaymentMessage, monthlyPaymentText, type MonthlyOutcome } from '../../notifications/messages'
import { messagesFor, textApplicants } from '../../notifications/sms-sender'
import { RegistryUnavailableError } from '../../registry'
import {
  adoptReviewLines,
  finishPaying,
  findRunByMonth,
  getRun,
  insertLines,
  insertRun,
  ledgersOf,
  listRuns,
  payingPage,
  runLinesAt,
  runLinesPage,
  runTotals,
  setRunTotals,
  type PayingRow,
  type RunLineRow,
} from '../../repositories/payments'
import type { ServiceDeps } from '../deps'
import { decideAll, type Decision } from './decide'

/** Applications a page: one registry request and a few multi-row inserts each. */
export const RUN_PAGE = 1000
/** Applications a page when texting after the run (one outbox write a page) and writing the bank file. */
const TEXT_PAGE = 2000

/** Consecutive rows of one application together (rows come ordered by application). */
function groupByApplication<T extends { application_id: string }>(rows: readonly T[]): T[][] {
  const groups: T[][] = []
  for (const row of rows) {
    const group = groups[groups.length - 1]
    if (group !== undefined && group[0]?.application_id === row.application_id) group.push(row)
    else groups.push([row])
  }
  return groups
}

export type RunSummary = PaymentRunSummary

export const runSummary = (row: PaymentRunsTable): RunSummary => ({
  id: row.id,
  month: row.month,
  paid: Number(row.paid),
  suspended: Number(row.suspended),
  totalYuan: Number(row.total_yuan),
  createdBy: row.created_by,
  createdAt: row.created_at,
})

const entitlementOfRow = (row: PayingRow): Entitlement => ({
  monthlyYuan: row.monthly_yuan,
  months: row.months,
  firstMonth: row.first_month,
  policy: row.policy as PolicyVersionId,
  lapsedMonth: row.lapse_rule as LapsedMonthRule,
  // Not needed to decide a month (core cites the policy's own sources); the ledger view reads it.
  source: '',
})

function alreadyRun(run: PaymentRunsTable): AppError {
  return new AppError(409, 'ALREADY_RUN', `${run.month}已发放过（${run.created_at.slice(0, 10)}，${run.created_by}），本次未作任何改动。`, 'month', {
    run: runSummary(run),
  })
}

/** The lines of decisions, as insertLines takes them. */
export const linesOf = (decisions: readonly Decision[]) =>
  decisions.flatMap((decision) => decision.lines.map((line) => ({ applicationId: decision.applicationId, line })))

const withReason = (line: Decision['lines'][number]) => ({ ...line, reason: line.reason ?? null })

/** What a set of lines tells the applicant (one text). */
export function outcomeOf(lines: readonly { month: string; status: string; amountYuan: number; reason: string | null }[], finished: boolean): MonthlyOutcome {
  const paid = lines.filter((line) => line.status === 'paid')
  return {
    paidMonths: paid.map((line) => line.month),
    paidYuan: paid.reduce((sum, line) => sum + line.amountYuan, 0),
    suspended: lines.filter((line) => line.status !== 'paid').map((line) => ({ month: line.month, reason: line.reason })),
    finished,
  }
}

export function createPaymentRunService(deps: ServiceDeps) {
  const { db, clock, cipher, registry, sms } = deps

  const postgres = deps.dbKind === 'postgres'

  /** The run itself, inside its transaction. */
  async function pay(month: string, actor: string, runId: string, at: string, pageSize: number): Promise<void> {
    // Core decides the move for every application the run pays off, as for any other move.
    const finish = transition('paying', 'finish-payments')
    if (!finish.ok) throw new Error(finish.error.message)
    await db.transaction().execute(async (trx) => {
      await insertRun(trx, { id: runId, month, created_by: actor, created_at: at, paid: 0, suspended: 0, total_yuan: 0 })
      await adoptReviewLines(trx, runId)
      let after = ''
      for (;;) {
        const page = await payingPage(trx, after, pageSize)
        const last = page[page.length - 1]
        if (last === undefined) break
        after = last.id
        const ledgers = await ledgersOf(
          trx,
          page.map((row) => row.id),
          postgres,
        )
        const decisions = await decideAll(
          registry,
          page.map((row) => ({
            applicationId: row.id,
            entitlement: entitlementOfRow(row),
            ledger: ledgers.get(row.id) ?? [],
            card: () => ({ idNumber: cipher.decrypt(row.id_cipher), cardNumber: cipher.decrypt(row.card_cipher) }),
          })),
          month,
        )
        await insertLines(trx, { runId, origin: 'run', at }, linesOf(decisions), postgres)
        const moved = new Set(
          await finishPaying(
            trx,
            decisions.filter((decision) => decision.finished).map((decision) => decision.applicationId),
            { from_status: 'paying', to_status: finish.value, event: 'finish-payments', actor, note: `${month}发放后全部月份已发放完毕`, at },
          ),
        )
        // A sender that queues (the outbox) queues the page's texts with its lines: they exist
        // exactly when the run commits. Another is called after the commit (textRun).
        if (sms.enqueueMany !== undefined) {
          const texts = decisions.flatMap((decision, i) => {
            const row = page[i] as PayingRow
            return decision.lines.length === 0
              ? []
              : [{ app: { id: row.id, details_json: row.details_json }, text: monthlyPaymentMessage(row.application_no ?? '', outcomeOf(decision.lines.map(withReason), moved.has(row.id))), key: month }]
          })
          await sms.enqueueMany(trx, messagesFor(texts))
        }
      }
      await setRunTotals(trx, runId, await runTotals(trx, runId))
    })
  }

  /** One text per applicant with lines made by this run (lines adopted from a start of paying were texted then). */
  async function textRun(runId: string): Promise<void> {
    let after = ''
    for (;;) {
      const page = await runLinesPage(db, runId, after, TEXT_PAGE, { origin: 'run' })
      const last = page[page.length - 1]
      if (last === undefined) return
      after = last.application_id
      const texts = groupByApplication(page).map((group) => {
        const first = group[0] as RunLineRow
        const outcome = outcomeOf(
          group.map((row) => ({ month: row.month, status: row.status, amountYuan: row.amount_yuan, reason: row.reason })),
          first.app_status === 'paid',
        )
        return { app: { id: first.application_id, details_json: first.details_json }, text: monthlyPaymentText(first.application_no ?? '', outcome) }
      })
      await textApplicants(deps, texts)
    }
  }

  async function findRun(id: string): Promise<PaymentRunsTable> {
    const run = /^[0-9a-f-]{36}$/.test(id) ? await getRun(db, id) : undefined
    if (run === undefined) throw notFound('没有这个发放批次。')
    return run
  }

  return {
    /**
     * Runs `monthInput` ('YYYY-MM') for every paying application; 422 for a bad month, 409 when
     * the month has a run, 503 when the registry cannot answer. `pageSize`: applications a page.
     */
    async run(monthInput: unknown, actor: string, options: { pageSize?: number } = {}): Promise<{ run: RunSummary }> {
      const parsed = parseMonth(monthInput, { today: clock.today() })
      if (!parsed.ok) throw new AppError(422, parsed.error.code, parsed.error.message, 'month')
      const month = parsed.value
      const existing = await findRunByMonth(db, month)
      if (existing !== undefined) throw alreadyRun(existing)
      const runId = randomUUID()
      try {
        await pay(month, actor, runId, clock.now().toISOString(), options.pageSize ?? RUN_PAGE)
      } catch (error) {
        if (isUniqueViolation(error)) {
          const raced = await findRunByMonth(db, month)
          if (raced !== undefined) throw alreadyRun(raced)
          throw conflict('PAYMENT_CONFLICT', `${month}的发放与其他操作同时进行，本次未作任何改动，请稍后重新发放。`)
        }
        if (error instanceof RegistryUnavailableError) {
          throw new AppError(503, 'REGISTRY_UNAVAILABLE', `社保登记系统暂时无法查询，${month}的发放未进行，未写入任何记录，请稍后重新发放。`)
        }
        if (error instanceof AppError && error.code === 'CONCURRENT_UPDATE') {
          throw conflict('PAYMENT_CONFLICT', `${month}的发放期间有申请被其他操作更新，本次未作任何改动，请重新发放。`)
        }
        throw error
      }
      const run = await getRun(db, runId)
      if (run === undefined) throw new Error(`payment run ${runId} vanished after commit`)
      if (sms.enqueueMany === undefined) await textRun(runId)
      return { run: runSummary(run) }
    },

    async list(): Promise<{ runs: RunSummary[] }> {
      return { runs: (await listRuns(db)).map(runSummary) }
    },

    /** The run and a page of its lines (`page` from 1, `pageSize` up to 1000). */
    async detail(id: string, paging: { page?: number; pageSize?: number } = {}): Promise<PaymentRunDetail> {
      const run = await findRun(id)
      const pageSize = Math.min(Math.max(Math.trunc(paging.pageSize ?? 200), 1), 1000)
      const page = Math.max(Math.trunc(paging.page ?? 1), 1)
      const rows = await runLinesAt(db, run.id, (page - 1) * pageSize, pageSize)
      return {
        run: runSummary(run),
        lines: rows.map((row) => ({
          applicationNo: row.application_no ?? '',
          name: row.name,
          month: row.month,
          amountYuan: row.amount_yuan,
          status: row.status as PaymentLineStatus,
          ...(row.reason !== null ? { reason: row.reason } : {}),
        })),
        total: Number(run.paid) + Number(run.suspended),
        page,
        pageSize,
      }
    },

    /** The bank file's rows (paid lines only), card numbers decrypted for the bank, page by page. */
    async *bankRows(id: string): AsyncGenerator<BankRow> {
      const run = await findRun(id)
      let after = ''
      for (;;) {
        const page = await runLinesPage(db, run.id, after, TEXT_PAGE, { paidOnly: true })
        const last = page[page.length - 1]
        if (last === undefined) return
        after = last.application_id
        for (const row of page) {
          yield {
            name: row.name,
            cardNumber: cipher.decrypt(row.card_cipher),
            amountYuan: row.amount_yuan,
            month: row.month,
            applicationNo: row.application_no ?? '',
          }
        }
      }
    },

    findRun,
  }
}

/** One row of the bank's 代发 file. */
export interface BankRow {
  name: string
  cardNumber: string
  amountYuan: number
  month: string
  applicationNo: string
}

export type PaymentRunService = ReturnType<typeof createPaymentRunService>
