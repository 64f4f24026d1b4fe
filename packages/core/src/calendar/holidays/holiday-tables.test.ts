import { HOLIDAY_NOTICES, HOLIDAY_YEARS } from '.'
import type { HolidayYear } from '../holiday-year'

/*
 * The dates each statutory holiday falls on, written down independently of the tables (the
 * Gregorian dates of the lunar festivals from the almanac, the solar term 清明 from the
 * ephemeris). Every one of them must be a day off in its year's table: a table that misses one
 * was copied wrongly.
 */
const LUNAR_NEW_YEAR: Record<number, string> = {
  2017: '2017-01-28',
  2018: '2018-02-16',
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
}
const QINGMING: Record<number, string> = {
  2017: '2017-04-04',
  2018: '2018-04-05',
  2019: '2019-04-05',
  2020: '2020-04-04',
  2021: '2021-04-04',
  2022: '2022-04-05',
  2023: '2023-04-05',
  2024: '2024-04-04',
  2025: '2025-04-04',
  2026: '2026-04-05',
}
const DRAGON_BOAT: Record<number, string> = {
  2017: '2017-05-30',
  2018: '2018-06-18',
  2019: '2019-06-07',
  2020: '2020-06-25',
  2021: '2021-06-14',
  2022: '2022-06-03',
  2023: '2023-06-22',
  2024: '2024-06-10',
  2025: '2025-05-31',
  2026: '2026-06-19',
}
const MID_AUTUMN: Record<number, string> = {
  2017: '2017-10-04',
  2018: '2018-09-24',
  2019: '2019-09-13',
  2020: '2020-10-01',
  2021: '2021-09-21',
  2022: '2022-09-10',
  2023: '2023-09-29',
  2024: '2024-09-17',
  2025: '2025-10-06',
  2026: '2026-09-25',
}

/* Date arithmetic by the `Date` global in UTC, independent of core's own (../../civil-date). */
const MS_PER_DAY = 86_400_000
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY
const dateOf = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay()

function isRealDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && Number.isFinite(dayNumber(value)) && dateOf(dayNumber(value)) === value
}

/** A notice's date in full: 'MM-DD' is in the notice's year. */
function inFull(year: number, date: string): string {
  return date.length === 5 ? `${year}-${date}` : date
}

/** An entry of a notice as full dates [first, last] (a lone day: [first]). */
function runOf(year: number, entry: string): [string, ...string[]] {
  const [first = '', ...rest] = entry.split('/')
  return [inFull(year, first), ...rest.map((date) => inFull(year, date))]
}

/** A date as a notice writes it: 'MM-DD', or in full only for a day of the December before. */
function writtenAsNoticeDate(date: string, year: number): boolean {
  return /^\d{2}-\d{2}$/.test(date) || (/^\d{4}-\d{2}-\d{2}$/.test(date) && date.startsWith(`${year - 1}-12-`))
}

function belongsToNoticeYear(date: string, year: number): boolean {
  // A New Year break may start in the last days of the December before (2019: 2018-12-29).
  return date.startsWith(`${year}-`) || (date >= `${year - 1}-12-29` && date <= `${year - 1}-12-31`)
}

function ascendingWithoutDuplicates(dates: readonly string[]): boolean {
  return dates.every((date, i) => i === 0 || (dates[i - 1] as string) < date)
}

/** The longest run of consecutive working days inside the calendar year, by the table. */
function longestWorkingRun(table: HolidayYear): { length: number; from: string; to: string } {
  const off = new Set(table.holidays)
  const worked = new Set(table.workdays)
  let best = { length: 0, from: '', to: '' }
  let run = 0
  let runFrom = ''
  for (let day = dayNumber(`${table.year}-01-01`); dateOf(day).startsWith(`${table.year}-`); day += 1) {
    const date = dateOf(day)
    const working = worked.has(date) || (!off.has(date) && weekdayOf(date) !== 0 && weekdayOf(date) !== 6)
    if (!working) {
      run = 0
      continue
    }
    if (run === 0) runFrom = date
    run += 1
    if (run > best.length) best = { length: run, from: runFrom, to: date }
  }
  return best
}

describe('the holiday tables', () => {
  it('hold one notice per year, 2017 to 2026 at least, in order', () => {
    const years = HOLIDAY_YEARS.map((table) => table.year)
    expect(years[0]).toBe(2017)
    expect(years).toEqual(years.map((_, i) => 2017 + i))
    expect(years).toContain(2026)
  })

  describe.each(HOLIDAY_NOTICES.map((notice) => [notice.year, notice] as const))('%i as written', (year, notice) => {
    it('names the notice by a document number of the year before', () => {
      const match = /^国办发明电〔(\d{4})〕\d+号$/.exec(notice.documentNo)
      expect(match).not.toBeNull()
      expect(Number(match?.[1])).toBe(year - 1)
    })

    it('writes days off as lone dates or first/last runs of its year, ascending and not overlapping', () => {
      let previousLast = ''
      for (const entry of notice.holidays) {
        const written = entry.split('/')
        expect(written.length === 1 || written.length === 2).toBe(true)
        for (const date of written) expect(writtenAsNoticeDate(date, year)).toBe(true)
        const [first, last = first] = runOf(year, entry)
        for (const date of [first, last]) {
          expect(isRealDate(date)).toBe(true)
          expect(belongsToNoticeYear(date, year)).toBe(true)
        }
        // A run is at least two days.
        if (written.length === 2) expect(first < last).toBe(true)
        expect(first > previousLast).toBe(true)
        previousLast = last
      }
    })

    it('lists make-up days one by one, as the notice writes them', () => {
      for (const date of notice.workdays) {
        expect(writtenAsNoticeDate(date, year)).toBe(true)
        expect(isRealDate(inFull(year, date))).toBe(true)
      }
    })

    it('expands to exactly the days of its runs, once each', () => {
      const expected = notice.holidays.flatMap((entry) => {
        const [first, last = first] = runOf(year, entry)
        return Array.from({ length: dayNumber(last) - dayNumber(first) + 1 }, (_, i) => dateOf(dayNumber(first) + i))
      })
      const table = HOLIDAY_YEARS.find((t) => t.year === year)
      expect(table?.holidays).toEqual(expected)
      expect(table?.workdays).toEqual(notice.workdays.map((date) => inFull(year, date)))
      expect(table?.amendedBy).toEqual(notice.amendedBy)
      expect(table?.source).toBe(`国务院办公厅关于${year}年部分节假日安排的通知（${notice.documentNo}）`)
    })
  })

  describe.each(HOLIDAY_YEARS.map((table) => [table.year, table] as const))('%i', (year, table) => {
    it('cites the notice by its exact title and a document number of the year before', () => {
      const match = /^国务院办公厅关于(\d{4})年部分节假日安排的通知（国办发明电〔(\d{4})〕\d+号）$/.exec(table.source)
      expect(match).not.toBeNull()
      expect(Number(match?.[1])).toBe(year)
      expect(Number(match?.[2])).toBe(year - 1)
    })

    it('lists real dates of its year, ascending, without duplicates', () => {
      for (const date of [...table.holidays, ...table.workdays]) {
        expect(isRealDate(date)).toBe(true)
        expect(belongsToNoticeYear(date, year)).toBe(true)
      }
      expect(ascendingWithoutDuplicates(table.holidays)).toBe(true)
      expect(ascendingWithoutDuplicates(table.workdays)).toBe(true)
    })

    it('makes up only on Saturdays and Sundays, never on a day off', () => {
      for (const date of table.workdays) {
        expect([0, 6]).toContain(weekdayOf(date))
        expect(table.holidays).not.toContain(date)
      }
    })

    it('has a plausible number of days off and of make-up days', () => {
      // 11 statutory days (13 from 2025) joined to weekends give 26 to 33 days off in these years.
      expect(table.holidays.length).toBeGreaterThanOrEqual(24)
      expect(table.holidays.length).toBeLessThanOrEqual(36)
      expect(table.workdays.length).toBeGreaterThanOrEqual(3)
      expect(table.workdays.length).toBeLessThanOrEqual(9)
    })

    it('gives every statutory holiday of the year off', () => {
      const statutory = [
        `${year}-01-01`,
        LUNAR_NEW_YEAR[year],
        QINGMING[year],
        `${year}-05-01`,
        DRAGON_BOAT[year],
        MID_AUTUMN[year],
        `${year}-10-01`,
        `${year}-10-02`,
        `${year}-10-03`,
      ]
      for (const date of statutory) expect(table.holidays).toContain(date)
    })

    it('gives at least seven days off in a row around the Spring Festival', () => {
      const newYear = dayNumber(LUNAR_NEW_YEAR[year] as string)
      let from = newYear
      while (table.holidays.includes(dateOf(from - 1))) from -= 1
      let to = newYear
      while (table.holidays.includes(dateOf(to + 1))) to += 1
      expect(to - from + 1).toBeGreaterThanOrEqual(7)
    })
  })

  it('never calls the same date a day off in one notice and a working day in another', () => {
    const all = HOLIDAY_YEARS.flatMap((table) => [...table.holidays, ...table.workdays])
    expect(new Set(all).size).toBe(all.length)
  })

  it('carries the 2019 Labour Day change and the 2020 Spring Festival extension', () => {
    const table = (year: number) => HOLIDAY_YEARS.find((t) => t.year === year) as HolidayYear
    // 国务院办公厅关于调整2019年劳动节假期安排的通知: 1 to 4 May off, Sundays 28 April and 5 May worked.
    expect(table(2019).holidays).toEqual(expect.arrayContaining(['2019-05-01', '2019-05-02', '2019-05-03', '2019-05-04']))
    expect(table(2019).workdays).toEqual(expect.arrayContaining(['2019-04-28', '2019-05-05']))
    expect(table(2019).amendedBy).toEqual(['国务院办公厅关于调整2019年劳动节假期安排的通知'])
    // 国务院办公厅关于延长2020年春节假期的通知: off to Sunday 2 February, so Saturday 1 February is not worked.
    expect(table(2020).holidays).toEqual(expect.arrayContaining(['2020-01-31', '2020-02-01', '2020-02-02']))
    expect(table(2020).workdays).not.toContain('2020-02-01')
    expect(table(2020).amendedBy).toEqual(['国务院办公厅关于延长2020年春节假期的通知'])
  })

  it('from 2025 adds the Spring Festival eve and 2 May, and 2025 adds a day to each break (国办发明电〔2024〕12号)', () => {
    const eve: Record<number, string> = { 2025: '2025-01-28', 2026: '2026-02-16' }
    for (const table of HOLIDAY_YEARS.filter((t) => t.year >= 2025)) {
      expect(table.holidays).toContain(eve[table.year])
      expect(table.holidays).toContain(`${table.year}-05-02`)
    }
    const t2025 = HOLIDAY_YEARS.find((t) => t.year === 2025) as HolidayYear
    // Spring Festival 28 January to 4 February is 8 days; Labour Day 1 to 5 May is 5 days.
    expect(t2025.holidays.filter((d) => d >= '2025-01-28' && d <= '2025-02-04')).toHaveLength(8)
    expect(t2025.holidays.filter((d) => d >= '2025-05-01' && d <= '2025-05-05')).toHaveLength(5)
  })

  it('from 2025 never has more than six working days in a row; 2023 still had seven', () => {
    for (const table of HOLIDAY_YEARS.filter((t) => t.year >= 2025)) {
      expect(longestWorkingRun(table).length).toBeLessThanOrEqual(6)
    }
    // 2023: Saturday 28 and Sunday 29 January worked, then Monday 30 January to Friday 3 February.
    const t2023 = HOLIDAY_YEARS.find((t) => t.year === 2023) as HolidayYear
    expect(longestWorkingRun(t2023)).toEqual({ length: 7, from: '2023-01-28', to: '2023-02-03' })
  })
})
