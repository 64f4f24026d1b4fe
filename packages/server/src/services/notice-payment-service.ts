/**
 * After approval: the public notice (公示) and the payment. A notice batch starts on the
 * server's today and ends where core's publicNoticePeriod(today) of 7 working days ends; payment
 * is allowed from the day after the end. Both take a list of application numbers and refuse the
 * whole list when one of them may not proceed; payments are then made one application at a time.
 */
import { randomUUID } from 'node:crypto'
import { noticeHasEnded, publicNoticePeriod, type EligibilityReport } from '@zhihui/core'
import { AppError, conflict } from '../errors'
import { noticeText, paymentText } from '../notifications/messages'
import { textApplicant } from '../notifications/sms-sender'
import { findApplicationByNo, updateApplication, type ApplicationRow } from '../repositories/applications'
import { getNoticeBatch, insertNoticeBatch, insertPayment } from '../repositories/documents'
import { getPerson } from '../repositories/people'
import { applyEvent, CONCURRENT_MESSAGE, statusLabel } from './application-events'
import { parseJson } from './application-view'
import type { ServiceDeps } from './deps'
import { readApplicationNos } from './review-input'

interface Refusal {
  applicationNo: string
  message: string
}

function refuse(code: string, summary: string, refusals: Refusal[]): never {
  throw new AppError(409, code, `${summary}${refusals.map((r) => `${r.applicationNo}：${r.message}`).join('；')}`, 'applicationNos', {
    errors: refusals,
  })
}

export function createNoticePaymentService(deps: ServiceDeps) {
  const { db, clock, cipher } = deps

  async function load(nos: string[]): Promise<{ found: ApplicationRow[]; refusals: Refusal[] }> {
    const found: ApplicationRow[] = []
    const refusals: Refusal[] = []
    for (const no of nos) {
      const app = await findApplicationByNo(db, no)
      if (app === undefined) refusals.push({ applicationNo: no, message: '没有这个编号的申请' })
      else found.push(app)
    }
    return { found, refusals }
  }

  return {
    async publishNotice(body: Record<string, unknown>, actor: string) {
      const nos = readApplicationNos(body)
      const { found, refusals } = await load(nos)
      for (const app of found) {
        if (app.status !== 'public-notice') {
          refusals.push({ applicationNo: app.application_no ?? '', message: `申请${statusLabel(app.status)}，审核通过后才能公示` })
        } else if (app.notice_batch_id !== null) {
          refusals.push({ applicationNo: app.application_no ?? '', message: '已在公示中' })
        }
      }
      if (refusals.length > 0) refuse('NOT_NOTICEABLE', '以下申请不能列入公示：', refusals)

      const today = clock.today()
      const { end, holidaysKnown } = publicNoticePeriod(today)
      const at = clock.now().toISOString()
      const batch = { id: randomUUID(), start_date: today, end_date: end, holidays_known: holidaysKnown ? 1 : 0, created_by: actor, created_at: at }
      await db.transaction().execute(async (trx) => {
        await insertNoticeBatch(trx, batch)
        for (const app of found) {
          if (!(await updateApplication(trx, app.id, app.version, { notice_batch_id: batch.id, updated_at: at }))) {
            throw conflict('CONCURRENT_UPDATE', `${app.application_no}：${CONCURRENT_MESSAGE}`)
          }
        }
      })
      for (const app of found) await textApplicant(deps, app, noticeText(app.application_no ?? '', today, end))
      return { batch: { id: batch.id, start: today, end, holidaysKnown, applicationNos: nos } }
    },

    async pay(body: Record<string, unknown>, actor: string) {
      const nos = readApplicationNos(body)
      const { found, refusals } = await load(nos)
      const today = clock.today()
      for (const app of found) {
        const batch = app.notice_batch_id === null ? undefined : await getNoticeBatch(db, app.notice_batch_id)
        if (app.status !== 'public-notice' || batch === undefined) {
          refusals.push({ applicationNo: app.application_no ?? '', message: `申请${statusLabel(app.status)}，公示结束后才能发放` })
        } else if (!noticeHasEnded(batch.end_date, today)) {
          refusals.push({ applicationNo: app.application_no ?? '', message: `公示期未结束（${batch.end_date} 结束），次日起才能发放` })
        }
      }
      if (refusals.length > 0) refuse('NOTICE_NOT_ENDED', '公示期未结束或不在公示中，不能发放：', refusals)

      const results: { applicationNo: string; status: string; amountYuan: number }[] = []
      for (const app of found) {
        const applicationNo = app.application_no ?? ''
        const amountYuan = parseJson<EligibilityReport>(app.eligibility_json)?.subsidy?.monthlyYuan
        if (amountYuan === undefined) throw conflict('NO_SUBSIDY', `${applicationNo}：没有可发放的补贴金额，请重新审核。`)
        const person = await getPerson(db, app.person_id)
        if (person === undefined) throw new Error(`person of ${applicationNo} missing`)
        const paying = await db
          .transaction()
          .execute((trx) => applyEvent(trx, app, 'end-notice', { actor, at: clock.now().toISOString() }))
        const sent = await deps.paymentSender.pay({ applicationNo, amountYuan, cardNumber: cipher.decrypt(person.card_cipher) })
        let status = paying.status
        if (sent.confirmed) {
          const at = clock.now().toISOString()
          const paid = await db.transaction().execute(async (trx) => {
            await insertPayment(trx, { id: randomUUID(), application_id: app.id, amount_yuan: amountYuan, reference: sent.reference, paid_at: at })
            return applyEvent(trx, paying, 'confirm-payment', { actor: 'payment-sender', at, note: sent.reference })
          })
          status = paid.status
          await textApplicant(deps, app, paymentText(applicationNo, amountYuan))
        }
        results.push({ applicationNo, status, amountYuan })
      }
      return { payments: results }
    },
  }
}

export type NoticePaymentService = ReturnType<typeof createNoticePaymentService>
