/**
 * Pure helpers of the payment pages (按月发放 and the ledger card in the review workspace):
 * month checks before a run, the words for a line's status, money, and the server's refusals.
 */
import { formatChineseMonth, parseMonth, type PaymentLineStatus } from '@zhihui/core'
import { isApiError } from '../../api/client'

/** Statuses whose application has a ledger (GET /staff/applications/:no/ledger answers). */
export const LEDGER_STATUSES: readonly string[] = ['paying', 'paid', 'stopped']

export const hasLedger = (status: string): boolean => LEDGER_STATUSES.includes(status)

/**
 * Checks a month before asking the server (which checks again, with its own today): null when
 * it may be run, else the message naming the month. Without `today` a future month is left to
 * the server (the browser's clock is not the server's); with it, it is refused here too.
 */
export function runMonthError(month: string | null | undefined, today?: string): string | null {
  if (month === null || month === undefined || month.trim() === '') return '请选择发放月份。'
  const parsed = parseMonth(month, { today: today ?? '9999-12-31' })
  return parsed.ok ? null : parsed.error.message
}

/** '2026-02' → '2026年2月'; anything malformed as it is. */
export const monthLabel = (month: string): string => (/^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? formatChineseMonth(month) : month)

export const LINE_STATUS_TEXT: Record<PaymentLineStatus, string> = { paid: '已发放', suspended: '暂停' }

/** 已发放, or 暂停（reason）. */
export function lineStatusText(line: { status: PaymentLineStatus | string; reason?: string | null }): string {
  if (line.status === 'paid') return LINE_STATUS_TEXT.paid
  if (line.status === 'suspended') return line.reason ? `暂停（${line.reason}）` : LINE_STATUS_TEXT.suspended
  return String(line.status)
}

/** 12345 → '¥12,345'. */
export const formatYuan = (yuan: number): string => `¥${yuan.toLocaleString('zh-CN')}`

/** The message shown when making a run fails: the server's for 409 (already run) and 422 (the month). */
export function runErrorText(error: unknown, month: string): string {
  if (isApiError(error)) {
    if (error.status === 409 && error.code === 'ALREADY_RUN') return error.message || `${monthLabel(month)}已发放过，本次未作任何改动。`
    return error.message
  }
  return '发放失败，请稍后重试。'
}

/** 已发放 n / months 个月. */
export const ledgerProgressText = (paidMonths: number, months: number): string => `已发放 ${paidMonths} / ${months} 个月`

/** The reason for stopping or resuming: null when acceptable, else the message (server: 1–500 characters). */
export function reasonError(reason: string | undefined): string | null {
  const text = (reason ?? '').trim()
  if (text === '') return '请填写原因，申请人会收到这条原因。'
  if (text.length > 500) return '原因不能超过500字。'
  return null
}

/** What the officer may do to paying: stop a paying application, resume a stopped one. */
export function paymentAction(status: string): 'stop' | 'resume' | null {
  if (status === 'paying') return 'stop'
  if (status === 'stopped') return 'resume'
  return null
}
