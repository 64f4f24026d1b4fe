/**
 * Writing and reading the audit log (design.md, "Audit"). Every sign-in, decision, view of a photo
 * or of an unmasked number, export, payment run and account change is recorded with actor, time,
 * action, target and client address. Reading is scoped: a bureau reads the rows of its own staff
 * (人社局 also those of review tokens and the CLI, which act on its subsidy); an admin reads the
 * sign-in and account rows only.
 */
import type { AuditAction, AuditEntry, Paged } from '@zhihui/core'
import type { Clock } from '../../clock'
import type { Db, Executor } from '../../db/schema'
import { invalid } from '../../errors'
import { insertAudit, listAudit, type AuditFilter, type AuditInput } from '../../repositories/audit'
import { bureauOf, type StaffPrincipal, staffActor } from './principal'
import { SUBSIDY_BUREAU } from '@zhihui/core'
import { readPage } from './paging'

export const SECURITY_ACTIONS: readonly AuditAction[] = [
  'sign-in',
  'sign-in-failed',
  'sign-in-locked',
  'sign-out',
  'password-change',
  'totp-enrol',
  'account-create',
  'account-update',
  'account-reset',
]

export interface AuditRecord extends Omit<AuditInput, 'action'> {
  action: AuditAction
}

/** The audit fields of a staff member: actor, name and bureau. */
export const byStaff = (staff: StaffPrincipal) => ({
  actor: staffActor(staff),
  actorName: staff.name,
  actorBureau: bureauOf(staff.roles, staff.bureau),
})

const DAY = /^\d{4}-\d{2}-\d{2}$/

export function createAuditService(db: Db, clock: Clock) {
  return {
    /** `executor`: pass the open transaction so the row commits (or not) with the change it records. */
    async record(entry: AuditRecord, executor: Executor = db): Promise<void> {
      await insertAudit(executor, clock.now().toISOString(), entry)
    },

    async list(viewer: StaffPrincipal, query: Record<string, unknown>): Promise<Paged<AuditEntry>> {
      const { page, pageSize } = readPage(query)
      const filter: AuditFilter = {}
      const text = (name: string): string | undefined => {
        const value = query[name]
        if (value === undefined || value === '') return undefined
        if (typeof value !== 'string' || value.length > 100) throw invalid(name, '筛选条件过长或格式不正确。')
        return value.trim()
      }
      filter.actor = text('actor')
      filter.action = text('action')
      const from = text('from')
      const to = text('to')
      if (from !== undefined && !DAY.test(from)) throw invalid('from', '开始日期格式应为 YYYY-MM-DD。')
      if (to !== undefined && !DAY.test(to)) throw invalid('to', '结束日期格式应为 YYYY-MM-DD。')
      // Days are China days: 00:00 in Shanghai is 16:00 UTC the day before.
      if (from !== undefined) filter.fromAt = new Date(`${from}T00:00:00+08:00`).toISOString()
      if (to !== undefined) filter.toAt = new Date(`${to}T23:59:59.999+08:00`).toISOString()

      const canSeeAll = viewer.roles.includes('bureau')
      if (canSeeAll) {
        const bureau = bureauOf(viewer.roles, viewer.bureau)
        filter.bureaus = bureau === SUBSIDY_BUREAU ? [bureau, null] : [bureau]
      } else {
        filter.actions = SECURITY_ACTIONS
      }
      const { rows, total } = await listAudit(db, filter, page, pageSize)
      return {
        items: rows.map((row) => ({
          id: row.id,
          at: row.at,
          actor: row.actor,
          actorName: row.actor_name,
          action: row.action as AuditAction,
          target: row.target,
          detail: row.detail_json === null ? null : (JSON.parse(row.detail_json) as Record<string, unknown>),
          ip: row.ip,
        })),
        total,
        page,
        pageSize,
      }
    },
  }
}

export type AuditService = ReturnType<typeof createAuditService>
