/**
 * Every yearly holiday notice the calendar knows, oldest first. The living subsidy starts with
 * graduates of 2017 and applications from 2 January 2018 [seed, 一 and preamble], so the table
 * starts with the 2017 notice.
 *
 * Adding a year: copy the State Council's notice (published around November of the year before)
 * into a new file beside these, list it here, and the table tests check its shape.
 */
import { fromDayNumber, toDayNumber } from '../../civil-date'
import type { HolidayNotice, HolidayYear } from '../holiday-year'
import { HOLIDAYS_2017 } from './2017'
import { HOLIDAYS_2018 } from './2018'
import { HOLIDAYS_2019 } from './2019'
import { HOLIDAYS_2020 } from './2020'
import { HOLIDAYS_2021 } from './2021'
import { HOLIDAYS_2022 } from './2022'
import { HOLIDAYS_2023 } from './2023'
import { HOLIDAYS_2024 } from './2024'
import { HOLIDAYS_2025 } from './2025'
import { HOLIDAYS_2026 } from './2026'

/** A notice's date in full: 'MM-DD' is in the notice's year, a day of the December before says so. */
function fullDate(year: number, date: string): string {
  return date.length === 5 ? `${year}-${date}` : date
}

/** Every day of each entry in full: a lone date as itself, a run 'first/last' inclusive. */
function expandDays(year: number, entries: readonly string[]): string[] {
  return entries.flatMap((entry) => {
    const [first, last = first] = entry.split('/') as [string, string?]
    const end = toDayNumber(fullDate(year, last)) as number
    const days: string[] = []
    for (let day = toDayNumber(fullDate(year, first)) as number; day <= end; day += 1) days.push(fromDayNumber(day))
    return days
  })
}

/** The notices as written, for the table tests; the rest of core reads HOLIDAY_YEARS. */
export const HOLIDAY_NOTICES: readonly HolidayNotice[] = [
  HOLIDAYS_2017,
  HOLIDAYS_2018,
  HOLIDAYS_2019,
  HOLIDAYS_2020,
  HOLIDAYS_2021,
  HOLIDAYS_2022,
  HOLIDAYS_2023,
  HOLIDAYS_2024,
  HOLIDAYS_2025,
  HOLIDAYS_2026,
]

/** Expanded once, when the module loads: every day off listed, the notice cited by its title. */
export const HOLIDAY_YEARS: readonly HolidayYear[] = HOLIDAY_NOTICES.map((notice) => ({
  year: notice.year,
  source: `国务院办公厅关于${notice.year}年部分节假日安排的通知（${notice.documentNo}）`,
  ...(notice.amendedBy === undefined ? {} : { amendedBy: notice.amendedBy }),
  holidays: expandDays(notice.year, notice.holidays),
  workdays: notice.workdays.map((date) => fullDate(notice.year, date)),
}))
