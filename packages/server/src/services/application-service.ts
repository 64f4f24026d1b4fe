/**
 * The applicant's side of an application: save the draft (PUT), read it (GET), withdraw it.
 * The form is validated by core; what fails validation is still stored as entered, so nothing
 * typed is lost, and answered with every problem at once.
 */
import { randomUUID } from 'node:crypto'
import { isActiveStatus, type ApplicationStatus, type EligibilityReport } from '@zhihui/core'
import { isUniqueViolation } from '../db/errors'
import { conflict, notFound } from '../errors'
import {
  findCurrentApplication,
  findCurrentApplicationHead,
  insertApplication,
  updateApplication,
  type ApplicationRow,
} from '../repositories/applications'
import { applyEvent, CONCURRENT_MESSAGE, isEditable, statusLabel } from './application-events'
import { buildApplicationView, type ApplicationView } from './application-view'
import type { BindingService } from './binding-service'
import { LruCache } from './lru-cache'
import { refuseIfFiledAtWindow } from './window-application'
import { checkFormSave, formInvalid } from './form-save'
import { applicantActor, type ApplicantAuth, type ServiceDeps } from './deps'

export function requirePerson(auth: ApplicantAuth): string {
  if (auth.personId === null) {
    throw conflict('CARD_NOT_BOUND', '请先绑定本人的社会保障卡（核验姓名、身份证号和卡号），再填写和提交申请。')
  }
  return auth.personId
}

/**
 * Views that may change without the application's version changing, so are never kept: an
 * editable one (checked against today) and a paying one (a payment run adds ledger lines without
 * touching the application row, 250,000 of them a month).
 */
const mayChangeUnversioned = (status: string): boolean => isEditable(status) || status === 'paying'

export function createApplicationService(deps: ServiceDeps, bindings: BindingService) {
  const { db, clock } = deps

  /**
   * Views of applications the applicant can no longer edit, by id, each with the version it was
   * built from: such a view is made only of stored rows, and every change to them bumps the
   * version, so an entry whose version matches can never be stale. It saves the progress page's
   * four look-ups on every poll.
   */
  const settled = new LruCache<string, { version: number; view: ApplicationView; json: Buffer }>(5_000)

  async function current(auth: ApplicantAuth): Promise<{ view: ApplicationView; json?: Buffer }> {
    if (auth.personId === null) throw notFound('还没有申请。请先绑定社会保障卡并填写申请信息。')
    const head = await findCurrentApplicationHead(db, auth.personId)
    if (head === undefined) throw notFound('还没有申请。请填写申请信息后保存。')
    const cached = mayChangeUnversioned(head.status) ? undefined : settled.get(head.id)
    if (cached !== undefined && cached.version === head.version) return cached
    const app = await findCurrentApplication(db, auth.personId)
    if (app === undefined) throw notFound('还没有申请。请填写申请信息后保存。')
    const view = await viewOf(app, auth.personId)
    if (mayChangeUnversioned(app.status)) return { view }
    // With the version the view was built from, which may be newer than the head's.
    // Kept as UTF-8 bytes: a string would be measured and encoded again on every send.
    const entry = { version: app.version, view, json: Buffer.from(JSON.stringify(view)) }
    settled.set(app.id, entry)
    return entry
  }

  const viewOf = (app: ApplicationRow, personId: string): Promise<ApplicationView> =>
    buildApplicationView(db, app, { today: clock.today(), binding: () => bindings.factsOf(personId) })

  /** Updates the open application, or starts a new draft; answers the row as written. */
  async function writeDraft(
    personId: string,
    current: ApplicationRow | undefined,
    fields: Partial<ApplicationRow>,
    at: string,
  ): Promise<ApplicationRow> {
    if (current !== undefined && isActiveStatus(current.status as ApplicationStatus)) {
      const patch = { ...fields, updated_at: at }
      if (!(await updateApplication(db, current.id, current.version, patch))) {
        throw conflict('CONCURRENT_UPDATE', CONCURRENT_MESSAGE)
      }
      return { ...current, ...patch, version: current.version + 1 }
    }
    const row: ApplicationRow = {
      id: randomUUID(),
      person_id: personId,
      application_no: null,
      status: 'draft',
      version: 1,
      raw_json: '{}',
      form_errors_json: null,
      facts_json: null,
      details_json: null,
      eligibility_json: null,
      rejection_json: null,
      notice_batch_id: null,
      created_at: at,
      updated_at: at,
      submitted_at: null,
      channel: 'online',
      district: null,
      education: null,
      applicant_name: null,
      filed_by: null,
      window_district: null,
      receipt_signed_at: null,
      receipt_signed_by: null,
      ...fields,
    }
    try {
      await insertApplication(db, row)
    } catch (error) {
      // The same person saving from two devices at once: one draft wins, the other retries.
      if (isUniqueViolation(error)) throw conflict('CONCURRENT_UPDATE', CONCURRENT_MESSAGE)
      throw error
    }
    return row
  }

  return {
    async save(auth: ApplicantAuth, body: Record<string, unknown>): Promise<{ application: ApplicationView; eligibility: EligibilityReport }> {
      const personId = requirePerson(auth)
      const current = await findCurrentApplication(db, personId)
      if (current !== undefined && isActiveStatus(current.status as ApplicationStatus)) refuseIfFiledAtWindow(current, '修改申请信息')
      if (current !== undefined && isActiveStatus(current.status as ApplicationStatus) && !isEditable(current.status)) {
        throw conflict('NOT_EDITABLE', `申请${statusLabel(current.status)}，不能再修改填写的信息。`)
      }
      const today = clock.today()
      const at = clock.now().toISOString()
      const form = await checkFormSave(body, today, () => bindings.factsOf(personId))
      const saved = await writeDraft(personId, current, form.columns, at)
      if (!form.ok) throw formInvalid(form.errors)
      // The row as written and the binding already read: neither is read again for the answer.
      const application = await buildApplicationView(db, saved, { today, binding: async () => form.binding })
      return { application, eligibility: form.eligibility }
    },

    async get(auth: ApplicantAuth): Promise<ApplicationView> {
      return (await current(auth)).view
    },

    /** The same as get(), as UTF-8 JSON: a settled view is serialised once, not on every poll. */
    async getJson(auth: ApplicantAuth): Promise<Buffer> {
      const found = await current(auth)
      return found.json ?? Buffer.from(JSON.stringify(found.view))
    },

    async summary(personId: string | null): Promise<{ applicationNo: string | null; status: string } | undefined> {
      if (personId === null) return undefined
      const head = await findCurrentApplicationHead(db, personId)
      return head === undefined ? undefined : { applicationNo: head.application_no, status: head.status }
    },

    async withdraw(auth: ApplicantAuth): Promise<{ applicationNo: string | null; status: string }> {
      const personId = requirePerson(auth)
      const app = await findCurrentApplication(db, personId)
      if (app === undefined) throw notFound('还没有可撤回的申请。')
      refuseIfFiledAtWindow(app, '撤回申请')
      const at = clock.now().toISOString()
      const updated = await db.transaction().execute((trx) => applyEvent(trx, app, 'withdraw', { actor: applicantActor(auth), at }))
      return { applicationNo: updated.application_no, status: updated.status }
    },
  }
}

export type ApplicationService = ReturnType<typeof createApplicationService>
