/**
 * The start of paying (POST /review/payments, the CLI's `pay`): the entitlement each application
 * is owed, fixed from what was stored with it when its notice ended, and the months due up to
 * this month, decided against the registry. Only reads and asks: the caller writes.
 */
import { entitlementFor, type Entitlement, type EligibilityReport, type StatedFacts } from '@zhihui/core'
import { shanghaiDate } from '../../clock'
import { conflict } from '../../errors'
import type { ApplicationRow } from '../../repositories/applications'
import { getPerson } from '../../repositories/people'
import { assembleFacts, parseJson } from '../application-view'
import type { ServiceDeps } from '../deps'
import { decideAll, type Candidate, type Decision } from './decide'

export interface StartPlan {
  app: ApplicationRow
  entitlement: Entitlement
  decision: Decision
}

export async function planStart(deps: ServiceDeps, ended: readonly { app: ApplicationRow; noticeEnd: string }[], month: string): Promise<StartPlan[]> {
  const { db, cipher } = deps
  const plans: { app: ApplicationRow; entitlement: Entitlement; candidate: Candidate }[] = []
  for (const { app, noticeEnd } of ended) {
    const report = parseJson<EligibilityReport>(app.eligibility_json)
    const stated = parseJson<StatedFacts>(app.facts_json)
    if (report === null || !report.eligible || stated === null) {
      throw conflict('NO_SUBSIDY', `${app.application_no ?? ''}：没有可发放的补贴（审核时的条件核查结果缺失或不符合条件），请重新审核。`)
    }
    const person = await getPerson(db, app.person_id)
    if (person === undefined) throw new Error(`person of ${app.application_no ?? app.id} missing`)
    const idNumber = cipher.decrypt(person.id_cipher)
    const facts = assembleFacts(stated, {
      idNumber,
      socialSecurity: {
        cardIssued: person.card_issued === 1,
        financialAccountActive: person.financial_account_active === 1,
        pensionMonths: person.pension_months,
      },
    })
    // The pension count was read from the registry at the card binding: its day dates the count.
    const entitlement = entitlementFor(report, facts, { noticeEnd, pensionCountedOn: shanghaiDate(new Date(person.verified_at)) })
    plans.push({
      app,
      entitlement,
      candidate: { applicationId: app.id, entitlement, ledger: [], card: () => ({ idNumber, cardNumber: cipher.decrypt(person.card_cipher) }) },
    })
  }
  const decisions = await decideAll(
    deps.registry,
    plans.map((plan) => plan.candidate),
    month,
  )
  return plans.map((plan, i) => ({ app: plan.app, entitlement: plan.entitlement, decision: decisions[i] as Decision }))
}
