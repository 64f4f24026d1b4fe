/**
 * Window intake (窗口受理, design.md "Window intake"): a window clerk files for an applicant at the
 * counter. Name, ID and card numbers are checked against the registry as a card binding is; a
 * person who already has an active application anywhere (online, or at any window) is refused
 * with where it is, and nothing is created; the application is a draft with its number from the
 * start (so every step and the receipt carry it), channel 'window', filed_by the clerk and
 * window_district the clerk's district (any window serves anyone: a 金水区 clerk may file for a
 * 中原区 applicant, and the window is what is recorded). The form, the photos of the originals,
 * the submit, the printed receipt and the applicant's signature follow; every step is audited.
 * The clerk who filed may not decide it: staff-review-service refuses on filed_by.
 *
 * A clerk works on the window applications of its own district's window; any other application
 * answers 404 (design.md: outside the account's district).
 */
import { randomUUID } from 'node:crypto'
import {
  checkEligibility,
  districtWindow,
  isActiveStatus,
  isDistrict,
  maskIdNumber,
  requiredDocuments,
  type ApplicationDetails,
  type ApplicationStatus,
  type CardItem,
  type District,
  type EligibilityReport,
  type ExistingApplication,
  type FieldError,
  type ReceiptSignature,
  type StatedFacts,
  type UploadedPhoto,
  type WindowApplicationView,
  type WindowIntakeCreated,
} from '@zhihui/core'
import { chsiCheckOf, type ChsiVerifier } from '../../chsi'
import { shanghaiDate } from '../../clock'
import { isUniqueViolation } from '../../db/errors'
import { AppError, conflict, notFound } from '../../errors'
import { findApplicationByNo, findCurrentApplication, insertApplication, updateApplication, type ApplicationRow } from '../../repositories/applications'
import { listPhotos } from '../../repositories/documents'
import { findPersonByIdHash, getPerson } from '../../repositories/people'
import { findStaffByUsername } from '../../repositories/staff'
import { applyEvent, CONCURRENT_MESSAGE, isEditable, statusLabel } from '../application-events'
import { assembleFacts, buildApplicationView, parseJson, type ApplicationView } from '../application-view'
import { parseCardQuery, type BindingService } from '../binding-service'
import type { ServiceDeps } from '../deps'
import { checkFormSave, formInvalid } from '../form-save'
import type { PhotoService } from '../photo-service'
import { notReadyError, submissionProblems } from '../submission-readiness'
import { newApplicationNo } from '../submit-service'
import { channelOf, filingWindow } from '../window-application'
import { byStaff, type AuditService } from './audit-service'
import { staffActor, type StaffPrincipal } from './principal'
import { renderReceipt } from './window-receipt'

const ITEM_LABELS: Record<CardItem, string> = { name: '姓名', idNumber: '身份证号', cardNumber: '社会保障卡卡号' }

/** Where an application was filed, in words, for the clerk who finds it in the way. */
function whereFiled(app: ApplicationRow): Pick<ExistingApplication, 'where' | 'window'> {
  const window = filingWindow(app)
  if (window === undefined) return { where: '线上申请（微信或支付宝小程序）' }
  return { where: `${window.unit}人才服务窗口（${window.address}，电话${window.phone}）`, window }
}

export function createWindowIntakeService(
  deps: ServiceDeps,
  parts: { bindings: BindingService; photos: PhotoService; audit: AuditService; chsi: ChsiVerifier },
) {
  const { db, clock, cipher } = deps
  const { bindings, photos, audit, chsi } = parts

  function districtOf(staff: StaffPrincipal): District {
    if (!isDistrict(staff.district)) throw new AppError(403, 'NO_DISTRICT', '您的窗口经办账号没有设置所属区县（市），请联系管理员。')
    return staff.district
  }

  /** A window application filed at this clerk's window; anything else is not there for the clerk. */
  async function own(staff: StaffPrincipal, applicationNo: string): Promise<ApplicationRow> {
    const district = districtOf(staff)
    const app = await findApplicationByNo(db, applicationNo)
    if (app === undefined || channelOf(app) !== 'window' || app.window_district !== district) {
      throw notFound('没有找到这份窗口申请：请核对申请编号（只能办理在本窗口受理的申请）。')
    }
    return app
  }

  const record = (staff: StaffPrincipal, action: Parameters<AuditService['record']>[0]['action'], target: string | null, detail: Record<string, unknown>, ip: string) =>
    audit.record({ ...byStaff(staff), action, target, detail, ip })

  /** A refusal that creates nothing: audited, then thrown. */
  async function refuse(staff: StaffPrincipal, error: AppError, detail: Record<string, unknown>, ip: string): Promise<never> {
    await record(staff, 'window-application-refused', null, { code: error.code, ...detail }, ip)
    throw error
  }

  async function clerkName(filedBy: string | null, fallback: StaffPrincipal): Promise<string> {
    const username = filedBy?.startsWith('staff:') ? filedBy.slice('staff:'.length) : undefined
    if (username === undefined || username === fallback.username) return fallback.name
    return (await findStaffByUsername(db, username))?.name ?? username
  }

  async function personOf(app: ApplicationRow) {
    const person = await getPerson(db, app.person_id)
    if (person === undefined) throw new Error(`person of ${app.application_no ?? app.id} vanished`)
    return person
  }

  return {
    async create(staff: StaffPrincipal, body: Record<string, unknown>, ip: string): Promise<WindowIntakeCreated> {
      const district = districtOf(staff)
      const today = clock.today()
      const query = parseCardQuery(body, today)
      const checked = await bindings.checkCard(query)
      if ('mismatch' in checked) {
        const items = checked.mismatch
        const named = items.length > 0 ? items.map((item) => ITEM_LABELS[item]).join('、') : '姓名、身份证号、社会保障卡卡号'
        const message =
          items.length > 0
            ? `社保登记信息核验不一致：${named}与登记不符，请对照申请人的身份证和社会保障卡原件核对后重新录入。`
            : '社保登记信息核验不一致：姓名、身份证号与社会保障卡卡号不属于同一登记（登记系统未说明是哪一项），请对照原件逐项核对。'
        const error = new AppError(422, 'CARD_MISMATCH', message, items[0], { mismatch: items })
        return refuse(staff, error, { reason: 'registry-mismatch', items, idNumberMasked: maskIdNumber(query.idNumber) }, ip)
      }

      // One person, one application, whichever channel or window filed it first.
      const known = await findPersonByIdHash(db, cipher.hash(query.idNumber))
      const active = known === undefined ? undefined : await findCurrentApplication(db, known.id)
      if (active !== undefined && isActiveStatus(active.status as ApplicationStatus)) {
        const existing: ExistingApplication = {
          applicationNo: active.application_no,
          channel: channelOf(active),
          status: active.status as ApplicationStatus,
          statusLabel: statusLabel(active.status),
          ...whereFiled(active),
        }
        const error = new AppError(
          409,
          'ACTIVE_APPLICATION',
          `该申请人已有一份${existing.statusLabel}的申请（${existing.applicationNo === null ? '线上草稿，尚未提交' : `申请编号${existing.applicationNo}`}，${existing.where}），一人只能有一份申请，本次未受理。` +
            (existing.channel === 'online' && isEditable(existing.status) ? '如需改到窗口办理，请申请人先在小程序中撤回该申请。' : ''),
          undefined,
          { existing },
        )
        return refuse(staff, error, { reason: 'active-application', existing: { applicationNo: existing.applicationNo, channel: existing.channel, status: existing.status } }, ip)
      }

      const person = await bindings.recordPerson(query.idNumber, checked.entry)
      const form = await checkFormSave(body, today, async () => ({
        idNumber: query.idNumber,
        socialSecurity: {
          cardIssued: checked.entry.cardIssued,
          financialAccountActive: checked.entry.financialAccountActive,
          pensionMonths: checked.entry.pensionMonths,
        },
      }))
      const at = clock.now().toISOString()
      try {
        return await db.transaction().execute(async (trx) => {
          const applicationNo = await newApplicationNo(trx, today)
          const row: ApplicationRow = {
            id: randomUUID(),
            person_id: person.id,
            application_no: applicationNo,
            status: 'draft',
            version: 1,
            facts_json: null,
            details_json: null,
            eligibility_json: null,
            ...form.columns,
            rejection_json: null,
            notice_batch_id: null,
            created_at: at,
            updated_at: at,
            submitted_at: null,
            channel: 'window',
            district: form.ok ? (form.facts.hukou.district ?? null) : null,
            education: form.ok ? form.facts.education : null,
            applicant_name: person.name,
            filed_by: staffActor(staff),
            window_district: district,
            receipt_signed_at: null,
            receipt_signed_by: null,
          }
          await insertApplication(trx, row)
          await audit.record(
            {
              ...byStaff(staff),
              action: 'window-application-create',
              target: applicationNo,
              detail: { windowDistrict: district, applicantDistrict: row.district, formComplete: form.ok },
              ip,
            },
            trx,
          )
          return { applicationNo, status: 'draft' as const, ...(form.ok ? {} : { errors: form.errors }) }
        })
      } catch (error) {
        // The same person filed online or at another window in the same moment.
        if (isUniqueViolation(error)) throw conflict('ACTIVE_APPLICATION', '该申请人刚刚已有另一份申请，本次未受理，请刷新后查看。')
        throw error
      }
    },

    async view(staff: StaffPrincipal, applicationNo: string, ip: string): Promise<WindowApplicationView> {
      const app = await own(staff, applicationNo)
      const person = await personOf(app)
      const view = await buildApplicationView(db, app, { today: clock.today(), binding: () => bindings.factsOf(app.person_id) })
      await record(staff, 'application-view', applicationNo, { via: 'window-intake' }, ip)
      return {
        ...view,
        applicationNo,
        channel: 'window',
        window: filingWindow(app) ?? districtWindow(districtOf(staff)),
        filedBy: app.filed_by ?? '',
        filedByName: await clerkName(app.filed_by, staff),
        applicant: { name: person.name, idNumberMasked: person.id_masked, cardNumberMasked: person.card_masked },
        chsi: await chsiCheckOf(chsi, view.details, clock.now),
        receipt: app.receipt_signed_at === null ? null : { applicationNo, signedAt: app.receipt_signed_at, recordedBy: app.receipt_signed_by ?? '' },
      }
    },

    /** The form, as a clerk completes or corrects it (draft, or rejected and being refiled). */
    async update(staff: StaffPrincipal, applicationNo: string, body: Record<string, unknown>, ip: string): Promise<{ application: ApplicationView; eligibility: EligibilityReport }> {
      const app = await own(staff, applicationNo)
      if (!isEditable(app.status)) throw conflict('NOT_EDITABLE', `申请${statusLabel(app.status)}，不能再修改填写的信息。`)
      const today = clock.today()
      const form = await checkFormSave(body, today, () => bindings.factsOf(app.person_id))
      const patch = {
        ...form.columns,
        ...(form.ok ? { district: form.facts.hukou.district ?? null, education: form.facts.education } : {}),
        updated_at: clock.now().toISOString(),
      }
      if (!(await updateApplication(db, app.id, app.version, patch))) throw conflict('CONCURRENT_UPDATE', CONCURRENT_MESSAGE)
      await record(staff, 'window-application-update', applicationNo, { formComplete: form.ok }, ip)
      if (!form.ok) throw formInvalid(form.errors)
      const saved = { ...app, ...patch, version: app.version + 1 }
      const application = await buildApplicationView(db, saved, { today, binding: async () => form.binding })
      return { application, eligibility: form.eligibility }
    },

    /** A photo of an original (the same checks and limits as an applicant's upload). */
    async upload(staff: StaffPrincipal, applicationNo: string, kind: string | undefined, file: Buffer | undefined, ip: string): Promise<UploadedPhoto> {
      const app = await own(staff, applicationNo)
      const uploaded = await photos.store(app, kind, file)
      await record(staff, 'window-photo-upload', applicationNo, { kind: uploaded.kind, photoId: uploaded.photoId, bytes: uploaded.bytes }, ip)
      return uploaded
    },

    async submit(staff: StaffPrincipal, applicationNo: string, ip: string): Promise<{ applicationNo: string; status: ApplicationStatus }> {
      const app = await own(staff, applicationNo)
      if (!isEditable(app.status)) throw conflict('ALREADY_SUBMITTED', `申请${statusLabel(app.status)}（申请编号 ${applicationNo}），无需重复提交。`)
      const facts = parseJson<StatedFacts>(app.facts_json)
      const today = clock.today()
      const eligibility = facts === null ? null : checkEligibility(assembleFacts(facts, await bindings.factsOf(app.person_id)), { today })
      const blocked = submissionProblems({
        facts,
        formErrors: parseJson<FieldError[]>(app.form_errors_json),
        eligibility,
        photos: await listPhotos(db, app.id),
        channel: 'window',
        details: parseJson<ApplicationDetails>(app.details_json),
      })
      if (blocked !== undefined) throw notReadyError(blocked)
      const at = clock.now().toISOString()
      const filed = await db.transaction().execute(async (trx) => {
        const moved = await applyEvent(trx, app, app.status === 'draft' ? 'submit' : 'resubmit', {
          actor: staffActor(staff),
          at,
          patch: { submitted_at: at, eligibility_json: JSON.stringify(eligibility), district: facts?.hukou.district ?? null, education: facts?.education ?? null },
        })
        await audit.record({ ...byStaff(staff), action: 'window-application-submit', target: applicationNo, detail: { status: moved.status }, ip }, trx)
        return moved
      })
      return { applicationNo, status: filed.status as ApplicationStatus }
    },

    /** The 业务办理回执 as an HTML page, once the application is filed. */
    async receipt(staff: StaffPrincipal, applicationNo: string, ip: string): Promise<string> {
      const app = await own(staff, applicationNo)
      if (app.status === 'draft' || app.submitted_at === null) {
        throw conflict('NOT_SUBMITTED', '申请还未提交，提交后才能打印业务办理回执。')
      }
      const facts = parseJson<StatedFacts>(app.facts_json)
      const details = parseJson<ApplicationDetails>(app.details_json)
      const person = await personOf(app)
      const photographed = new Set((await listPhotos(db, app.id)).map((photo) => photo.kind))
      const documents = facts === null ? [] : requiredDocuments(facts, 'window', details ?? {}).map((doc) => ({ ...doc, photographed: photographed.has(doc.kind) }))
      const html = renderReceipt({
        applicationNo,
        name: person.name,
        idNumberMasked: person.id_masked,
        documents,
        ...(details?.chsiVerificationCode !== undefined ? { chsiVerificationCode: details.chsiVerificationCode } : {}),
        clerkName: await clerkName(app.filed_by, staff),
        window: filingWindow(app) ?? districtWindow(districtOf(staff)),
        filedOn: shanghaiDate(new Date(app.submitted_at)),
        printedOn: clock.today(),
        statusLabel: statusLabel(app.status),
        signedOn: app.receipt_signed_at === null ? null : shanghaiDate(new Date(app.receipt_signed_at)),
      })
      await record(staff, 'window-receipt-print', applicationNo, { status: app.status }, ip)
      return html
    },

    /** Records that the applicant signed the printed receipt; recording it again changes nothing. */
    async signed(staff: StaffPrincipal, applicationNo: string, ip: string): Promise<ReceiptSignature> {
      const app = await own(staff, applicationNo)
      if (app.receipt_signed_at !== null) {
        return { applicationNo, signedAt: app.receipt_signed_at, recordedBy: app.receipt_signed_by ?? '' }
      }
      if (app.status === 'draft' || app.submitted_at === null) {
        throw conflict('NOT_SUBMITTED', '申请还未提交：请先提交并打印业务办理回执，再请申请人签字。')
      }
      const at = clock.now().toISOString()
      const signature = { receipt_signed_at: at, receipt_signed_by: staffActor(staff) }
      await db.transaction().execute(async (trx) => {
        if (!(await updateApplication(trx, app.id, app.version, { ...signature, updated_at: at }))) throw conflict('CONCURRENT_UPDATE', CONCURRENT_MESSAGE)
        await audit.record({ ...byStaff(staff), action: 'window-receipt-signed', target: applicationNo, detail: {}, ip }, trx)
      })
      return { applicationNo, signedAt: at, recordedBy: signature.receipt_signed_by }
    },
  }
}

export type WindowIntakeService = ReturnType<typeof createWindowIntakeService>
