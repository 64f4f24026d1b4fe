/**
 * The staff's side of the talent services, by the seed's three layers [seed, second article,
 * 三是分层管理功能]: service staff (服务人员层) see and serve the requests of their bureau — confirm,
 * arrange the offline service (when, where, who), mark it done; a bureau (业务局委层) sees its whole
 * system read-only, answers complaints and poor ratings, reads its statistics and publishes news;
 * city leaders (市领导层) see every bureau and every evaluation, without personal numbers.
 *
 * A request outside the viewer's bureau is "not there" (404), never "forbidden". Every action is
 * audited in the transaction that makes it; the talent is texted once it is committed.
 */
import {
  BUREAUS,
  complaintRate,
  hasAnyRole,
  isBureau,
  isDelivered,
  isPastDue,
  isTalentRequestStatus,
  satisfactionRate,
  talentServiceById,
  TALENT_SERVICES,
  type RatingLevel,
  type StaffTalentRequest,
  type StaffTalentRequestsResponse,
  type StaffTalentStatsResponse,
  type TalentArrangement,
  type TalentAuditAction,
  type TalentBureauStats,
  type TalentMonthStats,
  type TalentRequestStatus,
} from '@zhihui/core'
import { talentDb, type TalentExecutor, type TalentRequestsTable } from '../../db/talent-schema'
import { conflict, invalid, notFound } from '../../errors'
import {
  getRequestWithTalent,
  getTalent,
  listRequestsFiled,
  listRequestsWithTalent,
  listTalentHistory,
  talentHasRequestWith,
  updateTalentRequest,
  type RequestWithTalent,
} from '../../repositories/talent'
import type { Executor } from '../../db/schema'
import type { BuiltMessage } from '../../notifications/messages'
import { talentAnsweredMessage, talentArrangedMessage, talentConfirmedMessage, talentDoneMessage } from '../../notifications/talent-messages'
import { byStaff } from '../staff/audit-service'
import { readPage } from '../staff/paging'
import { staffActor, type StaffPrincipal } from '../staff/principal'
import type { TalentDeps } from './deps'
import { applyTalentEvent, CONCURRENT_TALENT_MESSAGE, optionalText, talentAudit } from './request-events'
import type { TalentPhoto, TalentPhotos } from './talent-photos'
import { staffView } from './talent-view'

/** Which requests a staff member sees, and whether with personal data. */
export interface TalentScope {
  /** null: every bureau (the leader). */
  bureau: string | null
  personal: boolean
}

/**
 * Leaders see every bureau without personal numbers; service staff and bureau accounts their own
 * bureau with them. An account scoped to no bureau sees nothing (its bureau matches no request).
 */
export function talentScopeOf(staff: StaffPrincipal): TalentScope {
  if (hasAnyRole(staff.roles, ['service-staff', 'bureau'])) return { bureau: staff.bureau ?? '（未设置局委）', personal: true }
  return { bureau: null, personal: false }
}

const inScope = (scope: TalentScope, bureau: string): boolean => scope.bureau === null || scope.bureau === bureau

const DAY = /^\d{4}-\d{2}-\d{2}$/
const PHONE = /^[0-9+\- ]{5,20}$/

/** Hours with one decimal. */
const hours = (ms: number): number => Math.round(ms / 360_000) / 10

export function createTalentStaffService(deps: TalentDeps, photos: TalentPhotos) {
  const db = talentDb(deps.db)
  const { clock, sms, bus, warn } = deps

  async function audit(trx: TalentExecutor, staff: StaffPrincipal, action: TalentAuditAction, target: string, ip: string, detail?: Record<string, unknown>) {
    await talentAudit(trx, clock.now().toISOString(), { ...byStaff(staff), action, target, ip, detail: detail ?? null })
  }

  /**
   * Queues the talent's text in the transaction of the step it announces; `version` is the one the
   * step produced, so a repeat of the step cannot queue a second text. A sender that cannot queue
   * sends after the commit (text).
   */
  async function queue(trx: TalentExecutor, row: RequestWithTalent, message: BuiltMessage, version: number): Promise<void> {
    if (row.talent_mobile === null || sms.enqueueMany === undefined) return
    // The talent tables are the same database seen through wider types (talentDb): the same transaction.
    await sms.enqueueMany(trx as unknown as Executor, [{ mobile: row.talent_mobile, ...message, key: `${row.id}:v${version}` }])
  }

  async function text(row: RequestWithTalent, message: BuiltMessage): Promise<void> {
    if (row.talent_mobile === null || sms.enqueueMany !== undefined) return
    await sms.send({ mobile: row.talent_mobile, ...message }).catch((error: unknown) => warn('talent sms not sent', error))
  }

  async function scoped(staff: StaffPrincipal, requestId: string): Promise<RequestWithTalent> {
    const row = await getRequestWithTalent(db, requestId)
    if (row === undefined || !inScope(talentScopeOf(staff), row.bureau)) throw notFound('没有找到这条服务请求。')
    return row
  }

  async function view(staff: StaffPrincipal, row: RequestWithTalent): Promise<StaffTalentRequest> {
    const history = await listTalentHistory(db, [row.id])
    return staffView(row, history, clock.today(), talentScopeOf(staff).personal)
  }

  const announce = (row: TalentRequestsTable, status: TalentRequestStatus, at: string) =>
    bus.publish({ type: 'status', bureau: row.bureau, payload: { requestId: row.id, status, bureau: row.bureau, serviceId: row.service_id, at } })

  const serviceLabel = (row: TalentRequestsTable): string => talentServiceById(row.service_id)?.label ?? row.service_id

  function requiredText(body: Record<string, unknown>, field: string, label: string, max: number): string {
    const value = optionalText(body[field], max)
    if (value === null || value === 'invalid') throw invalid(field, `请填写${label}（最多 ${max} 个字）。`)
    return value
  }

  /** `from`/`to` of the statistics: given, or the last 12 months up to today. */
  function period(query: Record<string, unknown>): { from: string; to: string } {
    const today = clock.today()
    const read = (name: 'from' | 'to'): string | undefined => {
      const value = query[name]
      if (value === undefined || value === '') return undefined
      if (typeof value !== 'string' || !DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
        throw invalid(name, '日期格式应为 YYYY-MM-DD。')
      }
      return value
    }
    const to = read('to') ?? today
    const year = Number(to.slice(0, 4))
    const month = Number(to.slice(5, 7))
    const start = month === 12 ? `${year}-01-01` : `${year - 1}-${String(month + 1).padStart(2, '0')}-01`
    const from = read('from') ?? start
    if (from > to) throw invalid('from', '开始日期不能晚于结束日期。')
    return { from, to }
  }

  function summarise(rows: readonly TalentRequestsTable[], today: string) {
    const delivered = rows.filter((row) => isDelivered(row.status as TalentRequestStatus))
    const levels = rows.flatMap((row) => (row.rating_level === null ? [] : [row.rating_level as RatingLevel]))
    const complaints = rows.filter((row) => row.complaint !== null).length
    const confirmed = rows.filter((row) => row.confirmed_at !== null)
    const toConfirm = confirmed.map((row) => Date.parse(row.confirmed_at as string) - Date.parse(row.created_at))
    return {
      requests: rows.length,
      done: delivered.length,
      ratings: levels.length,
      satisfactionRate: satisfactionRate(levels),
      complaintRate: complaintRate({ complaints, delivered: delivered.length }),
      complaints,
      overdueComplaints: rows.filter((row) => row.follow_up_due !== null && row.follow_up_answered_at === null && isPastDue(row.follow_up_due, today)).length,
      overdueConfirmations: rows.filter((row) => row.status === 'open' && isPastDue(row.confirm_due, today)).length,
      meanHoursToConfirm: toConfirm.length === 0 ? null : hours(toConfirm.reduce((a, b) => a + b, 0) / toConfirm.length),
    }
  }

  return {
    async list(staff: StaffPrincipal, query: Record<string, unknown>): Promise<StaffTalentRequestsResponse> {
      const scope = talentScopeOf(staff)
      const { page, pageSize } = readPage(query)
      const status = query.status
      if (status !== undefined && status !== '' && !isTalentRequestStatus(status)) throw invalid('status', '没有这个请求状态。')
      const bureau = query.bureau
      if (bureau !== undefined && bureau !== '' && !isBureau(bureau)) throw invalid('bureau', '没有这个局委。')
      // A bureau-scoped account asking for another bureau gets nothing, as if there were nothing.
      const wanted = scope.bureau ?? (typeof bureau === 'string' && bureau !== '' ? bureau : undefined)
      if (scope.bureau !== null && typeof bureau === 'string' && bureau !== '' && bureau !== scope.bureau) {
        return { items: [], total: 0, page, pageSize }
      }
      const today = clock.today()
      const { rows, total } = await listRequestsWithTalent(
        db,
        {
          bureau: wanted,
          status: typeof status === 'string' && status !== '' ? status : undefined,
          overdueOn: query.overdue === '1' || query.overdue === 'true' ? today : undefined,
        },
        page,
        pageSize,
      )
      const history = await listTalentHistory(db, rows.map((row) => row.id))
      return {
        items: rows.map((row) =>
          staffView(
            row,
            history.filter((entry) => entry.request_id === row.id),
            today,
            scope.personal,
          ),
        ),
        total,
        page,
        pageSize,
      }
    },

    async detail(staff: StaffPrincipal, requestId: string): Promise<{ request: StaffTalentRequest }> {
      return { request: await view(staff, await scoped(staff, requestId)) }
    },

    async confirm(staff: StaffPrincipal, requestId: string, ip: string): Promise<{ request: StaffTalentRequest }> {
      const row = await scoped(staff, requestId)
      const at = clock.now().toISOString()
      const next = await db.transaction().execute(async (trx) => {
        const moved = await applyTalentEvent(trx, row, 'confirm', {
          actor: staffActor(staff),
          actorName: staff.name,
          at,
          patch: { confirmed_at: at, confirmed_by: staff.username, confirmed_by_name: staff.name },
        })
        await audit(trx, staff, 'talent-request-confirm', row.id, ip, { bureau: row.bureau, serviceId: row.service_id })
        await queue(trx, row, talentConfirmedMessage(serviceLabel(row), row.bureau), moved.version)
        return moved
      })
      await text(row, talentConfirmedMessage(serviceLabel(row), row.bureau))
      await announce(row, 'confirmed', at)
      return { request: await view(staff, { ...row, ...next }) }
    },

    async arrange(staff: StaffPrincipal, requestId: string, body: Record<string, unknown>, ip: string): Promise<{ request: StaffTalentRequest }> {
      const row = await scoped(staff, requestId)
      const arrangement: TalentArrangement = {
        when: requiredText(body, 'when', '服务时间', 100),
        where: requiredText(body, 'where', '服务地点', 100),
        who: requiredText(body, 'who', '服务人员', 100),
        phone: null,
      }
      const phone = optionalText(body.phone, 20)
      if (phone === 'invalid' || (phone !== null && !PHONE.test(phone))) throw invalid('phone', '联系电话只能包含数字和“-”，5 至 20 位。')
      arrangement.phone = phone
      const at = clock.now().toISOString()
      const next = await db.transaction().execute(async (trx) => {
        const moved = await applyTalentEvent(trx, row, 'arrange', {
          actor: staffActor(staff),
          actorName: staff.name,
          at,
          patch: {
            arranged_at: at,
            arrange_when: arrangement.when,
            arrange_where: arrangement.where,
            arrange_who: arrangement.who,
            arrange_phone: arrangement.phone,
          },
        })
        await audit(trx, staff, 'talent-request-arrange', row.id, ip, { ...arrangement })
        await queue(trx, row, talentArrangedMessage(serviceLabel(row), arrangement), moved.version)
        return moved
      })
      await text(row, talentArrangedMessage(serviceLabel(row), arrangement))
      await announce(row, 'arranged', at)
      return { request: await view(staff, { ...row, ...next }) }
    },

    async done(staff: StaffPrincipal, requestId: string, ip: string): Promise<{ request: StaffTalentRequest }> {
      const row = await scoped(staff, requestId)
      const at = clock.now().toISOString()
      const next = await db.transaction().execute(async (trx) => {
        const moved = await applyTalentEvent(trx, row, 'finish', { actor: staffActor(staff), actorName: staff.name, at, patch: { done_at: at } })
        await audit(trx, staff, 'talent-request-done', row.id, ip)
        await queue(trx, row, talentDoneMessage(serviceLabel(row)), moved.version)
        return moved
      })
      await text(row, talentDoneMessage(serviceLabel(row)))
      await announce(row, 'done', at)
      return { request: await view(staff, { ...row, ...next }) }
    },

    async answer(staff: StaffPrincipal, requestId: string, body: Record<string, unknown>, ip: string): Promise<{ request: StaffTalentRequest }> {
      const row = await scoped(staff, requestId)
      const answer = requiredText(body, 'answer', '答复内容', 1000)
      if (row.follow_up_due === null) throw conflict('NO_FOLLOW_UP', '这次服务的评价没有投诉或差评，无需答复。')
      if (row.follow_up_answered_at !== null) throw conflict('ALREADY_ANSWERED', '这条投诉已经答复过了。')
      const at = clock.now().toISOString()
      const patch = { follow_up_answer: answer, follow_up_answered_at: at, follow_up_answered_by: staff.name }
      await db.transaction().execute(async (trx) => {
        if (!(await updateTalentRequest(trx, row.id, row.version, patch))) throw conflict('CONCURRENT_UPDATE', CONCURRENT_TALENT_MESSAGE)
        await audit(trx, staff, 'talent-complaint-answer', row.id, ip, { due: row.follow_up_due, late: isPastDue(row.follow_up_due as string, clock.today()) })
        await queue(trx, row, talentAnsweredMessage(serviceLabel(row), row.bureau), row.version + 1)
      })
      await text(row, talentAnsweredMessage(serviceLabel(row), row.bureau))
      await announce(row, row.status as TalentRequestStatus, at)
      return { request: await view(staff, { ...row, ...patch, version: row.version + 1 }) }
    },

    /** The portrait for the pop-up: only for staff of a bureau the talent has asked (audited). */
    async photo(staff: StaffPrincipal, talentId: string, ip: string): Promise<TalentPhoto> {
      const scope = talentScopeOf(staff)
      const talent = await getTalent(db, talentId)
      if (talent === undefined || !scope.personal || !(await talentHasRequestWith(db, talentId, scope.bureau ?? undefined))) {
        throw notFound('没有找到这位人才的照片。')
      }
      const photo = await photos.portrait({ id: talent.id, name: talent.name, initials: talent.initials, photoRef: talent.photo_ref })
      await audit(db, staff, 'talent-photo-view', talentId, ip)
      return photo
    },

    async stats(staff: StaffPrincipal, query: Record<string, unknown>): Promise<StaffTalentStatsResponse> {
      const scope = talentScopeOf(staff)
      const { from, to } = period(query)
      const rows = await listRequestsFiled(db, from, to, scope.bureau ?? undefined)
      const today = clock.today()
      // Every bureau of the catalogue side by side (zeros included), then any other found in the rows.
      const bureaus =
        scope.bureau !== null
          ? [scope.bureau]
          : [...new Set([...BUREAUS.filter((b) => TALENT_SERVICES.some((s) => s.bureau === b)), ...rows.map((row) => row.bureau)])]
      const perBureau: TalentBureauStats[] = bureaus.map((bureau) => ({
        bureau,
        ...summarise(
          rows.filter((row) => row.bureau === bureau),
          today,
        ),
      }))
      const months = [...new Set(rows.map((row) => row.filed_on.slice(0, 7)))].sort()
      const trend: TalentMonthStats[] = months.flatMap((month) =>
        bureaus.map((bureau) => {
          const { overdueComplaints: _c, overdueConfirmations: _o, ...rest } = summarise(
            rows.filter((row) => row.bureau === bureau && row.filed_on.startsWith(month)),
            today,
          )
          return { month, bureau, ...rest }
        }),
      )
      return { from, to, bureaus: perBureau, trend }
    },
  }
}

export type TalentStaffService = ReturnType<typeof createTalentStaffService>
