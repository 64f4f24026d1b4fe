/**
 * Dates in the calendar are 'YYYY-MM-DD' strings (China Standard Time, no time of day), as
 * everywhere in core. dayjs does the arithmetic; it is only ever given a date string, never
 * asked for "now".
 */
import dayjs, { type Dayjs } from 'dayjs'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * Reads a 'YYYY-MM-DD' date or throws a RangeError that says what to send instead.
 *
 * dayjs alone would roll '2025-02-30' over into March; the round trip through `format` refuses
 * any date that does not exist rather than counting a notice period from a guessed day.
 */
export function parseCalendarDate(value: string, label: string): Dayjs {
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    const day = dayjs(value)
    if (day.isValid() && day.format('YYYY-MM-DD') === value) return day
  }
  throw new RangeError(
    `${label}应为真实存在的日期，格式为 YYYY-MM-DD（例如 2025-03-03），收到的是 ${JSON.stringify(value)}`,
  )
}

export function formatCalendarDate(day: Dayjs): string {
  return day.format('YYYY-MM-DD')
}
