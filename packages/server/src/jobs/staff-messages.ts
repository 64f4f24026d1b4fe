/**
 * The console's view of outbound messages (GET /staff/messages, POST /staff/messages/:id/retry):
 * admins and the HR bureau's supervisor see what failed, why, and send it again. Recipients are
 * shown masked only, and the texts not at all (they carry rejection reasons). A retry is audited
 * in the transaction that queues the message again.
 */
import { SUBSIDY_BUREAU, type StaffMessageView } from '@zhihui/core'
import type { Db } from '../db/schema'
import { AppError, conflict, invalid, notFound } from '../errors'
import type { AuditService } from '../services/staff/audit-service'
import { byStaff } from '../services/staff/audit-service'
import { readPage } from '../services/staff/paging'
import type { StaffPrincipal } from '../services/staff/principal'
import type { OutboundJobs } from '.'
import { OUTBOUND_STATUSES, type OutboundStatus } from './outbound-store'

export type { StaffMessageView }

/** The bureau role sees these messages only for the HR bureau (the subsidy is its business). */
function assertMayRead(staff: StaffPrincipal): void {
  if (staff.roles.includes('admin')) return
  if (staff.roles.includes('bureau') && staff.bureau === SUBSIDY_BUREAU) return
  throw new AppError(403, 'FORBIDDEN', `只有管理员和${SUBSIDY_BUREAU}的监管账号可以查看和重发消息。`)
}

export function createStaffMessageService(deps: { db: Db; audit: AuditService; jobs: Pick<OutboundJobs, 'requeue'> }) {
  const { db, audit, jobs } = deps

  const select = () =>
    db
      .selectFrom('outbound_messages as m')
      .leftJoin('applications as a', 'a.id', 'm.application_id')
      .select([
        'm.id',
        'm.channel',
        'm.recipient_masked',
        'm.kind',
        'm.status',
        'm.attempts',
        'm.last_error',
        'm.provider',
        'm.created_at',
        'm.sent_at',
        'm.next_attempt_at',
        'a.application_no',
      ])

  type Row = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number]
  const view = (row: Row): StaffMessageView => ({
    id: row.id,
    channel: row.channel as StaffMessageView['channel'],
    recipient: row.recipient_masked,
    kind: row.kind,
    status: row.status as OutboundStatus,
    attempts: row.attempts,
    lastError: row.last_error,
    applicationNo: row.application_no ?? null,
    provider: row.provider,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
  })

  return {
    async list(staff: StaffPrincipal, query: Record<string, unknown>) {
      assertMayRead(staff)
      const { page, pageSize } = readPage(query)
      const status = query.status === undefined || query.status === '' ? undefined : query.status
      if (status !== undefined && !(OUTBOUND_STATUSES as readonly unknown[]).includes(status)) {
        throw invalid('status', `状态应为以下之一：${OUTBOUND_STATUSES.join('、')}。`)
      }
      let listed = select()
      let counted = db.selectFrom('outbound_messages').select((eb) => eb.fn.countAll<string | number>().as('n'))
      if (status !== undefined) {
        listed = listed.where('m.status', '=', status as OutboundStatus)
        counted = counted.where('status', '=', status as OutboundStatus)
      }
      const [rows, total] = await Promise.all([
        listed
          .orderBy('m.created_at', 'desc')
          .orderBy('m.id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        counted.executeTakeFirstOrThrow(),
      ])
      return { items: rows.map(view), total: Number(total.n), page, pageSize }
    },

    async retry(staff: StaffPrincipal, id: string, ip: string) {
      assertMayRead(staff)
      const before = await select().where('m.id', '=', id).executeTakeFirst()
      if (before === undefined) throw notFound('没有这条消息，请刷新列表。')
      if (before.status !== 'failed') throw conflict('NOT_FAILED', '只有发送失败的消息可以重试；这条消息已在发送或已发出，请刷新列表。')
      await db.transaction().execute(async (trx) => {
        const moved = await trx
          .updateTable('outbound_messages')
          .set({ status: 'pending' })
          .where('id', '=', id)
          .where('status', '=', 'failed')
          .executeTakeFirst()
        if (Number(moved.numUpdatedRows) !== 1) throw conflict('NOT_FAILED', '这条消息刚刚被其他人重试过，请刷新列表。')
        await jobs.requeue(trx, id)
        await audit.record(
          {
            ...byStaff(staff),
            action: 'message-retry',
            target: before.application_no ?? id,
            ip,
            detail: { messageId: id, kind: before.kind, channel: before.channel, attempts: before.attempts, lastError: before.last_error },
          },
          trx,
        )
      })
      const after = await select().where('m.id', '=', id).executeTakeFirstOrThrow()
      return { message: view(after) }
    },
  }
}

export type StaffMessageService = ReturnType<typeof createStaffMessageService>
