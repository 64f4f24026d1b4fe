/** The SMS texts, in Chinese, each saying what happened and what to do next. */
import { addMonths, formatChineseMonth } from '@zhihui/core'
import type { MessageKind } from './provider'

const SIGNATURE = '【智汇郑州】'

const chineseDate = (day: string): string => {
  const [y, m, d] = day.split('-')
  return `${Number(y)}年${Number(m)}月${Number(d)}日`
}

export function rejectionText(applicationNo: string, reasons: readonly { message: string }[]): string {
  const listed = reasons.map((reason, i) => `${i + 1}.${reason.message}`).join('；')
  return `${SIGNATURE}您的青年人才生活补贴申请（${applicationNo}）未通过审核：${listed}。请在小程序“我的申请”中按提示修改后重新提交。`
}

export function noticeText(applicationNo: string, start: string, end: string): string {
  return `${SIGNATURE}您的青年人才生活补贴申请（${applicationNo}）已通过审核，现进行公示，公示期${chineseDate(start)}至${chineseDate(end)}。公示无异议后将发放补贴。`
}

export function objectionText(applicationNo: string): string {
  return `${SIGNATURE}您的青年人才生活补贴申请（${applicationNo}）公示期间收到异议，已重新进入审核，结果将另行通知。`
}

/** Consecutive months as ranges: 2026年2月至2026年11月、2026年12月. */
function monthList(months: readonly string[]): string {
  const ranges: string[][] = []
  for (const month of months) {
    const last = ranges[ranges.length - 1]
    const previous = last?.[last.length - 1]
    const next = previous === undefined ? undefined : addMonths(previous, 1)
    if (last !== undefined && next === month) last.push(month)
    else ranges.push([month])
  }
  return ranges
    .map((range) => (range.length === 1 ? formatChineseMonth(range[0] ?? '') : `${formatChineseMonth(range[0] ?? '')}至${formatChineseMonth(range[range.length - 1] ?? '')}`))
    .join('、')
}

/** What one payment run (or the start of paying) decided for one applicant: one text. */
export interface MonthlyOutcome {
  paidMonths: readonly string[]
  paidYuan: number
  suspended: readonly { month: string; reason: string | null }[]
  /** Every month of the entitlement decided: the application is paid off. */
  finished: boolean
}

export function monthlyPaymentText(applicationNo: string, outcome: MonthlyOutcome): string {
  const parts: string[] = []
  if (outcome.paidMonths.length > 0) {
    parts.push(`${monthList(outcome.paidMonths)}的补贴共${outcome.paidYuan}元已发放至您的社会保障卡金融账户`)
  }
  for (const line of outcome.suspended) parts.push(line.reason ?? `${formatChineseMonth(line.month)}暂停发放`)
  const end = outcome.finished ? '您的生活补贴已全部发放完毕。' : '其余月份按月发放，可在小程序“我的办理进度”查看每月明细。'
  return `${SIGNATURE}您的青年人才生活补贴申请（${applicationNo}）：${parts.join('；')}。${end}`
}

export function stopText(applicationNo: string, reason: string): string {
  return `${SIGNATURE}您的青年人才生活补贴申请（${applicationNo}）已终止发放，原因：${reason}。如有疑问请联系人才服务窗口。`
}

export function resumeText(applicationNo: string): string {
  return `${SIGNATURE}您的青年人才生活补贴申请（${applicationNo}）已恢复按月发放，终止期间的月份将在下次发放时按各月情况核定。`
}

/**
 * A message as the providers need it: the kind (which registered template), the template's short
 * variables, the whole text (SMS and the development outbox) and the mini-program page a
 * subscription message opens. Template variables are kept short: WeChat's `thing` fields take 20
 * characters.
 */
export interface BuiltMessage {
  kind: MessageKind
  params: Record<string, string>
  text: string
  page?: string
}

const PROGRESS_PAGE = 'pages/progress/index'
const clip = (value: string, max = 20): string => (value.length > max ? `${value.slice(0, max - 1)}…` : value)

export const rejectionMessage = (applicationNo: string, reasons: readonly { message: string }[]): BuiltMessage => ({
  kind: 'rejection',
  params: { applicationNo, reason: clip(reasons.map((r) => r.message).join('；')) },
  text: rejectionText(applicationNo, reasons),
  page: PROGRESS_PAGE,
})

export const noticeMessage = (applicationNo: string, start: string, end: string): BuiltMessage => ({
  kind: 'notice',
  params: { applicationNo, start, end },
  text: noticeText(applicationNo, start, end),
  page: PROGRESS_PAGE,
})

export const objectionMessage = (applicationNo: string): BuiltMessage => ({
  kind: 'objection',
  params: { applicationNo },
  text: objectionText(applicationNo),
  page: PROGRESS_PAGE,
})

export const monthlyPaymentMessage = (applicationNo: string, outcome: MonthlyOutcome): BuiltMessage => ({
  kind: 'payment',
  params: {
    applicationNo,
    months: clip(monthList(outcome.paidMonths) || '无'),
    amountYuan: String(outcome.paidYuan),
    finished: outcome.finished ? '1' : '0',
  },
  text: monthlyPaymentText(applicationNo, outcome),
  page: PROGRESS_PAGE,
})

export const stopMessage = (applicationNo: string, reason: string): BuiltMessage => ({
  kind: 'stop',
  params: { applicationNo, reason: clip(reason) },
  text: stopText(applicationNo, reason),
  page: PROGRESS_PAGE,
})

export const resumeMessage = (applicationNo: string): BuiltMessage => ({
  kind: 'resume',
  params: { applicationNo },
  text: resumeText(applicationNo),
  page: PROGRESS_PAGE,
})
