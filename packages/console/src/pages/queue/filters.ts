/**
 * The queue's filters live in the address (`/applications?status=submitted&page=2`): a reload, a
 * shared link, the back button and the sign-in `next=` all keep them. Anything unknown in the
 * address is dropped rather than sent.
 */
import { EDUCATION_LABELS, isDistrict, STATUS_LABELS, type ApplicationStatus, type Channel, type Education } from '@zhihui/core'
import type { QueueFilters } from '../../api/applications'
import { PAGE_SIZES } from '../../components/filter-buttons'
import { CHANNEL_LABELS } from '../../labels'

export const DEFAULT_PAGE_SIZE = 20

const DATE = /^\d{4}-\d{2}-\d{2}$/
const has = (record: object, key: string | null): key is string => key !== null && Object.prototype.hasOwnProperty.call(record, key)

function positive(value: string | null, fallback: number): number {
  const n = Number(value)
  return Number.isInteger(n) && n > 0 ? n : fallback
}

export function filtersFromParams(params: URLSearchParams): QueueFilters {
  const filters: QueueFilters = { page: positive(params.get('page'), 1), pageSize: DEFAULT_PAGE_SIZE }
  const size = positive(params.get('pageSize'), DEFAULT_PAGE_SIZE)
  if (PAGE_SIZES.includes(size)) filters.pageSize = size
  const status = params.get('status')
  if (has(STATUS_LABELS, status)) filters.status = status as ApplicationStatus
  const district = params.get('district')
  if (isDistrict(district)) filters.district = district
  const education = params.get('education')
  if (has(EDUCATION_LABELS, education)) filters.education = education as Education
  const channel = params.get('channel')
  if (has(CHANNEL_LABELS, channel)) filters.channel = channel as Channel
  const from = params.get('from')
  if (from !== null && DATE.test(from)) filters.from = from
  const to = params.get('to')
  if (to !== null && DATE.test(to)) filters.to = to
  const q = params.get('q')?.trim()
  if (q) filters.q = q.slice(0, 64)
  return filters
}

export function paramsFromFilters(filters: QueueFilters): URLSearchParams {
  const params = new URLSearchParams()
  for (const key of ['status', 'district', 'education', 'channel', 'from', 'to', 'q'] as const) {
    const value = filters[key]
    if (value !== undefined && value !== '') params.set(key, value)
  }
  if (filters.page > 1) params.set('page', String(filters.page))
  if (filters.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(filters.pageSize))
  return params
}
