/**
 * What an applicant sees of their application (GET /application, and the answer of PUT): status,
 * timeline, rejection reasons, notice dates, documents, payments, and the form as entered.
 */
import {
  checkEligibility,
  requiredDocuments,
  type ApplicantFacts,
  type ApplicationDetails,
  type ApplicationStatus,
  type ApplicationView,
  type DocumentKind,
  type DocumentRequirement,
  type EligibilityReport,
  type FieldError,
  type RejectionReason,
  type StatedFacts,
} from '@zhihui/core'
import type { Executor } from '../db/schema'
import { listHistory, type ApplicationRow } from '../repositories/applications'
import { getNoticeBatch, listPayments, listPhotos } from '../repositories/documents'
import { isEditable, statusLabel } from './application-events'

/** The answer's shape is core's (api-types), shared with the app that reads it. */
export type { ApplicationView, RejectionReason } from '@zhihui/core'

export const parseJson = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T))

export function assembleFacts(stated: StatedFacts, fromBinding: Pick<ApplicantFacts, 'idNumber' | 'socialSecurity'>): ApplicantFacts {
  return { ...stated, idNumber: fromBinding.idNumber, socialSecurity: fromBinding.socialSecurity }
}

export function photoRequirements(facts: StatedFacts | null): DocumentRequirement[] {
  return facts === null ? [] : requiredDocuments(facts, 'online').filter((doc) => doc.photo)
}

/** The rows an application is shown with, the applicant's view and the reviewers' alike. */
export async function readRecords(db: Executor, app: ApplicationRow) {
  const [history, photos, payments, batch] = await Promise.all([
    listHistory(db, app.id),
    listPhotos(db, app.id),
    listPayments(db, app.id),
    app.notice_batch_id === null ? Promise.resolve(undefined) : getNoticeBatch(db, app.notice_batch_id),
  ])
  return { history, photos, payments, batch }
}

export async function buildApplicationView(
  db: Executor,
  app: ApplicationRow,
  /** Needed to recheck eligibility of an editable application against today. */
  live: { today: string; binding: () => Promise<Pick<ApplicantFacts, 'idNumber' | 'socialSecurity'>> },
): Promise<ApplicationView> {
  const { history, photos, payments, batch } = await readRecords(db, app)
  const status = app.status as ApplicationStatus
  const facts = parseJson<StatedFacts>(app.facts_json)
  const errors = parseJson<FieldError[]>(app.form_errors_json)
  let eligibility = parseJson<EligibilityReport>(app.eligibility_json)
  if (isEditable(status) && facts !== null) {
    eligibility = checkEligibility(assembleFacts(facts, await live.binding()), { today: live.today })
  }
  const reasons = parseJson<RejectionReason[]>(app.rejection_json)
  return {
    applicationNo: app.application_no,
    status,
    statusLabel: statusLabel(status),
    timeline: history.map((entry) => ({ status: entry.to_status as ApplicationStatus, at: entry.at })),
    ...(status === 'rejected' && reasons !== null ? { rejection: { reasons } } : {}),
    ...(batch !== undefined ? { notice: { start: batch.start_date, end: batch.end_date } } : {}),
    // Only kinds core required were ever stored (the upload route checks), so the column holds DocumentKinds.
    documents: photos.map((photo) => ({ kind: photo.kind as DocumentKind, photoId: photo.id, bytes: photo.bytes })),
    requiredDocuments: photoRequirements(facts),
    ...(payments.length > 0 ? { payments: payments.map((p) => ({ amountYuan: p.amount_yuan, at: p.paid_at })) } : {}),
    facts,
    details: parseJson<ApplicationDetails>(app.details_json),
    raw: parseJson<{ facts?: unknown; details?: unknown }>(app.raw_json) ?? {},
    ...(errors !== null ? { errors } : {}),
    eligibility,
  }
}
