/**
 * Submitting (journey step 7). Idempotent by the `Idempotency-Key` header: the key is claimed in
 * the same transaction that files the application, so a double tap, a retry or two parallel
 * requests with one key file one application and get one answer. Failures are not remembered:
 * after fixing what was missing the same key may be used again.
 */
import { checkEligibility, isActiveStatus, type ApplicationStatus, type EligibilityReport, type FieldError, type StatedFacts } from '@zhihui/core'
import { isUniqueViolation } from '../db/errors'
import type { Executor } from '../db/schema'
import { conflict, invalid, notFound } from '../errors'
import { findCurrentApplication, nextSequence } from '../repositories/applications'
import { findIdempotencyKey, insertIdempotencyKey, listPhotos, saveIdempotentResponse } from '../repositories/documents'
import { applyEvent, isEditable, statusLabel } from './application-events'
import { assembleFacts, parseJson } from './application-view'
import { requirePerson } from './application-service'
import type { BindingService } from './binding-service'
import { applicantActor, type ApplicantAuth, type ServiceDeps } from './deps'
import { notReadyError, submissionProblems } from './submission-readiness'
import { refuseIfFiledAtWindow } from './window-application'

export interface SubmitAnswer {
  applicationNo: string
  status: string
}

const KEY = /^[\x21-\x7e]{1,128}$/

/** ZZ + the server's date + a 5-digit sequence of that day, e.g. ZZ2026112800001. */
export async function newApplicationNo(db: Executor, today: string): Promise<string> {
  const day = today.replace(/-/g, '')
  const sequence = await nextSequence(db, day)
  return `ZZ${day}${String(sequence).padStart(5, '0')}`
}

export function createSubmitService(deps: ServiceDeps, bindings: BindingService) {
  const { db, clock } = deps

  type BindingFacts = Awaited<ReturnType<BindingService['factsOf']>>

  async function file(trx: Executor, auth: ApplicantAuth, binding: BindingFacts, key: string): Promise<SubmitAnswer> {
    const personId = binding.person.id
    const at = clock.now().toISOString()
    await insertIdempotencyKey(trx, personId, key, at)
    const app = await findCurrentApplication(trx, personId)
    if (app === undefined || !isActiveStatus(app.status as ApplicationStatus)) throw notFound('还没有可提交的申请，请先填写申请信息。')
    refuseIfFiledAtWindow(app, '提交申请')
    if (!isEditable(app.status)) {
      throw conflict('ALREADY_SUBMITTED', `申请${statusLabel(app.status)}（申请编号 ${app.application_no ?? ''}），无需重复提交。`)
    }
    const facts = parseJson<StatedFacts>(app.facts_json)
    const today = clock.today()
    let eligibility: EligibilityReport | null = null
    if (facts !== null) eligibility = checkEligibility(assembleFacts(facts, binding), { today })
    const blocked = submissionProblems({
      facts,
      formErrors: parseJson<FieldError[]>(app.form_errors_json),
      eligibility,
      photos: await listPhotos(trx, app.id),
    })
    if (blocked !== undefined) throw notReadyError(blocked)
    const applicationNo = app.application_no ?? (await newApplicationNo(trx, today))
    const filed = await applyEvent(trx, app, app.status === 'draft' ? 'submit' : 'resubmit', {
      actor: applicantActor(auth),
      at,
      patch: {
        application_no: applicationNo,
        submitted_at: at,
        eligibility_json: JSON.stringify(eligibility),
        // The staff queue filters on these; a resubmission may have changed them.
        district: facts?.hukou.district ?? null,
        education: facts?.education ?? null,
        applicant_name: binding.person.name,
      },
    })
    const answer = { applicationNo, status: filed.status }
    await saveIdempotentResponse(trx, personId, key, answer)
    return answer
  }

  return {
    async submit(auth: ApplicantAuth, key: string | undefined): Promise<SubmitAnswer> {
      const personId = requirePerson(auth)
      if (key === undefined || !KEY.test(key)) {
        throw invalid('Idempotency-Key', '提交请求缺少 Idempotency-Key 请求头（1 至 128 个可见字符），请更新小程序后重试。', 'IDEMPOTENCY_KEY_REQUIRED')
      }
      const remembered = await findIdempotencyKey(db, personId, key)
      if (remembered?.response_json != null) return JSON.parse(remembered.response_json) as SubmitAnswer
      // Read before the transaction: on SQLite the transaction holds the only connection.
      const binding = await bindings.factsOf(personId)
      try {
        return await db.transaction().execute((trx) => file(trx, auth, binding, key))
      } catch (error) {
        if (!isUniqueViolation(error)) throw error
        // The same key was being used by a parallel request, which has committed by now.
        const raced = await findIdempotencyKey(db, personId, key)
        if (raced?.response_json != null) return JSON.parse(raced.response_json) as SubmitAnswer
        throw conflict('SUBMIT_IN_PROGRESS', '提交正在处理中，请稍后刷新查看结果。')
      }
    },
  }
}

export type SubmitService = ReturnType<typeof createSubmitService>
