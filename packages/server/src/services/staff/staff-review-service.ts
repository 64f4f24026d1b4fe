/**
 * The back office's side of the subsidy's applications (docs/staff-api.md): the queue, one
 * application in full, its photos watermarked with the viewer, the audited reveal of a number,
 * decisions and objections (through review-service's one implementation), and the 工作台.
 *
 * Scope: an application outside what the account sees answers 404, exactly as an unknown number
 * does, so a clerk cannot learn that an application of another district exists.
 */
import {
  allowedEvents,
  checkEligibility,
  DOCUMENT_LABELS,
  isWorkingDay,
  requiredDocuments,
  type ApplicationDetails,
  type ApplicationStatus,
  type Channel,
  type District,
  type DocumentKind,
  type Education,
  type RejectionReason,
  type RevealResponse,
  type StaffApplicationDetail,
  type StaffOverview,
  type StaffQueueItem,
  type Paged,
  type StatedFacts,
  type DecisionResponse,
} from '@zhihui/core'
import { AppError, invalid, notFound } from '../../errors'
import { findApplicationByNo, type ApplicationRow } from '../../repositories/applications'
import { getPerson } from '../../repositories/people'
import {
  countByStatus,
  countEndedNotices,
  listFiledBy,
  listLastMovedBy,
  listNoticeEndedOf,
  listQueuePage,
  listWaitingSince,
  namesInCodePointOrder,
  type QueueRow,
} from '../../repositories/staff-queue'
import { statusLabel } from '../application-events'
import { assembleFacts, parseJson, readRecords } from '../application-view'
import type { ServiceDeps } from '../deps'
import type { PhotoService } from '../photo-service'
import { APPLICATION_NO } from '../review-input'
import type { ReviewService } from '../review-service'
import { byStaff, type AuditService } from './audit-service'
import { staffActor, type StaffPrincipal } from './principal'
import { chinaDayStart, readQueueQuery } from './queue-filter'
import { hasSubsidyRole, inScope, subsidyScope, type SubsidyScope } from './scope'
import { watermarkPhoto, watermarkText } from './watermark'

/** An application not decided this many working days after it was submitted is overdue on the 工作台. */
export const OVERDUE_WORKING_DAYS = 10
const WAITING_FOR_REVIEW: readonly ApplicationStatus[] = ['submitted', 'under-review']
const OVERVIEW_LIST_LIMIT = 50

export const toQueueItem = (row: QueueRow): StaffQueueItem => ({
  applicationNo: row.application_no ?? '',
  status: row.status as ApplicationStatus,
  name: row.applicant_name ?? '',
  district: row.district as District | null,
  education: row.education as Education | null,
  channel: row.channel as Channel,
  submittedAt: row.submitted_at,
})

const previousDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)

/**
 * The first day whose submissions are not overdue on `today`: an application is overdue when more
 * than `workingDays` working days (core's calendar: weekends, statutory holidays and 调休 workdays)
 * have passed after the day it was submitted, today included. Counting back from today, the
 * (workingDays + 1)-th working day is that first day: one submitted before it is overdue.
 */
export function overdueCutoff(today: string, workingDays = OVERDUE_WORKING_DAYS): string {
  let day = today
  let counted = 0
  for (;;) {
    if (isWorkingDay(day)) counted += 1
    if (counted === workingDays + 1) return day
    day = previousDay(day)
  }
}

const notFoundNo = (applicationNo: string): AppError => notFound(`没有编号为 ${applicationNo} 的申请。`)

export function createStaffReviewService(deps: ServiceDeps, services: { audit: AuditService; review: ReviewService; photos: PhotoService }) {
  const { db, clock, cipher } = deps
  const { audit, review, photos } = services

  /** The application if this account sees it; 404 alike for unknown and out-of-scope numbers. */
  async function findInScope(staff: StaffPrincipal, applicationNo: string): Promise<{ app: ApplicationRow; scope: SubsidyScope }> {
    const scope = subsidyScope(staff)
    const app = APPLICATION_NO.test(applicationNo) ? await findApplicationByNo(db, applicationNo) : undefined
    if (app === undefined || !inScope(scope, app)) throw notFoundNo(applicationNo)
    return { app, scope }
  }

  async function staffNames(actors: readonly string[]): Promise<Map<string, string>> {
    const usernames = [...new Set(actors.filter((a) => a.startsWith('staff:')).map((a) => a.slice('staff:'.length)))]
    if (usernames.length === 0) return new Map()
    const rows = await db.selectFrom('staff_accounts').select(['username', 'name']).where('username', 'in', usernames).execute()
    return new Map(rows.map((row) => [`staff:${row.username}`, row.name]))
  }

  return {
    async queue(staff: StaffPrincipal, query: Record<string, unknown>): Promise<Paged<StaffQueueItem>> {
      const scope = subsidyScope(staff)
      const { filter, page, pageSize } = readQueueQuery(query)
      const nameRange = await namesInCodePointOrder(db, deps.dbKind)
      const { rows, total } = await listQueuePage(db, scope, filter, page, pageSize, nameRange)
      return { items: rows.map(toQueueItem), total, page, pageSize }
    },

    async detail(staff: StaffPrincipal, applicationNo: string, ip: string): Promise<StaffApplicationDetail> {
      const { app } = await findInScope(staff, applicationNo)
      const [{ history, photos: stored, batch }, person] = await Promise.all([readRecords(db, app), getPerson(db, app.person_id)])
      const status = app.status as ApplicationStatus
      const channel = app.channel as Channel
      const facts = parseJson<StatedFacts>(app.facts_json)
      const eligibility =
        facts !== null && person !== undefined
          ? checkEligibility(
              assembleFacts(facts, {
                idNumber: cipher.decrypt(person.id_cipher),
                socialSecurity: {
                  cardIssued: person.card_issued === 1,
                  financialAccountActive: person.financial_account_active === 1,
                  pensionMonths: person.pension_months,
                },
              }),
              { today: clock.today() },
            )
          : null
      const names = await staffNames(history.map((h) => h.actor))
      const reasons = parseJson<RejectionReason[]>(app.rejection_json)

      const events = allowedEvents(status)
      const actions: StaffApplicationDetail['actions'] = []
      if (hasSubsidyRole(staff, ['reviewer'])) {
        // Four eyes: the clerk who filed a window application may not decide it.
        if ((events.includes('start-review') || events.includes('approve')) && app.filed_by !== staffActor(staff)) actions.push('approve', 'reject')
        if (events.includes('object')) actions.push('object')
      }

      await audit.record({ ...byStaff(staff), action: 'application-view', target: applicationNo, ip })
      return {
        applicationNo: app.application_no ?? applicationNo,
        status,
        statusLabel: statusLabel(status),
        channel,
        submittedAt: app.submitted_at,
        applicant:
          person === undefined
            ? null
            : {
                name: person.name,
                idNumberMasked: person.id_masked,
                cardNumberMasked: person.card_masked,
                cardIssued: person.card_issued === 1,
                financialAccountActive: person.financial_account_active === 1,
                pensionMonths: person.pension_months,
                verifiedAt: person.verified_at,
              },
        facts,
        details: parseJson<ApplicationDetails>(app.details_json),
        eligibility,
        requiredDocuments: facts === null ? [] : requiredDocuments(facts, channel),
        documents: stored.map((p) => ({
          kind: p.kind as DocumentKind,
          label: DOCUMENT_LABELS[p.kind as DocumentKind] ?? p.kind,
          photoId: p.id,
          bytes: p.bytes,
        })),
        history: history.map((h) => ({
          from: h.from_status as ApplicationStatus | null,
          status: h.to_status as ApplicationStatus,
          event: h.event as StaffApplicationDetail['history'][number]['event'],
          actor: h.actor,
          actorName: names.get(h.actor) ?? null,
          note: h.note,
          at: h.at,
        })),
        ...(reasons !== null ? { rejection: { reasons } } : {}),
        ...(batch !== undefined ? { notice: { batchId: batch.id, start: batch.start_date, end: batch.end_date } } : {}),
        actions,
        version: app.version,
      }
    },

    /** The photo as a JPEG with the viewer's name, username and the time across it (audited). */
    async photo(staff: StaffPrincipal, applicationNo: string, photoId: string, ip: string): Promise<Buffer> {
      const { app } = await findInScope(staff, applicationNo)
      const stored = await photos.readOfApplication(app.id, photoId)
      const at = clock.now()
      const marked = await watermarkPhoto(stored.data, watermarkText(staff, at))
      await audit.record({ ...byStaff(staff), action: 'photo-view', target: applicationNo, detail: { kind: stored.kind, photoId }, ip })
      return marked
    },

    async reveal(staff: StaffPrincipal, applicationNo: string, body: Record<string, unknown>, ip: string): Promise<RevealResponse> {
      const { app } = await findInScope(staff, applicationNo)
      const field = body.field
      if (field !== 'idNumber' && field !== 'cardNumber') throw invalid('field', '请指明要查看的号码：idNumber（身份证号）或 cardNumber（社会保障卡卡号）。')
      const person = await getPerson(db, app.person_id)
      if (person === undefined) throw notFoundNo(applicationNo)
      const value = cipher.decrypt(field === 'idNumber' ? person.id_cipher : person.card_cipher)
      await audit.record({ ...byStaff(staff), action: 'number-reveal', target: applicationNo, detail: { field }, ip })
      return { field, value }
    },

    async decide(staff: StaffPrincipal, applicationNo: string, body: Record<string, unknown>, ip: string): Promise<DecisionResponse> {
      const { app } = await findInScope(staff, applicationNo)
      if (app.filed_by !== null && app.filed_by === staffActor(staff)) {
        await audit.record({ ...byStaff(staff), action: 'decision-refused', target: applicationNo, detail: { reason: 'filed-by-self' }, ip })
        throw new AppError(403, 'FOUR_EYES', '这份申请是您在窗口受理的，按“受审分离”原则不能由您审核，请交由其他审核员处理。')
      }
      const decided = await review.decide(applicationNo, body, { ...byStaff(staff), ip }, { app })
      return { applicationNo, status: decided.status as ApplicationStatus }
    },

    async object(staff: StaffPrincipal, applicationNo: string, body: Record<string, unknown>, ip: string): Promise<DecisionResponse> {
      const { app } = await findInScope(staff, applicationNo)
      const reopened = await review.object(applicationNo, body, { ...byStaff(staff), ip }, { app })
      return { applicationNo, status: reopened.status as ApplicationStatus }
    },

    /**
     * The 工作台. `mine`: what waits for this account again after its own last move — for a
     * reviewer, applications back in review whose last review move (rejection, objection) was
     * theirs; for a window clerk, window applications they filed that are not submitted or were
     * rejected; for a payments officer, applications of their notice batches whose notice has
     * ended (ready to pay). `overdue`: submitted or under review and submitted more than 10 working
     * days ago.
     */
    async overview(staff: StaffPrincipal): Promise<StaffOverview> {
      const scope = subsidyScope(staff)
      const today = clock.today()
      const cutoffAt = chinaDayStart(overdueCutoff(today))
      const me = staffActor(staff)
      const mineLists: Promise<QueueRow[]>[] = []
      if (hasSubsidyRole(staff, ['reviewer'])) mineLists.push(listLastMovedBy(db, scope, me, WAITING_FOR_REVIEW, OVERVIEW_LIST_LIMIT))
      if (hasSubsidyRole(staff, ['window-clerk'])) mineLists.push(listFiledBy(db, scope, me, ['draft', 'rejected'], OVERVIEW_LIST_LIMIT))
      if (hasSubsidyRole(staff, ['payments'])) mineLists.push(listNoticeEndedOf(db, scope, me, today, OVERVIEW_LIST_LIMIT))
      const [counts, overdue, noticesEnded, ...mine] = await Promise.all([
        countByStatus(db, scope),
        listWaitingSince(db, scope, WAITING_FOR_REVIEW, cutoffAt, OVERVIEW_LIST_LIMIT),
        countEndedNotices(db, scope, today),
        ...mineLists,
      ])
      const seen = new Set<string>()
      const mineRows = mine
        .flat()
        .filter((row) => {
          const no = row.application_no ?? ''
          if (seen.has(no)) return false
          seen.add(no)
          return true
        })
        .sort((a, b) => (a.submitted_at ?? '').localeCompare(b.submitted_at ?? '') || (a.application_no ?? '').localeCompare(b.application_no ?? ''))
        .slice(0, OVERVIEW_LIST_LIMIT)
      return {
        counts: counts as StaffOverview['counts'],
        mine: mineRows.map(toQueueItem),
        overdue: overdue.map(toQueueItem),
        overdueDays: OVERDUE_WORKING_DAYS,
        noticesEnded,
      }
    },
  }
}

export type StaffReviewService = ReturnType<typeof createStaffReviewService>
