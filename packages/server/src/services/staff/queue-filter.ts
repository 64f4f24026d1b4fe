/**
 * The filters of the staff queue (`GET /staff/applications`), read from the query string. Every
 * bad value is refused with a Chinese 422 naming its field, never ignored: a filter silently
 * dropped would show a clerk a list that is not what they asked for.
 */
import { DISTRICTS, EDUCATION_LABELS, STATUS_LABELS, type ApplicationStatus, type Channel, type District, type Education } from '@zhihui/core'
import { isIsoDay } from '../../clock'
import { invalid } from '../../errors'
import { APPLICATION_NO } from '../review-input'
import { readPage } from './paging'

/** Every status an application with a number can be in (a draft has none until it is submitted). */
export const QUEUE_STATUSES = (Object.keys(STATUS_LABELS) as ApplicationStatus[]).filter((status) => status !== 'draft')
const EDUCATIONS = Object.keys(EDUCATION_LABELS) as Education[]
const CHANNELS: readonly Channel[] = ['online', 'window']
const CHANNEL_LABELS: Record<Channel, string> = { online: '线上', window: '窗口' }

export interface QueueFilter {
  statuses?: ApplicationStatus[]
  district?: District
  education?: Education
  channel?: Channel
  /** Submitted at or after this instant (ISO). */
  fromAt?: string
  /** Submitted before this instant (ISO). */
  beforeAt?: string
  /** `q` when it is an application number: that application only. */
  applicationNo?: string
  /** `q` otherwise: names beginning with it. */
  namePrefix?: string
}

export interface QueueQuery {
  filter: QueueFilter
  page: number
  pageSize: number
}

/** 00:00 of a China day as an instant: 16:00 UTC the day before. */
export const chinaDayStart = (day: string): string => new Date(`${day}T00:00:00+08:00`).toISOString()
export const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

function single(query: Record<string, unknown>, name: string, max = 50): string | undefined {
  const value = query[name]
  if (value === undefined || value === '') return undefined
  if (typeof value !== 'string') throw invalid(name, `筛选条件“${name}”只能填写一个值。`)
  const trimmed = value.trim()
  if (trimmed.length > max) throw invalid(name, `筛选条件“${name}”过长（不超过 ${max} 个字符）。`)
  return trimmed === '' ? undefined : trimmed
}

function readStatuses(query: Record<string, unknown>): ApplicationStatus[] | undefined {
  const raw = query.status
  if (raw === undefined || raw === '') return undefined
  const parts = (Array.isArray(raw) ? raw : [raw]).flatMap((value) => (typeof value === 'string' ? value.split(',') : [value]))
  const statuses = parts.map((part) => (typeof part === 'string' ? part.trim() : part)).filter((part) => part !== '')
  const labels = QUEUE_STATUSES.map((status) => `${status}（${STATUS_LABELS[status]}）`).join('、')
  if (statuses.length === 0 || statuses.length > QUEUE_STATUSES.length) throw invalid('status', `状态应为以下之一：${labels}。`)
  for (const status of statuses) {
    if (typeof status !== 'string' || !(QUEUE_STATUSES as readonly string[]).includes(status)) {
      throw invalid('status', `无法识别的状态“${String(status)}”，状态应为以下之一：${labels}。`)
    }
  }
  return [...new Set(statuses as ApplicationStatus[])]
}

function readDay(query: Record<string, unknown>, name: 'from' | 'to'): string | undefined {
  const value = single(query, name, 10)
  if (value !== undefined && !isIsoDay(value)) {
    throw invalid(name, `${name === 'from' ? '开始' : '结束'}日期应为真实存在的日期，格式 YYYY-MM-DD，如 2026-11-30。`)
  }
  return value
}

export function readQueueQuery(query: Record<string, unknown>): QueueQuery {
  const filter: QueueFilter = {}
  filter.statuses = readStatuses(query)

  const district = single(query, 'district')
  if (district !== undefined) {
    if (!(DISTRICTS as readonly string[]).includes(district)) throw invalid('district', `区县应为郑州市的区县之一：${DISTRICTS.join('、')}。`)
    filter.district = district as District
  }
  const education = single(query, 'education')
  if (education !== undefined) {
    if (!(EDUCATIONS as readonly string[]).includes(education)) {
      throw invalid('education', `学历应为以下之一：${EDUCATIONS.map((e) => `${e}（${EDUCATION_LABELS[e]}）`).join('、')}。`)
    }
    filter.education = education as Education
  }
  const channel = single(query, 'channel')
  if (channel !== undefined) {
    if (!(CHANNELS as readonly string[]).includes(channel)) {
      throw invalid('channel', `申报渠道应为 ${CHANNELS.map((c) => `${c}（${CHANNEL_LABELS[c]}）`).join(' 或 ')}。`)
    }
    filter.channel = channel as Channel
  }

  const from = readDay(query, 'from')
  const to = readDay(query, 'to')
  if (from !== undefined && to !== undefined && from > to) throw invalid('to', '结束日期不能早于开始日期。')
  if (from !== undefined) filter.fromAt = chinaDayStart(from)
  if (to !== undefined) filter.beforeAt = chinaDayStart(nextDay(to))

  const q = single(query, 'q', 30)
  if (q !== undefined) {
    const upper = q.toUpperCase()
    if (APPLICATION_NO.test(upper)) filter.applicationNo = upper
    else if (/^[\p{L}\p{M}·・.\s]+$/u.test(q)) filter.namePrefix = q
    else throw invalid('q', '请输入完整的申请编号（如 ZZ2026113000001）或申请人姓名（可只输入开头几个字）。')
  }

  const { page, pageSize } = readPage(query)
  return { filter, page, pageSize }
}
