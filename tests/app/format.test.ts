import { formatDate, formatYuan } from '@/utils/format'

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
  })
})

describe('formatYuan', () => {
  it('groups thousands', () => {
    expect(formatYuan(1500)).toBe('1,500元')
  })
})
