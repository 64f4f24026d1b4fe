import { daysInMonth, formatChineseDate, isCalendarDate, isIsoDate, isLeapYear, parseIsoDate } from './date'

describe('parseIsoDate', () => {
  it('accepts a real date and trims it', () => {
    expect(parseIsoDate(' 2024-02-29 ')).toEqual({ ok: true, value: '2024-02-29' })
    expect(parseIsoDate('2000-02-29')).toEqual({ ok: true, value: '2000-02-29' })
    expect(parseIsoDate('2023-12-31')).toEqual({ ok: true, value: '2023-12-31' })
  })

  it.each([
    ['2023-02-29', 'not a leap year'],
    ['1900-02-29', 'century not divisible by 400'],
    ['2023-04-31', 'April has 30 days'],
    ['2023-13-01', 'month 13'],
    ['2023-00-10', 'month 0'],
    ['2023-01-00', 'day 0'],
    ['2023-1-5', 'no zero padding'],
    ['2023/01/05', 'slashes'],
    ['20230105', 'no separators'],
    ['2023-01-05T00:00', 'time of day'],
    ['0000-01-01', 'year 0'],
    ['abcd-ef-gh', 'letters'],
  ])('refuses %s (%s) with DATE_FORMAT', (input) => {
    const result = parseIsoDate(input)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('DATE_FORMAT')
      expect(result.error.message).toContain('年-月-日')
    }
  })

  it('asks for a date when there is none', () => {
    for (const input of ['', '   ', undefined as unknown as string, 20230105 as unknown as string]) {
      const result = parseIsoDate(input)
      expect(result).toEqual({ ok: false, error: { code: 'DATE_FORMAT', message: expect.stringContaining('请填写日期') } })
    }
  })

  it('applies notAfter inclusively', () => {
    expect(parseIsoDate('2025-06-30', { notAfter: '2025-06-30' }).ok).toBe(true)
    expect(parseIsoDate('2025-07-01', { notAfter: '2025-06-30' })).toEqual({
      ok: false,
      error: { code: 'DATE_TOO_LATE', message: expect.stringContaining('不能晚于2025年6月30日') },
    })
  })

  it('applies notBefore inclusively', () => {
    expect(parseIsoDate('1900-01-01', { notBefore: '1900-01-01' }).ok).toBe(true)
    expect(parseIsoDate('1899-12-31', { notBefore: '1900-01-01' })).toEqual({
      ok: false,
      error: { code: 'DATE_TOO_EARLY', message: expect.stringContaining('不能早于1900年1月1日') },
    })
  })

  it('reports the format before the bounds', () => {
    const result = parseIsoDate('2099-02-30', { notAfter: '2025-01-01' })
    expect(!result.ok && result.error.code).toBe('DATE_FORMAT')
  })
})

describe('calendar helpers', () => {
  it('knows the Gregorian leap years', () => {
    expect([1900, 2000, 2023, 2024, 2100, 2400].map(isLeapYear)).toEqual([false, true, false, true, false, true])
  })

  it('knows the length of every month', () => {
    expect(Array.from({ length: 12 }, (_, i) => daysInMonth(2023, i + 1))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ])
    expect(daysInMonth(2024, 2)).toBe(29)
  })

  it('rejects non-integers and out-of-range parts', () => {
    expect(isCalendarDate(2023, 1.5, 1)).toBe(false)
    expect(isCalendarDate(2023, 1, 32)).toBe(false)
    expect(isCalendarDate(0, 1, 1)).toBe(false)
    expect(isIsoDate('2023-06-15')).toBe(true)
    expect(isIsoDate('2023-06-31')).toBe(false)
  })

  it('writes dates the Chinese way for messages', () => {
    expect(formatChineseDate('2017-01-01')).toBe('2017年1月1日')
    expect(formatChineseDate('2024-12-25')).toBe('2024年12月25日')
  })
})
