/** GET /staff/talent/stats → the leader's chart options (packages/console/src/pages/talent-leader/chart-options.ts). */
import type { TalentBureauStats, TalentMonthStats } from '@zhihui/core'
import {
  confirmTimeOption,
  monthTotals,
  NO_VALUE,
  percent,
  ratesOption,
  requestsOption,
  trendOption,
} from '../../packages/console/src/pages/talent-leader/chart-options'

const bureau = (over: Partial<TalentBureauStats>): TalentBureauStats => ({
  bureau: '教育局',
  requests: 0,
  done: 0,
  ratings: 0,
  satisfactionRate: null,
  complaintRate: null,
  complaints: 0,
  overdueComplaints: 0,
  overdueConfirmations: 0,
  meanHoursToConfirm: null,
  ...over,
})

const bureaus = [
  bureau({ bureau: '教育局', requests: 7, done: 6, ratings: 6, satisfactionRate: 5 / 6, complaintRate: 1 / 6, complaints: 1, overdueComplaints: 1, meanHoursToConfirm: 2.26 }),
  bureau({ bureau: '卫健委' }),
]

type Series = { name: string; type: string; data: unknown[]; yAxisIndex?: number }
const series = (option: Record<string, unknown>) => option.series as Series[]

describe('the leader charts', () => {
  it('rounds rates to one decimal of a percent, and leaves no data as a gap, not 0', () => {
    expect(percent(5 / 6)).toBe(83.3)
    expect(percent(1)).toBe(100)
    expect(percent(0)).toBe(0)
    expect(percent(null)).toBe(NO_VALUE)
  })

  it('puts every bureau side by side: requests, done, overdue complaints', () => {
    const option = requestsOption(bureaus) as Record<string, unknown>
    expect((option.xAxis as { data: string[] }).data).toEqual(['教育局', '卫健委'])
    expect(series(option).map((s) => [s.name, s.type, s.data])).toEqual([
      ['服务请求', 'bar', [7, 0]],
      ['已完成', 'bar', [6, 0]],
      ['投诉超期', 'bar', [1, 0]],
    ])
  })

  it('draws satisfaction and complaint rates in percent on a 0–100 axis', () => {
    const option = ratesOption(bureaus) as Record<string, unknown>
    expect(option.yAxis).toMatchObject({ min: 0, max: 100 })
    expect(series(option).map((s) => [s.name, s.data])).toEqual([
      ['满意率', [83.3, NO_VALUE]],
      ['投诉率', [16.7, NO_VALUE]],
    ])
  })

  it('draws the mean time to confirm in hours', () => {
    expect(series(confirmTimeOption(bureaus) as Record<string, unknown>)[0]?.data).toEqual([2.3, NO_VALUE])
  })

  it('sums the months over bureaus and recomputes the rates from the counts', () => {
    const month = (over: Partial<TalentMonthStats>): TalentMonthStats => ({ ...bureau({}), month: '2026-11', ...over })
    const trend = [
      month({ month: '2026-12', bureau: '教育局', requests: 2, done: 1, ratings: 1, satisfactionRate: 0, complaintRate: 1, complaints: 1 }),
      month({ month: '2026-11', bureau: '教育局', requests: 3, done: 3, ratings: 3, satisfactionRate: 1, complaintRate: 0 }),
      month({ month: '2026-11', bureau: '卫健委', requests: 1, done: 1, ratings: 1, satisfactionRate: 0, complaintRate: 0 }),
      month({ month: '2026-10', bureau: '卫健委', requests: 1 }),
    ]
    const months = monthTotals(trend)
    expect(months.map((m) => [m.month, m.requests, m.done, m.ratings, m.satisfactionRate, m.complaintRate])).toEqual([
      ['2026-10', 1, 0, 0, null, null],
      ['2026-11', 4, 4, 4, 0.75, 0],
      ['2026-12', 2, 1, 1, 0, 1],
    ])
    const option = trendOption(months) as Record<string, unknown>
    expect((option.xAxis as { data: string[] }).data).toEqual(['2026-10', '2026-11', '2026-12'])
    expect(series(option).map((s) => [s.name, s.type, s.yAxisIndex ?? 0, s.data])).toEqual([
      ['服务请求', 'bar', 0, [1, 4, 2]],
      ['满意率', 'line', 1, [NO_VALUE, 75, 0]],
      ['投诉率', 'line', 1, [NO_VALUE, 0, 100]],
    ])
  })
})
