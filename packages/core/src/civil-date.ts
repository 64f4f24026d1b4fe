/**
 * Civil dates ('YYYY-MM-DD', proleptic Gregorian calendar, no time of day) as day numbers:
 * day 0 is 1970-01-01, so moving along the calendar is adding integers.
 *
 * The conversions are Howard Hinnant's `days_from_civil` and `civil_from_days` ("chrono-
 * Compatible Low-Level Date Algorithms", https://howardhinnant.github.io/date_algorithms.html):
 * the year is shifted to start on 1 March, so the leap day is the last day of its year, and
 * split into 400-year eras of 146 097 days each.
 *
 * Why core does not use dayjs for this: core ships inside the main package of both
 * mini-programs, with a budget of 40 KB minified (bench/core-size.bench.mjs), and dayjs alone
 * was 7.2 KB of it, 18 % of the budget, for five operations: checking a date, adding days,
 * the day of the week, adding years and stepping to the first of a later month. Nor does core
 * use the `Date` global: it would invite reading the clock, which core never does.
 */

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** True when year-month-day names a day that exists in the Gregorian calendar (year ≥ 1). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  )
}

/** Hinnant's days_from_civil: the day number of a real date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400 // 0 … 399
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1 // 0 … 365, from 1 March
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

/** Hinnant's civil_from_days: [year, month, day] of a day number. */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const dayOfEra = z - era * 146097 // 0 … 146096
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153) // 0 is March
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day]
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * The day number of a string that is exactly 'YYYY-MM-DD' and names a real day, else undefined.
 * Strict on purpose: '2025-02-30' is refused, never rolled over into March.
 */
export function toDayNumber(value: string): number | undefined {
  const match = ISO_DATE.exec(value)
  if (!match) return undefined
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return isCalendarDate(year, month, day) ? daysFromCivil(year, month, day) : undefined
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

function format(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
}

export function fromDayNumber(days: number): string {
  return format(...civilFromDays(days))
}

/** 0 for Sunday to 6 for Saturday; day 0, 1970-01-01, was a Thursday. */
export function weekdayOf(days: number): number {
  return (((days + 4) % 7) + 7) % 7
}

/** [year, month, day] of a date already known to be a valid 'YYYY-MM-DD'. */
function partsOf(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))]
}

/**
 * The same day `years` later, for a valid 'YYYY-MM-DD' date. A 29 February lands on
 * 28 February in a common year (clamped to the month's last day). For the age limit this is the
 * stricter reading (someone born on 29 February turns 35 on 28 February, a day before the
 * 1 March reading); for deadlines it is the earlier day. Either way "N years" never runs into a
 * day of year N + 1.
 */
export function addYears(date: string, years: number): string {
  const [year, month, day] = partsOf(date)
  const target = year + years
  return format(target, month, Math.min(day, daysInMonth(target, month)))
}

/** The first day of the month `months` after the month of `date`, a valid 'YYYY-MM-DD'. */
export function firstOfMonthAfter(date: string, months: number): string {
  const [year, month] = partsOf(date)
  const index = year * 12 + month - 1 + months // months since January of year 0
  const targetYear = Math.floor(index / 12)
  return format(targetYear, index - targetYear * 12 + 1, 1)
}
