/**
 * The reviewers' side: the queue, one application in full (ID and card masked), decisions and
 * objections. A decision on a submitted application starts the review and decides in one step;
 * every move goes through core's transition and the version check (application-events.ts).
 */
import { DOCUMENT_LABELS, type ApplicationStatus, type DocumentKind, type EligibilityReport } from '@zhihui/core'
import { AppError, conflict, invalid, notFound } from '../errors'
import { objectionMessage, rejectionMessage } from '../notifications/messages'
import { queueApplicantMessage, textApplicant } from '../notifications/sms-sender'
import { findApplicationByNo, listQueue, type ApplicationRow } from '../repositories/applications'
import { applyEvent, statusLabel } from './application-events'
import { parseJson, readRecords, type RejectionReason } from './application-view'
import type { BindingService } from './binding-service'
import type { ServiceDeps } from './deps'
import { APPLICATION_NO, readDecision, readNote } from './review-input'
import { createAuditService, type AuditService } from './staff/audit-service'

export const QUEUE_STATUSES: readonly ApplicationStatus[] = ['submitted', 'under-review', 'rejected', 'public-notice', 'paying', 'paid', 'stopped', 'withdrawn']
const DEFAULT_QUEUE: readonly ApplicationStatus[] = ['submitted', 'under-review']

/**
 * Who decides, as the history and the audit log name them: a staff member (`staff:<username>`,
 * with name and bureau), a review token (`reviewer:…`) or the CLI (`reviewer-cli:…`). A bare
 * string is an actor with no name, bureau or address (the CLI).
 */
export interface ReviewActor {
  actor: string
  actorName?: string | null
  actorBureau?: string | null
  ip?: string | null
}

const actorOf = (by: string | ReviewActor): ReviewActor => (typeof by === 'string' ? { actor: by } : by)

/** The 409 of a decision another reviewer made first (a stale `version`, or a lost race). */
export const ALREADY_HANDLED = '已被他人处理：这份申请刚刚被其他审核人员处理或更新，本次操作未生效，请刷新后查看最新状态。'

const alreadyHandled = (): AppError => conflict('CONCURRENT_UPDATE', ALREADY_HANDLED)

/** A concurrent-update conflict from applyEvent means another decision won: say so. */
function rethrowRace(error: unknown): never {
  if (error instanceof AppError && error.code === 'CONCURRENT_UPDATE') throw alreadyHandled()
  throw error
}

/** The optional `version` of a decision: the one the reviewer saw. */
function readVersion(body: Record<string, unknown>): number | undefined {
  const version = body.version
  if (version === undefined || version === null) return undefined
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw invalid('version', '版本号应为查看申请时得到的非负整数（version），请刷新后重试。')
  }
  return version
}

export function createReviewService(deps: ServiceDeps, bindings: BindingService, audit: AuditService = createAuditService(deps.db, deps.clock)) {
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

    /**
     * The one decision, for the Bearer `/review` API, the CLI and the staff console alike: a
     * submitted application starts its review and is decided in one transaction, with the history
     * row and the audit row. `body.version`, when sent, must still be the application's version.
     * `options.app` is the row the caller already read (and checked the scope of).
     */
    async decide(applicationNo: string, body: Record<string, unknown>, by: string | ReviewActor, options: { app?: ApplicationRow } = {}) {
      const decision = readDecision(body)
      const expected = readVersion(body)
      const app = options.app ?? (await find(applicationNo))
      if (expected !== undefined && expected !== app.version) throw alreadyHandled()
      const who = actorOf(by)
      const { actor } = who
      const at = clock.now().toISOString()
      const decided = await db
        .transaction()
        .execute(async (trx) => {
          const reviewing = app.status === 'submitted' ? await applyEvent(trx, app, 'start-review', { actor, at }) : app
          const done =
            decision.decision === 'approve'
              ? await applyEvent(trx, reviewing, 'approve', { actor, at, patch: { rejection_json: null } })
              : await applyEvent(trx, reviewing, 'reject', {
                  actor,
                  at,
                  note: decision.reasons.map((r) => r.message).join('；'),
                  patch: { rejection_json: JSON.stringify(decision.reasons) },
                })
          await audit.record(
            {
              ...who,
              action: 'decision',
              target: applicationNo,
              detail: {
                decision: decision.decision,
                from: app.status,
                status: done.status,
                ...(decision.reasons.length > 0 ? { reasons: decision.reasons.map((r) => ({ target: r.target, code: r.code })) } : {}),
              },
            },
            trx,
          )
          // The version the rejection produced: a repeat of this decision cannot queue a second text.
          if (decision.decision === 'reject') await queueApplicantMessage(deps, trx, done, rejectionMessage(applicationNo, decision.reasons), `v${done.version}`)
          return done
        })
        .catch(rethrowRace)
      if (decision.decision === 'reject') await textApplicant(deps, decided, rejectionMessage(applicationNo, decision.reasons))
      return { applicationNo, status: decided.status }
    },

    async object(applicationNo: string, body: Record<string, unknown>, by: string | ReviewActor, options: { app?: ApplicationRow } = {}) {
      const note = readNote(body)
      const app = options.app ?? (await find(applicationNo))
      const who = actorOf(by)
      const at = clock.now().toISOString()
      // The notice this objection interrupts is over: a new approval needs a new notice.
      const reopened = await db
        .transaction()
        .execute(async (trx) => {
          const moved = await applyEvent(trx, app, 'object', { actor: who.actor, at, note, patch: { notice_batch_id: null } })
          await audit.record({ ...who, action: 'objection', target: applicationNo, detail: { note, batchId: app.notice_batch_id } }, trx)
          await queueApplicantMessage(deps, trx, moved, objectionMessage(applicationNo), `v${moved.version}`)
          return moved
        })
        .catch(rethrowRace)
      await textApplicant(deps, reopened, objectionMessage(applicationNo))
      return { applicationNo, status: reopened.status }
    },
  }
}

export type ReviewService = ReturnType<typeof createReviewService>
