/** The audit log's filters, kept in the address like the queue's. */
import type { AuditAction } from '@zhihui/core'
import type { AuditFilters } from '../../api/audit'
import { AUDIT_ACTION_LABELS } from '../../labels'

export const AUDIT_PAGE_SIZE = 20
const DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * The log names actors `staff:<username>`, `review-token:…` or `cli`; staff type a username,
 * which becomes `staff:<username>`.
 */
export function actorFilter(input: string): string | undefined {
  const text = input.trim()
  if (text === '') return undefined
  return text.includes(':') || text === 'cli' ? text : `staff:${text.toLowerCase()}`
}

export function auditFiltersFromParams(params: URLSearchParams): AuditFilters {
  const page = Number(params.get('page'))
  const size = Number(params.get('pageSize'))
  const filters: AuditFilters = {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: [10, 20, 50, 100].includes(size) ? size : AUDIT_PAGE_SIZE,
  }
  const actor = params.get('actor')?.trim()
  if (actor) filters.actor = actor.slice(0, 100)
  const action = params.get('action')
  if (action !== null && Object.prototype.hasOwnProperty.call(AUDIT_ACTION_LABELS, action)) filters.action = action as AuditAction
  const from = params.get('from')
  if (from !== null && DATE.test(from)) filters.from = from
  const to = params.get('to')
  if (to !== null && DATE.test(to)) filters.to = to
  return filters
}

export function auditParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams()
  for (const key of ['actor', 'action', 'from', 'to'] as const) {
    const value = filters[key]
    if (value) params.set(key, value)
  }
  if (filters.page > 1) params.set('page', String(filters.page))
  if (filters.pageSize !== AUDIT_PAGE_SIZE) params.set('pageSize', String(filters.pageSize))
  return params
}
