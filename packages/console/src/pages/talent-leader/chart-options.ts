/**
 * GET /staff/talent/stats → ECharts options (pure, so a test can read them): every bureau side by
 * side (requests, time to confirm, satisfaction and complaint rates, overdue complaints) and the
 * city's trend by month. A rate with no data stays a gap ('-'), never 0: a unit that delivered
 * nothing has not delivered perfectly either (core's satisfactionRate / complaintRate).
 */
import type { TalentBureauStats, TalentMonthStats } from '@zhihui/core'
import type { EChartsCoreOption } from 'echarts/core'

/** ECharts' "no value" (drawn as a gap). */
export const NO_VALUE = '-'
export type ChartValue = number | typeof NO_VALUE

/** 0.857 → 85.7 (percent, one decimal); null → a gap. */
export const percent = (rate: number | null): ChartValue => (rate === null ? NO_VALUE : Math.round(rate * 1000) / 10)
/** Hours with one decimal; null → a gap. */
export const hours = (value: number | null): ChartValue => (value === null ? NO_VALUE : Math.round(value * 10) / 10)

/** Colours with ≥ 3:1 contrast on white, told apart by the legend's words too. */
export const COLORS = { requests: '#0958d9', done: '#389e0d', satisfaction: '#237804', complaint: '#cf1322', overdue: '#ad4e00', hours: '#531dab' }

const base = {
  animation: false,
  tooltip: { trigger: 'axis' },
  legend: { top: 0 },
  grid: { left: 48, right: 48, top: 40, bottom: 32, containLabel: true },
} as const

const percentAxis = { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } } as const

/** Requests and services delivered, and overdue complaints, per bureau. */
export function requestsOption(bureaus: readonly TalentBureauStats[]): EChartsCoreOption {
  return {
    ...base,
    xAxis: { type: 'category', data: bureaus.map((b) => b.bureau), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '服务请求', type: 'bar', data: bureaus.map((b) => b.requests), itemStyle: { color: COLORS.requests } },
      { name: '已完成', type: 'bar', data: bureaus.map((b) => b.done), itemStyle: { color: COLORS.done } },
      { name: '投诉超期', type: 'bar', data: bureaus.map((b) => b.overdueComplaints), itemStyle: { color: COLORS.overdue } },
    ],
  }
}

/** Satisfaction rate and complaint rate per bureau, in percent. */
export function ratesOption(bureaus: readonly TalentBureauStats[]): EChartsCoreOption {
  return {
    ...base,
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? `${value}%` : '无数据') },
    xAxis: { type: 'category', data: bureaus.map((b) => b.bureau), axisLabel: { interval: 0 } },
    yAxis: percentAxis,
    series: [
      { name: '满意率', type: 'bar', data: bureaus.map((b) => percent(b.satisfactionRate)), itemStyle: { color: COLORS.satisfaction } },
      { name: '投诉率', type: 'bar', data: bureaus.map((b) => percent(b.complaintRate)), itemStyle: { color: COLORS.complaint } },
    ],
  }
}

/** Mean hours from filing to confirmation per bureau. */
export function confirmTimeOption(bureaus: readonly TalentBureauStats[]): EChartsCoreOption {
  return {
    ...base,
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? `${value} 小时` : '无数据') },
    xAxis: { type: 'category', data: bureaus.map((b) => b.bureau), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: '小时' },
    series: [{ name: '平均确认用时', type: 'bar', data: bureaus.map((b) => hours(b.meanHoursToConfirm)), itemStyle: { color: COLORS.hours } }],
  }
}

export interface MonthTotal {
  month: string
  requests: number
  done: number
  ratings: number
  complaints: number
  satisfactionRate: number | null
  complaintRate: number | null
}

/**
 * The city's months from the per-bureau rows: counts summed; the rates recomputed from the counts
 * (satisfied ratings = rate × ratings), not averaged, so a bureau with many ratings weighs more.
 */
export function monthTotals(trend: readonly TalentMonthStats[]): MonthTotal[] {
  const byMonth = new Map<string, { requests: number; done: number; ratings: number; satisfied: number; complaints: number }>()
  for (const row of trend) {
    const total = byMonth.get(row.month) ?? { requests: 0, done: 0, ratings: 0, satisfied: 0, complaints: 0 }
    total.requests += row.requests
    total.done += row.done
    total.ratings += row.ratings
    total.satisfied += Math.round((row.satisfactionRate ?? 0) * row.ratings)
    total.complaints += row.complaints
    byMonth.set(row.month, total)
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, t]) => ({
      month,
      requests: t.requests,
      done: t.done,
      ratings: t.ratings,
      complaints: t.complaints,
      satisfactionRate: t.ratings === 0 ? null : t.satisfied / t.ratings,
      complaintRate: t.done === 0 ? null : Math.min(1, t.complaints / t.done),
    }))
}

/** Requests a month (bars, left axis) and the two rates (lines, right axis, percent). */
export function trendOption(months: readonly MonthTotal[]): EChartsCoreOption {
  return {
    ...base,
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: [
      { type: 'value', name: '请求数', minInterval: 1 },
      { ...percentAxis, name: '比率', splitLine: { show: false } },
    ],
    series: [
      { name: '服务请求', type: 'bar', data: months.map((m) => m.requests), itemStyle: { color: COLORS.requests } },
      { name: '满意率', type: 'line', yAxisIndex: 1, connectNulls: false, data: months.map((m) => percent(m.satisfactionRate)), itemStyle: { color: COLORS.satisfaction } },
      { name: '投诉率', type: 'line', yAxisIndex: 1, connectNulls: false, data: months.map((m) => percent(m.complaintRate)), itemStyle: { color: COLORS.complaint }, lineStyle: { type: 'dashed' } },
    ],
  }
}
