/**
 * After approval: the public notice (公示) and the start of paying. A notice batch starts on the
 * server's today and ends where core's publicNoticePeriod(today) of 7 working days ends; paying
 * starts from the day after the end, month by month (payments/). Both take a list of application
 * numbers and refuse the whole list when one of them may not proceed; each application then
 * starts paying in a transaction of its own.
 */
import { randomUUID } from 'node:crypto'
import { ledgerSummary, monthOf, noticeHasEnded, publicNoticePeriod } from '@zhihui/core'
import { AppError, conflict } from '../errors'
import { monthlyPaymentMessage, noticeMessage } from '../notifications/messages'
import { queueApplicantMessage, textApplicant } from '../notifications/sms-sender'
import { RegistryUnavailableError } from '../registry'
import { findApplicationByNo, updateApplication, type ApplicationRow } from '../repositories/applications'
import { getNoticeBatch, insertNoticeBatch } from '../repositories/documents'
import { insertEntitlement, insertLines } from '../repositories/payments'
import { applyEvent, CONCURRENT_MESSAGE, statusLabel } from './application-events'
import type { ServiceDeps } from './deps'
import { linesOf, outcomeOf } from './payments/payment-run-service'
import { planStart, type StartPlan } from './payments/start-paying'
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
  const { db, clock } = deps

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
          await queueApplicantMessage(deps, trx, app, noticeMessage(app.application_no ?? '', today, end), batch.id)
        }
      })
      for (const app of found) await textApplicant(deps, app, noticeMessage(app.application_no ?? '', today, end))
      return { batch: { id: batch.id, start: today, end, holidaysKnown, applicationNos: nos } }
    },

    /**
     * Applications whose notice has ended start paying: `end-notice` fixes the entitlement
     * (core's entitlementFor) and the months due up to this month are decided at once, by the
     * same rules as a payment run, for these applications only. Their lines join the bank file of
     * the next payment run. The registry is asked for every application before anything is
     * written, so a registry failure changes nothing.
     */
    async pay(body: Record<string, unknown>, actor: string) {
      const nos = readApplicationNos(body)
      const { found, refusals } = await load(nos)
      const today = clock.today()
      const ended: { app: ApplicationRow; noticeEnd: string }[] = []
      for (const app of found) {
        const batch = app.notice_batch_id === null ? undefined : await getNoticeBatch(db, app.notice_batch_id)
        if (app.status !== 'public-notice' || batch === undefined) {
          refusals.push({ applicationNo: app.application_no ?? '', message: `申请${statusLabel(app.status)}，公示结束后才能发放` })
        } else if (!noticeHasEnded(batch.end_date, today)) {
          refusals.push({ applicationNo: app.application_no ?? '', message: `公示期未结束（${batch.end_date} 结束），次日起才能发放` })
        } else {
          ended.push({ app, noticeEnd: batch.end_date })
        }
      }
      if (refusals.length > 0) refuse('NOTICE_NOT_ENDED', '公示期未结束或不在公示中，不能发放：', refusals)

      const month = monthOf(today)
      let planned: StartPlan[]
      try {
        planned = await planStart(deps, ended, month)
      } catch (error) {
        if (error instanceof RegistryUnavailableError) {
          throw new AppError(503, 'REGISTRY_UNAVAILABLE', '社保登记系统暂时无法查询，未开始发放，也未写入任何记录，请稍后重试。')
        }
        throw error
      }
      const results = []
      for (const { app, entitlement, decision } of planned) {
        const at = clock.now().toISOString()
        const applicationNo = app.application_no ?? ''
        const message = monthlyPaymentMessage(applicationNo, outcomeOf(decision.lines.map((l) => ({ ...l, reason: l.reason ?? null })), decision.finished))
        const moved = await db.transaction().execute(async (trx) => {
          const paying = await applyEvent(trx, app, 'end-notice', { actor, at })
          await insertEntitlement(trx, app.id, entitlement, at)
          await insertLines(trx, { runId: null, origin: 'review', at }, linesOf([decision]), deps.dbKind === 'postgres')
          // An application starts paying once: 'start' is its one first-payment text.
          await queueApplicantMessage(deps, trx, app, message, 'start')
          return decision.finished ? applyEvent(trx, paying, 'finish-payments', { actor, at, note: `${month}发放后全部月份已发放完毕` }) : paying
        })
        await textApplicant(deps, app, message)
        const summary = ledgerSummary(entitlement, decision.lines)
        results.push({
          applicationNo,
          status: moved.status,
          amountYuan: entitlement.monthlyYuan,
          entitlement: {
            monthlyYuan: entitlement.monthlyYuan,
            months: entitlement.months,
            firstMonth: entitlement.firstMonth,
            paidMonths: summary.paidMonths,
            paidYuan: summary.paidYuan,
            lastMonth: summary.lastMonth,
            nextMonth: summary.nextMonth,
          },
          lines: decision.lines.map(({ month: m, amountYuan, status, reason }) => ({ month: m, amountYuan, status, ...(reason !== undefined ? { reason } : {}) })),
        })
      }
      return { payments: results }
    },
  }
}

export type NoticePaymentService = ReturnType<typeof createNoticePaymentService>
