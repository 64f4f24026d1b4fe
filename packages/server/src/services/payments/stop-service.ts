/**
 * A payments officer stops paying an application (终止发放) and may resume it, each with a reason
 * (design.md: paying -stop-> stopped -resume-> paying, through core's transition). While stopped
 * no run decides its months; once resumed, the next run decides them, each against the
 * registry's state for that month, like any arrears. The ledger as the staff read it.
 */
import type { ApplicationStatus, StaffLedger } from '@zhihui/core'
import { invalid, notFound } from '../../errors'
import { resumeMessage, stopMessage } from '../../notifications/messages'
import { queueApplicantMessage, textApplicant } from '../../notifications/sms-sender'
import { findApplicationByNo, listHistory, type ApplicationRow } from '../../repositories/applications'
import { entitlementOf } from '../../repositories/payments'
import { applyEvent, statusLabel } from '../application-events'
import type { ServiceDeps } from '../deps'
import { APPLICATION_NO } from '../review-input'
import { entitlementView, lineView, readLedger, stopFrom } from './ledger-view'

function readReason(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 500) {
    throw invalid('reason', '请写明原因（不超过500字），申请人会收到这条原因。')
  }
  return value.trim()
}

export function createStopService(deps: ServiceDeps) {
  const { db, clock } = deps

  async function find(applicationNo: string): Promise<ApplicationRow> {
    const app = APPLICATION_NO.test(applicationNo) ? await findApplicationByNo(db, applicationNo) : undefined
    if (app === undefined) throw notFound(`没有编号为 ${applicationNo} 的申请。`)
    return app
  }

  async function move(applicationNo: string, event: 'stop' | 'resume', reasonInput: unknown, actor: string) {
    const reason = readReason(reasonInput)
    const app = await find(applicationNo)
    const at = clock.now().toISOString()
    const message = event === 'stop' ? stopMessage(applicationNo, reason) : resumeMessage(applicationNo)
    const moved = await db.transaction().execute(async (trx) => {
      const next = await applyEvent(trx, app, event, { actor, at, note: reason })
      await queueApplicantMessage(deps, trx, next, message, `v${next.version}`)
      return next
    })
    await textApplicant(deps, moved, message)
    return { applicationNo, status: moved.status as ApplicationStatus, statusLabel: statusLabel(moved.status) }
  }

  return {
    stop: (applicationNo: string, reason: unknown, actor: string) => move(applicationNo, 'stop', reason, actor),

    /**
     * The entitlement and every month's line as GET /application answers them (and the stop in
     * force), for the reviewers' Bearer API; undefined before the application is paying.
     */
    async applicantLedger(applicationNo: string) {
      const app = await find(applicationNo)
      const [ledger, history] = await Promise.all([readLedger(db, app.id), app.status === 'stopped' ? listHistory(db, app.id) : Promise.resolve([])])
      if (ledger === undefined) return undefined
      const stop = app.status === 'stopped' ? stopFrom(history) : undefined
      return {
        entitlement: entitlementView(ledger.entitlement, ledger.lines),
        payments: ledger.lines.map(lineView),
        ...(stop !== undefined ? { stop } : {}),
      }
    },
    resume: (applicationNo: string, reason: unknown, actor: string) => move(applicationNo, 'resume', reason, actor),

    /** The entitlement with its terms and sources, every line with its source and run, and the stop in force. */
    async ledger(applicationNo: string, options: { app?: ApplicationRow } = {}): Promise<StaffLedger> {
      const app = options.app ?? (await find(applicationNo))
      const [ledger, history] = await Promise.all([readLedger(db, app.id), listHistory(db, app.id)])
      if (ledger === undefined) throw notFound(`申请 ${applicationNo} ${statusLabel(app.status)}，还没有按月发放的记录。`)
      const entitlement = entitlementOf(ledger.entitlement)
      const stop = app.status === 'stopped' ? stopFrom(history) : undefined
      return {
        applicationNo,
        status: app.status as ApplicationStatus,
        statusLabel: statusLabel(app.status),
        entitlement: {
          ...entitlementView(ledger.entitlement, ledger.lines),
          policy: entitlement.policy,
          lapsedMonth: entitlement.lapsedMonth,
          source: entitlement.source,
          fixedAt: ledger.entitlement.fixed_at,
        },
        lines: ledger.lines.map((line) => ({
          ...lineView(line),
          source: line.source,
          runId: line.run_id,
          origin: line.origin as StaffLedger['lines'][number]['origin'],
        })),
        ...(stop !== undefined ? { stop } : {}),
        history: history
          .filter((h) => ['end-notice', 'finish-payments', 'stop', 'resume', 'migrate-monthly-payments'].includes(h.event))
          .map((h) => ({ event: h.event, from: h.from_status, status: h.to_status, actor: h.actor, note: h.note, at: h.at })),
      }
    },
  }
}

export type StopService = ReturnType<typeof createStopService>
