/**
 * Calendar months as payments speak of them: 'YYYY-MM' (ISO 8601 year and month, GB/T 7408), in
 * China Standard Time like every date of the product. Fixed width and zero-padded, so two valid
 * months compare correctly as strings. Arithmetic goes through a month index (months since
 * January of year 0), never through the `Date` global: core does not touch the clock.
 */
import { err, ok, type Result } from '../result'
import { POLICY_VERSIONS } from '../eligibility/policy-versions'
import type { PolicyVersionId } from '../types'
import { formatChineseDate, isIsoDate } from '../validators/date'

const YEAR_MONTH = /^(\d{4})-(\d{2})$/

/** True for a string that is exactly 'YYYY-MM' with a month 01 … 12 and a year ≥ 1. */
export function isYearMonth(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const match = YEAR_MONTH.exec(value)
  if (!match) return false
  const year = Number(match[1])
  const month = Number(match[2])
  return year >= 1 && month >= 1 && month <= 12
}

/** Months since January of year 0: months as integers, for arithmetic and loops. */
export const monthIndex = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1
const indexOf = monthIndex

/** The month of a month index. */
export function monthOfIndex(index: number): string {
  const year = Math.floor(index / 12)
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`
}

/** The month of a valid 'YYYY-MM-DD' date. */
export const monthOf = (date: string): string => date.slice(0, 7)

/** The month `count` months after `month` (before, when negative). */
export const addMonths = (month: string, count: number): string => monthOfIndex(indexOf(month) + count)

/** How many months `to` is after `from` (negative when before). */
export const monthsBetween = (from: string, to: string): number => indexOf(to) - indexOf(from)

/** Every month from `from` to `to`, both included, in order; empty when `to` is before `from`. */
export function monthRange(from: string, to: string): string[] {
  const months: string[] = []
  for (let i = indexOf(from), last = indexOf(to); i <= last; i++) months.push(monthOfIndex(i))
  return months
}

/** '2026-02' → '2026年2月', for messages. Expects a valid month. */
export const formatChineseMonth = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`

export type MonthErrorCode = 'MONTH_FORMAT' | 'MONTH_IN_FUTURE' | 'MONTH_BEFORE_POLICY'

export interface MonthOptions {
  /** 'YYYY-MM-DD': the caller's today; a month after today's month has nothing to pay yet. */
  today: string
  /** The policy whose start bounds the month; default: the earliest version (the 2017 text). */
  policy?: PolicyVersionId
}

/** The first month any version of the policy was in effect: nothing can be owed before it. */
function policyStartMonth(policy: PolicyVersionId | undefined): string {
  if (policy !== undefined) return monthOf(POLICY_VERSIONS[policy].effectiveFrom)
  return Object.values(POLICY_VERSIONS)
    .map((version) => monthOf(version.effectiveFrom))
    .reduce((earliest, month) => (month < earliest ? month : earliest))
}

/**
 * A month a payment run may be made for: 'YYYY-MM', not after today's month (a month that has not
 * begun cannot have been earned), not before the policy took effect. Messages name the month.
 */
export function parseMonth(input: unknown, opts: MonthOptions): Result<string, MonthErrorCode> {
  if (!isIsoDate(opts.today)) throw new RangeError(`parseMonth: today must be 'YYYY-MM-DD', got ${opts.today}`)
  const value = typeof input === 'string' ? input.trim() : ''
  if (!isYearMonth(value)) {
    const shown = typeof input === 'string' ? `“${input}”` : '空值'
    return err('MONTH_FORMAT', `发放月份${shown}格式不正确，应写成“年-月”，如 2026-12。`)
  }
  const current = monthOf(opts.today)
  if (value > current) {
    return err(
      'MONTH_IN_FUTURE',
      `${formatChineseMonth(value)}还没有到（今天是${formatChineseDate(opts.today)}），只能发放${formatChineseMonth(current)}及以前的月份。`,
    )
  }
  const start = policyStartMonth(opts.policy)
  if (value < start) {
    return err(
      'MONTH_BEFORE_POLICY',
      `${formatChineseMonth(value)}早于生活补贴政策施行的${formatChineseMonth(start)}，这个月份没有可发放的补贴。`,
    )
  }
  return ok(value)
}
