/**
 * Calendar dates as the whole product writes them: 'YYYY-MM-DD' (ISO 8601 calendar date,
 * extended format, GB/T 7408), China Standard Time, no time of day.
 *
 * Strict on purpose: '2024-2-3', '2024/02/03' and '2023-02-29' are refused rather than guessed,
 * because a silently "corrected" date (JavaScript rolls 02-30 over to 03-01) would put a wrong
 * graduation or settlement date in front of the reviewers. The calendar itself is computed in
 * ../civil-date instead of asking the `Date` global: core never touches the clock.
 *
 * Because the format is fixed-width and zero-padded, two valid dates compare correctly as
 * strings, which is how the `notAfter` / `notBefore` bounds are checked.
 */
import { toDayNumber } from '../civil-date'
import { err, ok, type Result } from '../result'

export type DateErrorCode = 'DATE_FORMAT' | 'DATE_TOO_LATE' | 'DATE_TOO_EARLY'

export { daysInMonth, isCalendarDate, isLeapYear } from '../civil-date'

/** True for a string that is exactly 'YYYY-MM-DD' and names a real day. */
export function isIsoDate(value: string): boolean {
  return toDayNumber(value) !== undefined
}

/** '2024-07-01' → '2024年7月1日', for messages. Expects an ISO date. */
export function formatChineseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-')
  return `${year}年${Number(month)}月${Number(day)}日`
}

export interface DateBounds {
  /** Latest allowed date, inclusive ('YYYY-MM-DD'). */
  notAfter?: string
  /** Earliest allowed date, inclusive ('YYYY-MM-DD'). */
  notBefore?: string
}

export function parseIsoDate(input: string, opts: DateBounds = {}): Result<string, DateErrorCode> {
  const value = typeof input === 'string' ? input.trim() : ''
  if (value === '') return err('DATE_FORMAT', '请填写日期，格式为“年-月-日”，如 2020-07-01')
  if (!isIsoDate(value)) {
    return err('DATE_FORMAT', '日期格式不正确，应为“年-月-日”（如 2020-07-01），且须是日历上真实存在的日期')
  }
  if (opts.notAfter !== undefined && value > opts.notAfter) {
    return err('DATE_TOO_LATE', `日期不能晚于${formatChineseDate(opts.notAfter)}，请核对后重新填写`)
  }
  if (opts.notBefore !== undefined && value < opts.notBefore) {
    return err('DATE_TOO_EARLY', `日期不能早于${formatChineseDate(opts.notBefore)}，请核对后重新填写`)
  }
  return ok(value)
}
