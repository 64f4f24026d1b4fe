/** The append-only audit log (read-only in the product). */
import type { AuditAction, AuditEntry, Paged } from '@zhihui/core'
import { request } from './client'

export interface AuditFilters {
  actor?: string
  action?: AuditAction
  /** 'YYYY-MM-DD', inclusive. */
  from?: string
  to?: string
  page: number
  pageSize: number
}

export const listAudit = (filters: AuditFilters): Promise<Paged<AuditEntry>> => request<Paged<AuditEntry>>('/audit', { query: { ...filters } })
