/**
 * What an applicant sees of their application (GET /application, and the answer of PUT): status,
 * timeline, rejection reasons, notice dates, documents, the entitlement and its monthly ledger
 * once paying, and the form as entered.
 */
import {
  checkEligibility,
  monthOf,
  requiredDocuments,
  type ApplicantFacts,
  type ApplicationDetails,
  type ApplicationStatus,
  type ApplicationView,
  type Channel,
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
import { shanghaiDate } from '../clock'
import { isEditable, statusLabel } from './application-events'
import { entitlementView, lineView, readLedger, stopFrom } from './payments/ledger-view'
import { channelOf, filingWindow } from './window-application'

/** The statuses whose view carries the entitlement and the ledger (design.md: "once paying"). */
const LEDGER_STATUSES: ReadonlySet<ApplicationStatus> = new Set<ApplicationStatus>(['paying', 'paid', 'stopped'])

/** The answer's shape is core's (api-types), shared with the app that reads it. */
export type { ApplicationView, RejectionReason } from '@zhihui/core'

export const parseJson = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T))

export function assembleFacts(stated: StatedFacts, fromBinding: Pick<ApplicantFacts, 'idNumber' | 'socialSecurity'>): ApplicantFacts {
  return { ...stated, idNumber: fromBinding.idNumber, socialSecurity: fromBinding.socialSecurity }
}

/**
 * The documents to photograph: online, the photos core asks of the applicant; at a window, the
 * originals core lists, which the clerk photographs (design.md, "Window intake"). A 学信网 code in
 * the details marks the student-record report replaced.
 */
export function photoRequirements(
  facts: StatedFacts | null,
  channel: Channel = 'online',
  details: Pick<ApplicationDetails, 'chsiVerificationCode'> | null = null,
): DocumentRequirement[] {
  return facts === null ? [] : requiredDocuments(facts, channel, details ?? {}).filter((doc) => channel === 'window' || doc.photo)
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
  const status = app.status as ApplicationStatus
  const [{ history, photos, payments, batch }, ledger] = await Promise.all([
    readRecords(db, app),
    LEDGER_STATUSES.has(status) ? readLedger(db, app.id) : Promise.resolve(undefined),
  ])
  const stop = status === 'stopped' ? stopFrom(history) : undefined
  const facts = parseJson<StatedFacts>(app.facts_json)
  const errors = parseJson<FieldError[]>(app.form_errors_json)
  let eligibility = parseJson<EligibilityReport>(app.eligibility_json)
  if (isEditable(status) && facts !== null) {
    eligibility = checkEligibility(assembleFacts(facts, await live.binding()), { today: live.today })
  }
  const reasons = parseJson<RejectionReason[]>(app.rejection_json)
  const details = parseJson<ApplicationDetails>(app.details_json)
  const window = filingWindow(app)
  return {
    applicationNo: app.application_no,
    status,
    statusLabel: statusLabel(status),
    channel: channelOf(app),
    ...(window !== undefined ? { window } : {}),
    timeline: history.map((entry) => ({ status: entry.to_status as ApplicationStatus, at: entry.at })),
    ...(status === 'rejected' && reasons !== null ? { rejection: { reasons } } : {}),
    ...(batch !== undefined ? { notice: { start: batch.start_date, end: batch.end_date } } : {}),
    // Only kinds core required were ever stored (the upload route checks), so the column holds DocumentKinds.
    documents: photos.map((photo) => ({ kind: photo.kind as DocumentKind, photoId: photo.id, bytes: photo.bytes })),
    requiredDocuments: photoRequirements(facts, channelOf(app), details),
    ...(ledger !== undefined
      ? { entitlement: entitlementView(ledger.entitlement, ledger.lines), payments: ledger.lines.map(lineView) }
      : payments.length > 0
        ? // Only an old one-off payment the migration could not turn into an entitlement (0003-monthly-payments).
          { payments: payments.map((p) => ({ month: monthOf(shanghaiDate(new Date(p.paid_at))), amountYuan: p.amount_yuan, status: 'paid' as const, at: p.paid_at })) }
        : {}),
    ...(stop !== undefined ? { stop } : {}),
    facts,
    details,
    raw: parseJson<{ facts?: unknown; details?: unknown }>(app.raw_json) ?? {},
    ...(errors !== null ? { errors } : {}),
    eligibility,
  }
}
