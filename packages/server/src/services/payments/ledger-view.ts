/**
 * The ledger as the applicant and the staff read it: core's summary of the stored lines, and the
 * lines in month order. Read from the stored rows only, so it shows exactly what was decided.
 */
import { ledgerSummary, type EntitlementView, type PaymentLine, type PaymentLineView } from '@zhihui/core'
import type { ApplicationHistoryTable, Executor } from '../../db/schema'
import type { EntitlementRow, LineRow } from '../../repositories/payments'
import { entitlementOf, findEntitlement, listLines } from '../../repositories/payments'

export const lineOf = (row: LineRow): PaymentLine => ({
  month: row.month,
  amountYuan: row.amount_yuan,
  status: row.status as PaymentLine['status'],
  ...(row.reason !== null ? { reason: row.reason } : {}),
  source: row.source,
})

export function entitlementView(row: EntitlementRow, lines: readonly LineRow[]): EntitlementView {
  const entitlement = entitlementOf(row)
  const summary = ledgerSummary(entitlement, lines.map(lineOf))
  return {
    monthlyYuan: entitlement.monthlyYuan,
    months: entitlement.months,
    firstMonth: entitlement.firstMonth,
    paidMonths: summary.paidMonths,
    paidYuan: summary.paidYuan,
    lastMonth: summary.lastMonth,
    nextMonth: summary.nextMonth,
  }
}

export const lineView = (row: LineRow): PaymentLineView => ({
  month: row.month,
  amountYuan: row.amount_yuan,
  status: row.status as PaymentLineView['status'],
  ...(row.reason !== null ? { reason: row.reason } : {}),
  at: row.created_at,
})

/** The reason and time of the stop in force: the latest stop in the history. */
export function stopFrom(history: readonly ApplicationHistoryTable[]): { reason: string; at: string } | undefined {
  const stop = [...history].reverse().find((entry) => entry.event === 'stop')
  return stop === undefined ? undefined : { reason: stop.note ?? '', at: stop.at }
}

/** The entitlement and the lines of an application, or undefined before it is paying. */
export async function readLedger(db: Executor, applicationId: string) {
  const [entitlement, lines] = await Promise.all([findEntitlement(db, applicationId), listLines(db, applicationId)])
  return entitlement === undefined ? undefined : { entitlement, lines }
}
