/**
 * The reviewers' side: the queue, one application in full (ID and card masked), decisions and
 * objections. A decision on a submitted application starts the review and decides in one step;
 * every move goes through core's transition and the version check (application-events.ts).
 */
import { DOCUMENT_LABELS, type ApplicationStatus, type DocumentKind, type EligibilityReport } from '@zhihui/core'
import { invalid, notFound } from '../errors'
import { objectionText, rejectionText } from '../notifications/messages'
import { textApplicant } from '../notifications/sms-sender'
import { findApplicationByNo, listQueue, type ApplicationRow } from '../repositories/applications'
import { applyEvent, statusLabel } from './application-events'
import { parseJson, readRecords, type RejectionReason } from './application-view'
import type { BindingService } from './binding-service'
import type { ServiceDeps } from './deps'
import { APPLICATION_NO, readDecision, readNote } from './review-input'

export const QUEUE_STATUSES: readonly ApplicationStatus[] = ['submitted', 'under-review', 'rejected', 'public-notice', 'paying', 'paid', 'withdrawn']
const DEFAULT_QUEUE: readonly ApplicationStatus[] = ['submitted', 'under-review']

export function createReviewService(deps: ServiceDeps, bindings: BindingService) {
  const { db, clock } = deps

  async function find(applicationNo: string): Promise<ApplicationRow> {
    const app = APPLICATION_NO.test(applicationNo) ? await findApplicationByNo(db, applicationNo) : undefined
    if (app === undefined) throw notFound(`没有编号为 ${applicationNo} 的申请。`)
    return app
  }

  return {
    async queue(status: string | undefined) {
      if (status !== undefined && !(QUEUE_STATUSES as readonly string[]).includes(status)) {
        throw invalid('status', `状态应为以下之一：${QUEUE_STATUSES.join('、')}。`)
      }
      const rows = await listQueue(db, status === undefined ? DEFAULT_QUEUE : [status])
      return {
        applications: rows.map((row) => ({ applicationNo: row.application_no as string, status: row.status, submittedAt: row.submitted_at })),
      }
    },

    async detail(applicationNo: string) {
      const app = await find(applicationNo)
      const [{ history, photos, payments, batch }, binding] = await Promise.all([readRecords(db, app), bindings.current(app.person_id)])
      const reasons = parseJson<RejectionReason[]>(app.rejection_json)
      return {
        applicationNo: app.application_no,
        status: app.status,
        statusLabel: statusLabel(app.status),
        submittedAt: app.submitted_at,
        applicant: binding ?? null,
        facts: parseJson(app.facts_json),
        details: parseJson(app.details_json),
        eligibility: parseJson<EligibilityReport>(app.eligibility_json),
        documents: photos.map((p) => ({
          kind: p.kind,
          label: DOCUMENT_LABELS[p.kind as DocumentKind] ?? p.kind,
          photoId: p.id,
          bytes: p.bytes,
          contentType: p.content_type,
        })),
        history: history.map((h) => ({ status: h.to_status, from: h.from_status, event: h.event, actor: h.actor, note: h.note, at: h.at })),
        ...(reasons !== null ? { rejection: { reasons } } : {}),
        ...(batch !== undefined ? { notice: { start: batch.start_date, end: batch.end_date } } : {}),
        payments: payments.map((p) => ({ amountYuan: p.amount_yuan, at: p.paid_at, reference: p.reference })),
      }
    },

    async decide(applicationNo: string, body: Record<string, unknown>, actor: string) {
      const decision = readDecision(body)
      const app = await find(applicationNo)
      const at = clock.now().toISOString()
      const decided = await db.transaction().execute(async (trx) => {
        const reviewing = app.status === 'submitted' ? await applyEvent(trx, app, 'start-review', { actor, at }) : app
        return decision.decision === 'approve'
          ? applyEvent(trx, reviewing, 'approve', { actor, at, patch: { rejection_json: null } })
          : applyEvent(trx, reviewing, 'reject', {
              actor,
              at,
              note: decision.reasons.map((r) => r.message).join('；'),
              patch: { rejection_json: JSON.stringify(decision.reasons) },
            })
      })
      if (decision.decision === 'reject') await textApplicant(deps, decided, rejectionText(applicationNo, decision.reasons))
      return { applicationNo, status: decided.status }
    },

    async object(applicationNo: string, body: Record<string, unknown>, actor: string) {
      const note = readNote(body)
      const app = await find(applicationNo)
      const at = clock.now().toISOString()
      // The notice this objection interrupts is over: a new approval needs a new notice.
      const reopened = await db
        .transaction()
        .execute((trx) => applyEvent(trx, app, 'object', { actor, at, note, patch: { notice_batch_id: null } }))
      await textApplicant(deps, reopened, objectionText(applicationNo))
      return { applicationNo, status: reopened.status }
    },
  }
}

export type ReviewService = ReturnType<typeof createReviewService>
