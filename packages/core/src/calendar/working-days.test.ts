import { holidayArrangementKnown, holidayCalendarCovers, isWorkingDay, noticeYearsFor } from './working-days'

describe('isWorkingDay', () => {
  it('counts Monday to Friday and not the weekend when no notice says otherwise', () => {
    expect(isWorkingDay('2025-03-03')).toBe(true) // Monday
    expect(isWorkingDay('2025-03-07')).toBe(true) // Friday
    expect(isWorkingDay('2025-03-08')).toBe(false) // Saturday
    expect(isWorkingDay('2025-03-09')).toBe(false) // Sunday
  })

  it('skips statutory holidays on weekdays', () => {
    // 国办发明电〔2024〕12号: 国庆节、中秋节 10月1日（周三）至8日（周三）.
    expect(isWorkingDay('2025-10-08')).toBe(false)
    // 国办发明电〔2016〕17号: 元旦 1月1日放假，1月2日（星期一）补休.
    expect(isWorkingDay('2017-01-02')).toBe(false)
  })

  it('counts the weekend days a notice makes working days', () => {
    expect(isWorkingDay('2025-01-26')).toBe(true) // 春节, 1月26日（周日）上班
    expect(isWorkingDay('2026-02-28')).toBe(true) // 春节, 2月28日（周六）上班
    expect(isWorkingDay('2025-10-12')).toBe(false) // an ordinary Sunday after the 2025-10-11 make-up day
  })

  it('applies the 2019 notice to the last days of 2018', () => {
    // 国办发明电〔2018〕15号: 2018年12月30日至2019年1月1日放假调休; 2018年12月29日（星期六）上班.
    expect(isWorkingDay('2018-12-29')).toBe(true)
    expect(isWorkingDay('2018-12-31')).toBe(false)
  })

  it('treats an eve the notice only encourages employers to give as a working day', () => {
    // 2024: the notice encouraged leave on 除夕 (Friday 9 February) but did not make it a holiday.
    expect(isWorkingDay('2024-02-09')).toBe(true)
  })

  it.each([undefined, null, 20250203])('refuses %p, which is not even a string, the same way', (bad) => {
    expect(() => isWorkingDay(bad as unknown as string)).toThrow(/YYYY-MM-DD/)
  })

  it('falls back to weekends alone in a year without a notice', () => {
    expect(isWorkingDay('2030-10-01')).toBe(true) // a Tuesday; the 2030 National Day is not known
    expect(isWorkingDay('2030-06-01')).toBe(false) // Saturday
  })

  it.each(['2025-02-30', '2025-2-3', '2025/02/03', '', ' 2025-02-03', '2025-02-03T00:00', '二〇二五年'])(
    'refuses %j with a RangeError that says what to send',
    (bad) => {
      expect(() => isWorkingDay(bad)).toThrow(RangeError)
      expect(() => isWorkingDay(bad)).toThrow(/YYYY-MM-DD/)
    },
  )
})

describe('holidayCalendarCovers', () => {
  it('is true for the years with a notice in the table and false around them', () => {
    for (let year = 2017; year <= 2026; year += 1) expect(holidayCalendarCovers(year)).toBe(true)
    expect(holidayCalendarCovers(2016)).toBe(false)
    expect(holidayCalendarCovers(2027)).toBe(false)
  })
})

describe('holidayArrangementKnown', () => {
  it('needs the next notice too for the last days of December', () => {
    expect(noticeYearsFor('2026-12-28')).toEqual([2026])
    expect(noticeYearsFor('2026-12-29')).toEqual([2026, 2027])
    expect(holidayArrangementKnown('2026-12-28')).toBe(true)
    expect(holidayArrangementKnown('2026-12-29')).toBe(false) // the 2027 notice is not in the table
    expect(holidayArrangementKnown('2018-12-29')).toBe(true)
  })

  it('is false for a year without a notice', () => {
    expect(holidayArrangementKnown('2016-06-01')).toBe(false)
    expect(holidayArrangementKnown('2030-06-03')).toBe(false)
    expect(holidayArrangementKnown('2017-01-03')).toBe(true)
  })

  it('refuses a malformed date', () => {
    expect(() => holidayArrangementKnown('2026-13-01')).toThrow(RangeError)
  })
})
