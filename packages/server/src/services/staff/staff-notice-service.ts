/**
 * Notice batches (公示) in the back office: the list, a new batch (through the one publishNotice
 * of notice-payment-service, audited here), a batch with its 公示名单, and that list as .xlsx.
 */
import { noticeHasEnded, type EligibilityReport, type Education, type NoticeBatch, type NoticeBatchDetail, type NoticeListRow, type StatedFacts, type ApplicationStatus } from '@zhihui/core'
import { AppError, notFound } from '../../errors'
import { getNoticeBatch } from '../../repositories/documents'
import { findNoticeBatch, listNoticeBatches, listNoticeRows, type NoticeBatchWithSize, type NoticeListDbRow } from '../../repositories/staff-notices'
import { parseJson } from '../application-view'
import type { ServiceDeps } from '../deps'
import type { NoticePaymentService } from '../notice-payment-service'
import { byStaff, type AuditService } from './audit-service'
import { noticeListXlsx } from './notice-xlsx'
import { staffActor, type StaffPrincipal } from './principal'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const LIST_LIMIT = 200

/** What the 公示名单 shows for the work: the employer, or 自主创业 / 暂未就业. */
export function employerOf(facts: StatedFacts | null): string {
  switch (facts?.employment.kind) {
    case 'employed':
      return facts.employment.employer ?? ''
    case 'self-employed':
      return '自主创业'
    case 'unemployed':
      return '暂未就业'
    default:
      return ''
  }
}

export function noticeListRow(row: NoticeListDbRow): NoticeListRow {
  const facts = parseJson<StatedFacts>(row.facts_json)
  return {
    applicationNo: row.application_no ?? '',
    name: row.name,
    idNumberMasked: row.id_masked,
    education: (row.education ?? facts?.education ?? 'bachelor') as Education,
    employer: employerOf(facts),
    monthlyYuan: parseJson<EligibilityReport>(row.eligibility_json)?.subsidy?.monthlyYuan ?? 0,
    status: row.status as ApplicationStatus,
  }
}

export function createStaffNoticeService(deps: ServiceDeps, services: { audit: AuditService; noticesAndPayments: NoticePaymentService }) {
  const { db, clock } = deps
  const { audit, noticesAndPayments } = services

  const toBatch = (row: NoticeBatchWithSize, today: string): NoticeBatch => ({
    id: row.id,
    start: row.start_date,
    end: row.end_date,
    holidaysKnown: row.holidays_known === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
    size: row.size,
    ended: noticeHasEnded(row.end_date, today),
  })

  async function find(id: string): Promise<NoticeBatchWithSize> {
    const row = UUID.test(id) ? await findNoticeBatch(db, id) : undefined
    if (row === undefined) throw notFound('没有找到这个公示批次。')
    return row
  }

  /** The batch and its rows; the size is the rows' count (no second pass over the applications). */
  async function detail(id: string): Promise<NoticeBatchDetail> {
    const row = UUID.test(id) ? await getNoticeBatch(db, id) : undefined
    if (row === undefined) throw notFound('没有找到这个公示批次。')
    const items = (await listNoticeRows(db, row.id)).map(noticeListRow)
    return { ...toBatch({ ...row, size: items.length }, clock.today()), items }
  }

  return {
    async list(): Promise<{ items: NoticeBatch[] }> {
      const today = clock.today()
      return { items: (await listNoticeBatches(db, LIST_LIMIT)).map((row) => toBatch(row, today)) }
    },

    async create(staff: StaffPrincipal, body: Record<string, unknown>, ip: string): Promise<{ batch: NoticeBatch }> {
      const published = await noticesAndPayments.publishNotice(body, staffActor(staff))
      const batchId = published.batch.id
      await audit.record({ ...byStaff(staff), action: 'notice-create', target: batchId, detail: { applicationNos: published.batch.applicationNos }, ip })
      return { batch: toBatch(await find(batchId), clock.today()) }
    },

    detail,

    /**
     * The notice has ended: its applications still in 公示 start paying, through the one `pay` of
     * notice-payment-service (entitlement fixed, months due so far decided by the rules of a
     * payment run; they join the next run's bank file). A staff decision, audited. Before the
     * notice's end, or with nothing left to start (all started, or objected to), 409.
     */
    async startPayments(staff: StaffPrincipal, id: string, ip: string): Promise<{ batch: NoticeBatchDetail; started: string[] }> {
      const batch = await detail(id)
      if (!batch.ended) {
        throw new AppError(409, 'NOTICE_NOT_ENDED', `公示期至${batch.end}结束，次日起才能开始发放。`)
      }
      const nos = batch.items.filter((item) => item.status === 'public-notice').map((item) => item.applicationNo)
      if (nos.length === 0) {
        throw new AppError(409, 'NOTHING_TO_START', '这个批次中没有待开始发放的申请（均已开始发放，或因异议退回重新审核）。')
      }
      await noticesAndPayments.pay({ applicationNos: nos }, staffActor(staff))
      await audit.record({ ...byStaff(staff), action: 'payment-start', target: batch.id, detail: { applicationNos: nos }, ip })
      return { batch: await detail(id), started: nos }
    },

    /** The 公示名单 as .xlsx (audited); an empty batch (every application objected to) → 409. */
    async exportList(staff: StaffPrincipal, id: string, ip: string): Promise<{ batch: NoticeBatchDetail; file: Buffer }> {
      const batch = await detail(id)
      if (batch.items.length === 0) {
        throw new AppError(409, 'EMPTY_BATCH', '这个公示批次中已没有申请（可能均因异议退回重新审核），没有可导出的公示名单。')
      }
      const file = await noticeListXlsx(batch, batch.items)
      await audit.record({ ...byStaff(staff), action: 'notice-export', target: batch.id, detail: { rows: batch.items.length }, ip })
      return { batch, file }
    },
  }
}

export type StaffNoticeService = ReturnType<typeof createStaffNoticeService>
