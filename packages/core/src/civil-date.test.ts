import fc from 'fast-check'
import {
  addYears,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  firstOfMonthAfter,
  fromDayNumber,
  isLeapYear,
  toDayNumber,
  weekdayOf,
} from './civil-date'

/*
 * The reference is the JavaScript `Date` in UTC, which implements the proleptic Gregorian
 * calendar on its own (ECMA-262 MakeDay / YearFromTime), independently of the code under test.
 * Only the tests use it; core never does. `setUTCFullYear` is used instead of `Date.UTC`, which
 * would read the years 0-99 as 1900-1999.
 */
const MS_PER_DAY = 86_400_000

function referenceDate(year: number, month: number, day: number): Date {
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  return date
}

function referenceParts(days: number): [number, number, number] {
  const date = new Date(days * MS_PER_DAY)
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]
}

function referenceIso(days: number): string {
  const [year, month, day] = referenceParts(days)
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** 0001-01-01 and 9999-12-31: the range a 'YYYY-MM-DD' string can name. */
const FIRST_DAY = referenceDate(1, 1, 1).getTime() / MS_PER_DAY
const LAST_DAY = referenceDate(9999, 12, 31).getTime() / MS_PER_DAY
const dayArb = fc.integer({ min: FIRST_DAY, max: LAST_DAY })
const isoArb = dayArb.map(referenceIso)

describe('day numbers', () => {
  it('count from 1970-01-01 as day 0', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0)
    expect(daysFromCivil(1969, 12, 31)).toBe(-1)
    expect(daysFromCivil(2000, 3, 1)).toBe(11017)
    expect(daysFromCivil(1, 1, 1)).toBe(-719162)
    expect(daysFromCivil(9999, 12, 31)).toBe(2932896)
    expect(civilFromDays(0)).toEqual([1970, 1, 1])
    expect(civilFromDays(-719162)).toEqual([1, 1, 1])
  })

  it('agree with Date on every day from 0001-01-01 to 9999-12-31', () => {
    fc.assert(
      fc.property(dayArb, (days) => {
        expect(civilFromDays(days)).toEqual(referenceParts(days))
        expect(fromDayNumber(days)).toBe(referenceIso(days))
        expect(daysFromCivil(...civilFromDays(days))).toBe(days)
        expect(toDayNumber(fromDayNumber(days))).toBe(days)
      }),
      { numRuns: 5000 },
    )
  })

  it('step across every month end and year end of 1899 to 2101 like Date', () => {
    let days = referenceDate(1899, 1, 1).getTime() / MS_PER_DAY
    const end = referenceDate(2101, 12, 31).getTime() / MS_PER_DAY
    const wrong: string[] = []
    for (; days <= end; days += 1) if (fromDayNumber(days) !== referenceIso(days)) wrong.push(referenceIso(days))
    expect(wrong).toEqual([])
    expect(days - 1).toBe(toDayNumber('2101-12-31'))
  })
})

describe('toDayNumber', () => {
  it('reads real dates only, and every date Date reads without rolling over', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, day) => {
          const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
          const reference = referenceDate(year, month, day)
          const exists = reference.getUTCMonth() === month - 1
          expect(toDayNumber(iso)).toBe(exists ? reference.getTime() / MS_PER_DAY : undefined)
        },
      ),
      { numRuns: 5000 },
    )
  })

  it('knows the leap years: 1900 and 2100 are common, 2000 and 2024 leap', () => {
    expect([1900, 2000, 2023, 2024, 2100, 2400].map(isLeapYear)).toEqual([false, true, false, true, false, true])
    expect(toDayNumber('1900-02-29')).toBeUndefined()
    expect(toDayNumber('2100-02-29')).toBeUndefined()
    expect(toDayNumber('2023-02-29')).toBeUndefined()
    expect(fromDayNumber((toDayNumber('2000-02-28') as number) + 1)).toBe('2000-02-29')
    expect(fromDayNumber((toDayNumber('2024-02-28') as number) + 1)).toBe('2024-02-29')
    expect(fromDayNumber((toDayNumber('1900-02-28') as number) + 1)).toBe('1900-03-01')
    expect(fromDayNumber((toDayNumber('2100-02-28') as number) + 1)).toBe('2100-03-01')
  })

  it('knows the last day of every month', () => {
    for (const year of [1900, 2000, 2023, 2024, 2100]) {
      for (let month = 1; month <= 12; month += 1) {
        const last = referenceDate(year, month + 1, 0).getUTCDate()
        expect(daysInMonth(year, month)).toBe(last)
        const lastIso = `${year}-${String(month).padStart(2, '0')}-${last}`
        expect(toDayNumber(lastIso)).toBeDefined()
        expect(toDayNumber(`${year}-${String(month).padStart(2, '0')}-${last + 1}`)).toBeUndefined()
        const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`
        expect(fromDayNumber((toDayNumber(lastIso) as number) + 1)).toBe(next)
      }
    }
  })

  it.each([
    '2025-02-30',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '0000-01-01',
    '2025-1-5',
    '2025/01/05',
    '20250105',
    ' 2025-01-05',
    '2025-01-05T00:00',
    '２０２５-01-05',
    '',
  ])('refuses %j', (bad) => {
    expect(toDayNumber(bad)).toBeUndefined()
  })
})

describe('weekdayOf', () => {
  it.each([
    ['1970-01-01', 4], // Thursday
    ['1949-10-01', 6], // Saturday
    ['2000-01-01', 6], // Saturday
    ['2024-02-29', 4], // Thursday
    ['2025-01-26', 0], // Sunday, a make-up working day of the 2025 Spring Festival
    ['2026-02-17', 2], // Tuesday, the 2026 Spring Festival
    ['0001-01-01', 1], // Monday
  ])('%s is day %i of the week (0 = Sunday)', (iso, weekday) => {
    expect(weekdayOf(toDayNumber(iso) as number)).toBe(weekday)
  })

  it('agrees with Date on every day, before 1970 too', () => {
    fc.assert(
      fc.property(dayArb, (days) => {
        expect(weekdayOf(days)).toBe(new Date(days * MS_PER_DAY).getUTCDay())
      }),
      { numRuns: 2000 },
    )
  })
})

describe('addYears', () => {
  it('keeps the day and month', () => {
    expect(addYears('2024-06-30', 3)).toBe('2027-06-30')
    expect(addYears('2023-12-31', 1)).toBe('2024-12-31')
    expect(addYears('1998-05-10', 35)).toBe('2033-05-10')
  })

  it('clamps 29 February to 28 February in a common year', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28')
    expect(addYears('1992-02-29', 35)).toBe('2027-02-28')
    expect(addYears('2000-02-29', 100)).toBe('2100-02-28')
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29')
    expect(addYears('1996-02-29', 4)).toBe('2000-02-29')
  })

  it('agrees with Date, clamped to the end of the month', () => {
    fc.assert(
      fc.property(isoArb, fc.integer({ min: 0, max: 200 }), (iso, years) => {
        const [year, month, day] = iso.split('-').map(Number) as [number, number, number]
        const last = referenceDate(year + years, month + 1, 0).getUTCDate()
        const expected = referenceDate(year + years, month, Math.min(day, last))
        expect(addYears(iso, years)).toBe(referenceIso(expected.getTime() / MS_PER_DAY))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('firstOfMonthAfter', () => {
  it('steps to the 1st of a later month, across year ends', () => {
    expect(firstOfMonthAfter('2026-11-28', 1)).toBe('2026-12-01')
    expect(firstOfMonthAfter('2026-11-28', 2)).toBe('2027-01-01')
    expect(firstOfMonthAfter('2024-12-31', 1)).toBe('2025-01-01')
    expect(firstOfMonthAfter('2025-01-31', 1)).toBe('2025-02-01')
    expect(firstOfMonthAfter('2025-01-31', 13)).toBe('2026-02-01')
    expect(firstOfMonthAfter('2025-03-01', 0)).toBe('2025-03-01')
  })

  it('agrees with Date', () => {
    fc.assert(
      fc.property(isoArb, fc.integer({ min: 0, max: 600 }), (iso, months) => {
        const [year, month] = iso.split('-').map(Number) as [number, number]
        const expected = referenceDate(year, month + months, 1)
        expect(firstOfMonthAfter(iso, months)).toBe(referenceIso(expected.getTime() / MS_PER_DAY))
      }),
      { numRuns: 2000 },
    )
  })
})
