import fc from 'fast-check'
import { addMonths, formatChineseMonth, isYearMonth, monthOf, monthRange, monthsBetween, parseMonth } from './month'

describe('months as YYYY-MM', () => {
  it.each([
    ['2026-12', true],
    ['2026-01', true],
    ['0001-01', true],
    ['2026-13', false],
    ['2026-00', false],
    ['0000-05', false],
    ['2026-1', false],
    ['2026/12', false],
    ['2026-12-01', false],
    [' 2026-12', false],
    [202612, false],
    [undefined, false],
  ])('%p → %p', (value, expected) => {
    expect(isYearMonth(value)).toBe(expected)
  })

  it('adds, subtracts and counts across years', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01')
    expect(addMonths('2026-01', -1)).toBe('2025-12')
    expect(addMonths('2026-02', 35)).toBe('2029-01')
    expect(monthsBetween('2026-02', '2029-01')).toBe(35)
    expect(monthsBetween('2027-01', '2026-11')).toBe(-2)
    expect(monthRange('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02'])
    expect(monthRange('2026-11', '2026-10')).toEqual([])
    expect(monthOf('2026-02-28')).toBe('2026-02')
    expect(formatChineseMonth('2026-02')).toBe('2026年2月')
  })

  it('addMonths and monthsBetween are inverse (property)', () => {
    const month = fc.tuple(fc.integer({ min: 1000, max: 9000 }), fc.integer({ min: 1, max: 12 })).map(
      ([y, m]) => `${y}-${String(m).padStart(2, '0')}`,
    )
    fc.assert(
      fc.property(month, fc.integer({ min: -600, max: 600 }), (from, n) => {
        const to = addMonths(from, n)
        expect(isYearMonth(to)).toBe(true)
        expect(monthsBetween(from, to)).toBe(n)
        expect(monthRange(from, to)).toHaveLength(Math.max(0, n + 1))
      }),
    )
  })
})

describe('parseMonth: the month of a payment run', () => {
  const today = '2026-12-01'

  it('takes this month and earlier months back to the policy’s start', () => {
    expect(parseMonth('2026-12', { today })).toEqual({ ok: true, value: '2026-12' })
    expect(parseMonth(' 2026-11 ', { today })).toEqual({ ok: true, value: '2026-11' })
    expect(parseMonth('2017-11', { today })).toEqual({ ok: true, value: '2017-11' })
  })

  it.each([['2026-13'], ['2026-1'], ['十二月'], [''], ['2026-12-01']])('refuses the malformed %p, naming it', (input) => {
    const result = parseMonth(input, { today })
    expect(result).toMatchObject({ ok: false, error: { code: 'MONTH_FORMAT' } })
    expect(!result.ok && result.error.message).toContain(`“${input}”`)
  })

  it('refuses what is not a string at all', () => {
    expect(parseMonth(202612, { today })).toMatchObject({ ok: false, error: { code: 'MONTH_FORMAT', message: expect.stringContaining('空值') } })
  })

  it('refuses a month after today’s month, naming both', () => {
    expect(parseMonth('2027-01', { today })).toEqual({
      ok: false,
      error: { code: 'MONTH_IN_FUTURE', message: '2027年1月还没有到（今天是2026年12月1日），只能发放2026年12月及以前的月份。' },
    })
  })

  it('refuses a month before the policy took effect (2017-11, the 2017 text), naming it', () => {
    expect(parseMonth('2017-10', { today })).toEqual({
      ok: false,
      error: { code: 'MONTH_BEFORE_POLICY', message: '2017年10月早于生活补贴政策施行的2017年11月，这个月份没有可发放的补贴。' },
    })
  })

  it('bounds by a given policy version', () => {
    expect(parseMonth('2023-12', { today, policy: '2024' })).toMatchObject({ ok: false, error: { code: 'MONTH_BEFORE_POLICY' } })
    expect(parseMonth('2024-01', { today, policy: '2024' })).toEqual({ ok: true, value: '2024-01' })
  })

  it('throws on a bad today: that is the caller’s bug, not the user’s', () => {
    expect(() => parseMonth('2026-12', { today: '2026-12' })).toThrow(RangeError)
  })
})
