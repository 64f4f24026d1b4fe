import { formatDate, formatDateTime, formatMonth, formatYuan } from '@/utils/format'

describe('formatDate', () => {
  it('shows a plain date as written', () => {
    expect(formatDate('2024-06-30')).toBe('2024年6月30日')
  })

  it('shows a server timestamp as its date in China Standard Time, not the UTC date', () => {
    expect(formatDate('2026-12-08T17:00:00.000Z')).toBe('2026年12月9日')
    expect(formatDate('2026-12-08T15:59:59Z')).toBe('2026年12月8日')
    expect(formatDate('2026-12-31T16:00:00Z')).toBe('2027年1月1日')
    expect(formatDate('2026-12-09T08:30:00+08:00')).toBe('2026年12月9日')
  })

  it('leaves what it cannot read alone, and empty as empty', () => {
    expect(formatDate('明天')).toBe('明天')
    expect(formatDate(undefined)).toBe('')
    // dayjs would roll 2 月 30 日 over to 3 月 2 日: a date not on the calendar is shown as it came.
    expect(formatDate('2025-02-30')).toBe('2025-02-30')
  })
})

describe('formatDateTime', () => {
  it('shows a server timestamp with its time in China Standard Time, in dayjs’s zh-cn words', () => {
    expect(formatDateTime('2026-12-09T00:30:00Z')).toBe('2026年12月9日早上8点30分')
    expect(formatDateTime('2026-12-09T02:05:00Z')).toBe('2026年12月9日上午10点05分')
    expect(formatDateTime('2026-12-09T07:05:00Z')).toBe('2026年12月9日下午3点05分')
    expect(formatDateTime('2024-06-30')).toBe('2024年6月30日')
    expect(formatDateTime('不是时间')).toBe('不是时间')
    expect(formatDateTime(undefined)).toBe('')
  })
})

describe('formatMonth', () => {
  it('shows a payment month', () => {
    expect(formatMonth('2026-09')).toBe('2026年9月')
    expect(formatMonth('2026-13')).toBe('2026-13')
    expect(formatMonth(undefined)).toBe('')
  })
})

describe('formatYuan', () => {
  it('groups thousands', () => {
    expect(formatYuan(1500)).toBe('1,500元')
  })
})
