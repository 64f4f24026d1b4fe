/**
 * Dates in the calendar are 'YYYY-MM-DD' strings (China Standard Time, no time of day), as
 * everywhere in core; inside the counting loops they are day numbers (../civil-date), so a
 * period is walked by adding 1.
 */
import { toDayNumber } from '../civil-date'

/**
 * The day number of a 'YYYY-MM-DD' date, or a RangeError that says what to send instead. A date
 * that does not exist ('2025-02-30') is refused rather than rolled over into March: a notice
 * period counted from a guessed day would be worse than none.
 */
export function parseCalendarDate(value: string, label: string): number {
  const day = typeof value === 'string' ? toDayNumber(value) : undefined
  if (day !== undefined) return day
  throw new RangeError(
    `${label}应为真实存在的日期，格式为 YYYY-MM-DD（例如 2025-03-03），收到的是 ${JSON.stringify(value)}`,
  )
}
