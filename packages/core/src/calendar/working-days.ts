/**
 * Whether a day is a working day in mainland China: Monday to Friday, minus the statutory
 * holidays, plus the weekend days worked instead (调休上班), as each year's State Council notice
 * sets them (holidays/*.ts).
 *
 * A year with no notice in the table is counted by weekends alone. Callers that must not rely on
 * that (a legal notice period) ask `holidayArrangementKnown` first; `publicNoticePeriod` does.
 */
import { civilFromDays, toDayNumber, weekdayOf } from '../civil-date'
import { parseCalendarDate } from './calendar-date'
import { HOLIDAY_YEARS } from './holidays'

type DayKind = 'holiday' | 'workday'

/** Keyed by day number (../civil-date); the tables hold only valid dates (holiday-tables.test.ts). */
const DAY_KINDS: ReadonlyMap<number, DayKind> = new Map<number, DayKind>([
  ...HOLIDAY_YEARS.flatMap((table) => table.holidays.map((date) => [toDayNumber(date) as number, 'holiday'] as const)),
  ...HOLIDAY_YEARS.flatMap((table) => table.workdays.map((date) => [toDayNumber(date) as number, 'workday'] as const)),
])

const YEARS_COVERED: ReadonlySet<number> = new Set(HOLIDAY_YEARS.map((table) => table.year))

/**
 * From this day of December on, a date may belong to the next year's New Year break: the 2019
 * notice made Saturday 2018-12-29 a working day and Monday 2018-12-31 a day off, and earlier
 * notices reached back to 29 December as well (2008, 2012). Before it, no notice has ever
 * touched the year before.
 */
const NEXT_NOTICE_REACHES_BACK_TO_DECEMBER = 29

/** True when the State Council's holiday notice for `year` is in the table. */
export function holidayCalendarCovers(year: number): boolean {
  return YEARS_COVERED.has(year)
}

/**
 * The years whose notices decide whether `date` is a working day: its own year, and for the
 * last days of December also the next year (see NEXT_NOTICE_REACHES_BACK_TO_DECEMBER).
 */
export function noticeYearsFor(date: string): number[] {
  const day = parseCalendarDate(date, '日期')
  return noticeYearsOf(day)
}

/**
 * True when every notice that decides `date` is in the table, so `isWorkingDay(date)` is the
 * legal answer and not the weekends-only fallback.
 */
export function holidayArrangementKnown(date: string): boolean {
  return noticeYearsFor(date).every(holidayCalendarCovers)
}

/**
 * True for a working day. Throws a RangeError for anything but a real 'YYYY-MM-DD' date.
 * Outside the years in the table only weekends are known (see `holidayArrangementKnown`).
 */
export function isWorkingDay(date: string): boolean {
  return isWorkingDayOn(parseCalendarDate(date, '日期'))
}

/** @internal The day-number form, so counting loops parse each date once. */
export function isWorkingDayOn(day: number): boolean {
  const kind = DAY_KINDS.get(day)
  if (kind === 'holiday') return false
  if (kind === 'workday') return true
  const weekday = weekdayOf(day)
  return weekday !== 0 && weekday !== 6
}

/** @internal */
export function noticeYearsOf(day: number): number[] {
  const [year, month, date] = civilFromDays(day)
  return month === 12 && date >= NEXT_NOTICE_REACHES_BACK_TO_DECEMBER ? [year, year + 1] : [year]
}
