/**
 * The talent's side (design.md, "High-level talent services"): verify once against the talent
 * registry (consent first, as for the card binding), then request a service with one tap
 * (Idempotency-Key: a double tap files one request), follow it, cancel it while it is still open
 * (the undo after the tap), and rate it once it is done, with an optional complaint.
 */
import { randomUUID } from 'node:crypto'
import {
  complaintDue,
  confirmationDue,
  isRatingLevel,
  maskIdNumber,
  needsFollowUp,
  parseIdNumber,
  parseMobile,
  parseName,
  TALENT_OFFICE,
  TALENT_SERVICES,
  talentServiceById,
  talentTierLabel,
  type TalentProfile,
  type TalentProfileResponse,
  type TalentRequestFiled,
  type TalentRequestsResponse,
  type TalentServicesResponse,
  type TalentTierId,
} from '@zhihui/core'
import { isUniqueViolation } from '../../db/errors'
import { talentDb, type TalentsTable } from '../../db/talent-schema'
import { AppError, conflict, invalid, notFound } from '../../errors'
import {
  countVerificationFailuresSince,
  findTalentByIdHash,
  findTalentKey,
  findTalentOfAccount,
  getTalentRequest,
  insertTalent,
  insertTalentHistory,
  insertTalentKey,
  insertTalentRequest,
  insertVerificationFailure,
  linkTalentAccount,
  listRequestsOfTalent,
  listTalentHistory,
  saveTalentKeyResponse,
  updateTalent,
} from '../../repositories/talent'
import type { ApplicantAuth } from '../deps'
import type { TalentDeps } from './deps'
import { applyTalentEvent, optionalText } from './request-events'
import { applicantView } from './talent-view'

export const VERIFY_FAILURE_LIMIT = 5
const VERIFY_WINDOW_MS = 3600_000
const KEY = /^[\x21-\x7e]{1,128}$/
const CERTIFICATE = /^[A-Z0-9-]{4,32}$/

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

/** Certificate numbers: first 3 and last 2 kept. */
export function maskCertificateNo(no: string): string {
  const chars = [...no]
  if (chars.length < 6) return '*'.repeat(chars.length)
  return chars.slice(0, 3).join('') + '*'.repeat(chars.length - 5) + chars.slice(-2).join('')
}

const maskMobile = (mobile: string): string => `${mobile.slice(0, 3)}****${mobile.slice(-4)}`

export function profileOf(talent: TalentsTable): TalentProfile {
  return {
    name: talent.name,
    tier: talent.tier as TalentTierId,
    tierLabel: talentTierLabel(talent.tier),
    idNumberMasked: talent.id_masked,
    certificateNoMasked: talent.certificate_masked,
    mobileMasked: talent.mobile === null ? null : maskMobile(talent.mobile),
  }
}

const actorOf = (auth: ApplicantAuth): string => `applicant:${auth.accountId}`

export function createTalentService(deps: TalentDeps) {
  const db = talentDb(deps.db)
  const { cipher, clock, registry, bus, warn } = deps

  async function requireTalent(auth: ApplicantAuth): Promise<TalentsTable> {
    const talent = await findTalentOfAccount(db, auth.accountId)
    if (talent === undefined) {
      throw new AppError(403, 'TALENT_VERIFICATION_REQUIRED', '请先完成高层次人才身份核验，再使用人才服务。')
    }
    return talent
  }

  async function ownRequest(auth: ApplicantAuth, requestId: string) {
    const talent = await requireTalent(auth)
    const row = await getTalentRequest(db, requestId)
    // Someone else's request is "not there" (design.md: 404, never 403).
    if (row === undefined || row.talent_id !== talent.id) throw notFound('没有找到这条服务请求。')
    return { talent, row }
  }

  async function checkAttempts(auth: ApplicantAuth, now: Date): Promise<number> {
    const since = new Date(now.getTime() - VERIFY_WINDOW_MS).toISOString()
    const failures = await countVerificationFailuresSince(db, auth.accountId, since)
    if (failures >= VERIFY_FAILURE_LIMIT) {
      throw new AppError(429, 'TALENT_VERIFICATION_LOCKED', `核验未通过已达${VERIFY_FAILURE_LIMIT}次，为保护您的信息安全，请1小时后再试。`)
    }
    return failures
  }

  async function storeTalent(idHash: string, idNumber: string, entry: { name: string; tier: string; certificateNo: string; photoFile?: string; initials?: string }, mobile: string | null, at: string) {
    const fields = {
      name: entry.name,
      tier: entry.tier,
      certificate_masked: maskCertificateNo(entry.certificateNo.trim().toUpperCase()),
      photo_ref: entry.photoFile ?? null,
      initials: entry.initials ?? null,
      verified_at: at,
    }
    const existing = await findTalentByIdHash(db, idHash)
    if (existing !== undefined) {
      const patch = { ...fields, mobile: mobile ?? existing.mobile }
      await updateTalent(db, existing.id, patch)
      return { ...existing, ...patch }
    }
    const row: TalentsTable = { id: randomUUID(), id_hash: idHash, id_cipher: cipher.encrypt(idNumber), id_masked: maskIdNumber(idNumber), mobile, ...fields }
    try {
      await insertTalent(db, row)
      return row
    } catch (error) {
      // The same talent verifying from two accounts at once: keep the first row.
      if (!isUniqueViolation(error)) throw error
      const raced = await findTalentByIdHash(db, idHash)
      if (raced === undefined) throw error
      return raced
    }
  }

  return {
    services(): TalentServicesResponse {
      return { services: TALENT_SERVICES.map(({ id, label, hint, bureau }) => ({ id, label, hint, bureau })) }
    },

    async verify(auth: ApplicantAuth, body: Record<string, unknown>): Promise<TalentProfileResponse> {
      if (body.consent !== true) {
        throw invalid('consent', '请先阅读并勾选同意《个人信息收集使用说明》，再进行高层次人才身份核验。', 'CONSENT_REQUIRED')
      }
      const name = parseName(text(body.name))
      if (!name.ok) throw invalid('name', name.error.message, name.error.code)
      const id = parseIdNumber(text(body.idNumber), { today: clock.today() })
      if (!id.ok) throw invalid('idNumber', id.error.message, id.error.code)
      const certificateNo = text(body.certificateNo).trim().toUpperCase()
      if (!CERTIFICATE.test(certificateNo)) {
        throw invalid('certificateNo', '请填写高层次人才认定证书上的证书编号（4至32位字母、数字或“-”）。', 'CERTIFICATE_FORMAT')
      }
      let mobile: string | null = null
      if (body.mobile !== undefined && body.mobile !== null && body.mobile !== '') {
        const parsed = parseMobile(text(body.mobile))
        if (!parsed.ok) throw invalid('mobile', parsed.error.message, parsed.error.code)
        mobile = parsed.value
      }

      const now = clock.now()
      const failures = await checkAttempts(auth, now)
      let entry
      try {
        entry = await registry.verify({ name: name.value, idNumber: id.value.idNumber, certificateNo })
      } catch (error) {
        warn('talent registry unavailable', error)
        throw new AppError(503, 'TALENT_REGISTRY_UNAVAILABLE', '高层次人才认定名单暂时无法查询，请稍后再试。')
      }
      if (entry === null) {
        await insertVerificationFailure(db, randomUUID(), auth.accountId, now.toISOString())
        const left = VERIFY_FAILURE_LIMIT - failures - 1
        throw new AppError(
          422,
          'TALENT_NOT_FOUND',
          `很抱歉，在“智汇郑州”高层次人才认定名单中没有找到与您填写的姓名、身份证号和证书编号一致的记录，本次没有提交任何服务请求。` +
            `如您已获认定，请对照认定证书核对后再试${left > 0 ? `（还可尝试${left}次）` : ''}；如有疑问，请致电${TALENT_OFFICE.name}${TALENT_OFFICE.phone}，工作人员会帮您查询。`,
          undefined,
          { office: { name: TALENT_OFFICE.name, phone: TALENT_OFFICE.phone } },
        )
      }
      const idHash = cipher.hash(id.value.idNumber)
      const bound = await findTalentOfAccount(db, auth.accountId)
      if (bound !== undefined && bound.id_hash !== idHash) {
        throw conflict('TALENT_ACCOUNT_BOUND', '此账号已核验为另一位人才，不能再核验其他人的身份。')
      }
      const at = now.toISOString()
      const talent = await storeTalent(idHash, id.value.idNumber, entry, mobile, at)
      await linkTalentAccount(db, auth.accountId, talent.id, at)
      return { talent: profileOf(talent) }
    },

    async me(auth: ApplicantAuth): Promise<TalentProfileResponse> {
      const talent = await findTalentOfAccount(db, auth.accountId)
      if (talent === undefined) throw notFound('尚未完成高层次人才身份核验。')
      return { talent: profileOf(talent) }
    },

    async file(auth: ApplicantAuth, body: Record<string, unknown>, key: string | undefined): Promise<TalentRequestFiled> {
      if (key === undefined || !KEY.test(key)) {
        throw invalid('Idempotency-Key', '服务请求缺少 Idempotency-Key 请求头（1 至 128 个可见字符），请更新小程序后重试。', 'IDEMPOTENCY_KEY_REQUIRED')
      }
      const talent = await requireTalent(auth)
      const remembered = await findTalentKey(db, talent.id, key)
      if (remembered?.response_json != null) return JSON.parse(remembered.response_json) as TalentRequestFiled
      const service = talentServiceById(text(body.serviceId))
      if (service === undefined) throw invalid('serviceId', '没有这项服务，请刷新服务列表后重试。', 'UNKNOWN_SERVICE')
      const note = optionalText(body.note, 200)
      if (note === 'invalid') throw invalid('note', '补充说明最多 200 个字。')

      const at = clock.now().toISOString()
      const filedOn = clock.today()
      const answer: TalentRequestFiled = { requestId: randomUUID(), status: 'open' }
      try {
        await db.transaction().execute(async (trx) => {
          await insertTalentKey(trx, talent.id, key, at)
          await insertTalentRequest(trx, {
            id: answer.requestId,
            talent_id: talent.id,
            service_id: service.id,
            bureau: service.bureau,
            status: 'open',
            version: 1,
            note,
            created_at: at,
            filed_on: filedOn,
            confirm_due: confirmationDue(filedOn),
            confirmed_at: null,
            confirmed_by: null,
            confirmed_by_name: null,
            arranged_at: null,
            arrange_when: null,
            arrange_where: null,
            arrange_who: null,
            arrange_phone: null,
            done_at: null,
            cancelled_at: null,
            rated_at: null,
            rating_level: null,
            rating_comment: null,
            complaint: null,
            follow_up_due: null,
            follow_up_answer: null,
            follow_up_answered_at: null,
            follow_up_answered_by: null,
          })
          await insertTalentHistory(trx, {
            request_id: answer.requestId,
            version: 1,
            from_status: null,
            to_status: 'open',
            event: 'file',
            actor: actorOf(auth),
            actor_name: talent.name,
            at,
          })
          await saveTalentKeyResponse(trx, talent.id, key, answer)
        })
      } catch (error) {
        if (!isUniqueViolation(error)) throw error
        // The same key from a parallel tap, committed by now.
        const raced = await findTalentKey(db, talent.id, key)
        if (raced?.response_json != null) return JSON.parse(raced.response_json) as TalentRequestFiled
        throw conflict('REQUEST_IN_PROGRESS', '服务请求正在提交，请稍后刷新查看。')
      }
      // Committed: the service staff of the bureau see it now.
      await bus.publish({
        type: 'request',
        bureau: service.bureau,
        talentId: talent.id,
        payload: {
          requestId: answer.requestId,
          name: talent.name,
          tier: talent.tier as TalentTierId,
          tierLabel: talentTierLabel(talent.tier),
          serviceId: service.id,
          serviceLabel: service.label,
          bureau: service.bureau,
          filedAt: at,
        },
      })
      return answer
    },

    async list(auth: ApplicantAuth): Promise<TalentRequestsResponse> {
      const talent = await requireTalent(auth)
      const rows = await listRequestsOfTalent(db, talent.id)
      const history = await listTalentHistory(db, rows.map((row) => row.id))
      const today = clock.today()
      return {
        requests: rows.map((row) =>
          applicantView(
            row,
            history.filter((entry) => entry.request_id === row.id),
            today,
          ),
        ),
      }
    },

    async cancel(auth: ApplicantAuth, requestId: string): Promise<TalentRequestFiled> {
      const { talent, row } = await ownRequest(auth, requestId)
      const at = clock.now().toISOString()
      const next = await db
        .transaction()
        .execute((trx) => applyTalentEvent(trx, row, 'cancel', { actor: actorOf(auth), actorName: talent.name, at, patch: { cancelled_at: at } }))
      await bus.publish({
        type: 'status',
        bureau: row.bureau,
        payload: { requestId: row.id, status: 'cancelled', bureau: row.bureau, serviceId: row.service_id, at },
      })
      return { requestId: next.id, status: 'cancelled' }
    },

    async rate(auth: ApplicantAuth, requestId: string, body: Record<string, unknown>) {
      const { talent, row } = await ownRequest(auth, requestId)
      if (row.status === 'rated') throw conflict('ALREADY_RATED', '这次服务您已经评价过了，每次服务只能评价一次。')
      if (row.status !== 'done') throw conflict('NOT_DONE', '服务完成后才能评价。')
      const level = body.level
      if (!isRatingLevel(level)) throw invalid('level', '请选择评价等级：非常满意、满意、基本满意、不满意或非常不满意。')
      const comment = optionalText(body.comment, 500)
      if (comment === 'invalid') throw invalid('comment', '评价内容最多 500 个字。')
      const complaint = optionalText(body.complaint, 1000)
      if (complaint === 'invalid') throw invalid('complaint', '投诉内容最多 1000 个字。')
      const at = clock.now().toISOString()
      const today = clock.today()
      const followUpDue = needsFollowUp(level, complaint !== null) ? complaintDue(today) : null
      await db.transaction().execute((trx) =>
        applyTalentEvent(trx, row, 'rate', {
          actor: actorOf(auth),
          actorName: talent.name,
          at,
          patch: { rated_at: at, rating_level: level, rating_comment: comment, complaint, follow_up_due: followUpDue },
        }),
      )
      await bus.publish({
        type: 'status',
        bureau: row.bureau,
        payload: { requestId: row.id, status: 'rated', bureau: row.bureau, serviceId: row.service_id, at },
      })
      return { requestId: row.id, status: 'rated' as const, followUpDue }
    },
  }
}

export type TalentService = ReturnType<typeof createTalentService>
