import { noticeHasEnded, PUBLIC_NOTICE_SOURCE, PUBLIC_NOTICE_WORKING_DAYS, publicNoticeEnd, publicNoticePeriod } from './public-notice'

/*
 * Every expected date below was counted by hand on a paper calendar against the notice cited
 * beside it; the day-by-day count is written out so a reviewer can redo it.
 */
describe('publicNoticeEnd, 7 working days', () => {
  it('is 7 working days by default [policy.md, ext 2017]', () => {
    expect(PUBLIC_NOTICE_WORKING_DAYS).toBe(7)
    expect(PUBLIC_NOTICE_SOURCE).toContain('公示7个工作日')
    expect(publicNoticeEnd('2025-03-05')).toBe(publicNoticeEnd('2025-03-05', 7))
  })

  it('counts a working-day start as day 1 and skips the weekend', () => {
    // Wed 3-05 d1, Thu d2, Fri d3, (Sat, Sun), Mon 3-10 d4, Tue d5, Wed d6, Thu 3-13 d7.
    expect(publicNoticeEnd('2025-03-05')).toBe('2025-03-13')
  })

  it('starts a weekend start on the Monday after', () => {
    // Sat 3-01, Sun 3-02 skipped; Mon 3-03 d1 … Fri 3-07 d5, Mon 3-10 d6, Tue 3-11 d7.
    expect(publicNoticePeriod('2025-03-01')).toEqual({
      start: '2025-03-03',
      end: '2025-03-11',
      holidaysKnown: true,
      yearsWithoutData: [],
    })
  })

  it('crosses the 2025 Spring Festival, counting both make-up days', () => {
    // 国办发明电〔2024〕12号: 1月28日至2月4日放假; 1月26日（周日）、2月8日（周六）上班.
    // Fri 1-24 d1, (Sat 1-25), Sun 1-26 d2, Mon 1-27 d3, (1-28 … 2-04 off), Wed 2-05 d4,
    // Thu 2-06 d5, Fri 2-07 d6, Sat 2-08 d7.
    expect(publicNoticeEnd('2025-01-24')).toBe('2025-02-08')
  })

  it('starts on a make-up Saturday as day 1', () => {
    // 2025-02-08 is a working Saturday: Sat 2-08 d1, (Sun), Mon 2-10 d2 … Fri 2-14 d6, Mon 2-17 d7.
    expect(publicNoticePeriod('2025-02-08')).toMatchObject({ start: '2025-02-08', end: '2025-02-17' })
  })

  it('crosses the 2026 Spring Festival of nine days', () => {
    // 国办发明电〔2025〕7号: 2月15日至23日放假; 2月14日（周六）、2月28日（周六）上班.
    // Wed 2-11 d1, Thu d2, Fri d3, Sat 2-14 d4, (2-15 … 2-23 off), Tue 2-24 d5, Wed d6, Thu 2-26 d7.
    expect(publicNoticeEnd('2026-02-11')).toBe('2026-02-26')
  })

  it('uses the 2020 extension: Saturday 1 February 2020 was no longer worked', () => {
    // 国办发明电〔2019〕16号 + 国务院办公厅关于延长2020年春节假期的通知: off 1-24 … 2-02.
    // Mon 1-20 d1 … Thu 1-23 d4, (1-24 … 2-02 off), Mon 2-03 d5, Tue d6, Wed 2-05 d7.
    // Under the first notice alone Sat 2-01 would have been d5 and the end 2-04.
    expect(publicNoticeEnd('2020-01-20')).toBe('2020-02-05')
  })

  it('starts inside the 2024 National Day holiday on the first working day after it', () => {
    // 国办发明电〔2023〕7号: 10月1日至7日放假; 10月12日（星期六）上班.
    // Tue 10-08 d1, Wed d2, Thu d3, Fri d4, Sat 10-12 d5, (Sun), Mon 10-14 d6, Tue 10-15 d7.
    expect(publicNoticePeriod('2024-10-03')).toEqual({
      start: '2024-10-08',
      end: '2024-10-15',
      holidaysKnown: true,
      yearsWithoutData: [],
    })
  })

  it('crosses the 2023 Mid-Autumn and National Day break with two make-up days after it', () => {
    // 国办发明电〔2022〕16号: 9月29日至10月6日放假; 10月7日（星期六）、10月8日（星期日）上班.
    // Mon 9-25 d1 … Thu 9-28 d4, (9-29 … 10-06 off), Sat 10-07 d5, Sun 10-08 d6, Mon 10-09 d7.
    expect(publicNoticeEnd('2023-09-25')).toBe('2023-10-09')
  })

  it('crosses into the next year with the 2019 New Year arrangement', () => {
    // 国办发明电〔2018〕15号: 2018-12-30 至 2019-01-01 放假; 2018-12-29（星期六）上班.
    // Thu 12-27 d1, Fri d2, Sat 12-29 d3, (12-30 … 1-01 off), Wed 1-02 d4, Thu d5, Fri d6, Mon 1-07 d7.
    expect(publicNoticePeriod('2018-12-27')).toEqual({
      start: '2018-12-27',
      end: '2019-01-07',
      holidaysKnown: true,
      yearsWithoutData: [],
    })
  })
})

describe('publicNoticePeriod, other lengths', () => {
  it('with 1 working day ends on the start when it is a working day', () => {
    expect(publicNoticePeriod('2025-03-05', 1)).toMatchObject({ start: '2025-03-05', end: '2025-03-05' })
  })

  it('with 1 working day ends on the first working day after a weekend or holiday start', () => {
    expect(publicNoticeEnd('2025-03-02', 1)).toBe('2025-03-03')
    // 2025-10-01 … 10-08 off: Thu 10-09.
    expect(publicNoticeEnd('2025-10-01', 1)).toBe('2025-10-09')
  })

  it('counts longer periods on the same calendar', () => {
    // 15 working days from Mon 2025-04-21: 4-21…25 (5), Sun 4-27 make-up (6), 4-28…30 (9),
    // (5-01 … 5-05 off), 5-06…09 (13), 5-12 (14), 5-13 (15).
    expect(publicNoticeEnd('2025-04-21', 15)).toBe('2025-05-13')
  })
})

describe('publicNoticePeriod without holiday data', () => {
  it('falls back to weekends only and says so', () => {
    // No 2030 notice: Sat 6-01 skipped, Mon 6-03 d1 … Fri 6-07 d5, Mon 6-10 d6, Tue 6-11 d7.
    expect(publicNoticePeriod('2030-06-01')).toEqual({
      start: '2030-06-03',
      end: '2030-06-11',
      holidaysKnown: false,
      yearsWithoutData: [2030],
    })
  })

  it('counts an unknown National Day as working days, and flags it', () => {
    // Tue 10-01 d1 … Fri 10-04 d4, Mon 10-07 d5, Tue d6, Wed 10-09 d7: the holidays are not skipped.
    expect(publicNoticePeriod('2030-10-01')).toMatchObject({ end: '2030-10-09', holidaysKnown: false })
  })

  it('flags a period that starts in a year without data but still skips the next year’s holiday', () => {
    // Mon 2016-12-26 d1 … Fri 12-30 d5, (Sat, Sun, Mon 2017-01-02 补休), Tue 1-03 d6, Wed 1-04 d7.
    expect(publicNoticePeriod('2016-12-26')).toEqual({
      start: '2016-12-26',
      end: '2017-01-04',
      holidaysKnown: false,
      yearsWithoutData: [2016],
    })
  })

  it('flags a period reaching the last days of December when next year’s notice is missing', () => {
    // Mon 2026-12-21 d1 … Fri 12-25 d5, Mon 12-28 d6, Tue 12-29 d7: the 2027 notice could move 12-29.
    expect(publicNoticePeriod('2026-12-21')).toEqual({
      start: '2026-12-21',
      end: '2026-12-29',
      holidaysKnown: false,
      yearsWithoutData: [2027],
    })
    // Fri 12-18 d1, 12-21 … 12-25 d2 … d6, Mon 12-28 d7: stops before 12-29, so it is known.
    expect(publicNoticePeriod('2026-12-18')).toMatchObject({ end: '2026-12-28', holidaysKnown: true })
  })

  it('lists every missing year, ascending, when the period needs two notices that are both missing', () => {
    // Mon 2030-12-23 d1 … Fri 12-27 d5, Mon 12-30 d6, Tue 12-31 d7: the 2030 and 2031 notices.
    expect(publicNoticePeriod('2030-12-23')).toEqual({
      start: '2030-12-23',
      end: '2030-12-31',
      holidaysKnown: false,
      yearsWithoutData: [2030, 2031],
    })
  })
})

describe('publicNoticePeriod refuses bad input', () => {
  it.each(['2025-02-29', '2025-13-01', '2025-1-6', '2025/01/06', '20250106', '', 'today'])(
    'start %j → RangeError naming the expected format',
    (bad) => {
      expect(() => publicNoticePeriod(bad)).toThrow(RangeError)
      expect(() => publicNoticeEnd(bad)).toThrow(/公示开始日期.*YYYY-MM-DD/)
    },
  )

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 367])('workingDays %p → RangeError', (bad) => {
    expect(() => publicNoticePeriod('2025-03-05', bad)).toThrow(RangeError)
    expect(() => publicNoticeEnd('2025-03-05', bad)).toThrow(/公示工作日数/)
  })

  it('accepts the largest allowed length', () => {
    expect(() => publicNoticePeriod('2025-03-05', 366)).not.toThrow()
  })
})

describe('noticeHasEnded: payment from the day after the notice [seed 四(一) 4]', () => {
  it('not on the last day of the notice, from the next day on, across a month and a year', () => {
    expect(noticeHasEnded('2026-12-08', '2026-12-08')).toBe(false)
    expect(noticeHasEnded('2026-12-08', '2026-12-07')).toBe(false)
    expect(noticeHasEnded('2026-12-08', '2026-12-09')).toBe(true)
    expect(noticeHasEnded('2026-11-30', '2026-12-01')).toBe(true)
    expect(noticeHasEnded('2026-12-31', '2027-01-01')).toBe(true)
  })
})
