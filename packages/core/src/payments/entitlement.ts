/**
 * What an approved applicant is owed, fixed when the public notice ends (design.md, "Monthly
 * payments"): the monthly amount, the number of months, and the first month.
 *
 * The first month. [ext, 2017]: "payment starts in the month all conditions are met". Payment
 * itself may only be made after the notice ends (seed 四(一) 4), so the months between the first
 * month and the notice are owed as arrears; the month after the notice is not the first month.
 * Which month the conditions were all met is read from what is stored with the application, and
 * only from what carries a date:
 * - graduated: `graduationDate`;
 * - hukou settled in Zhengzhou: `hukou.settledOn` (not for returnees where the policy exempts them);
 * - N months of pension: the registry's count `pensionMonths` covers the months before the month
 *   it was read in (check-eligibility.ts), so with p of N paid on day D the rule was met from the
 *   1st of the month (N − p) months after D's month, e.g. 12 of 3 read on 2026-11-30 → 2026-02;
 * - the policy in effect: no month before the policy version's effective date.
 * The first month is the latest of these. The conditions the stored facts hold without a date
 * (card issued, financial account active) are not guessed: every month, arrears included, is
 * checked against the registry's state for that month (ledger.ts), so a month before the card or
 * its account was in use is suspended, not paid.
 */
import { firstOfMonthAfter } from '../civil-date'
import { DEFAULT_POLICY, isPolicyVersionId, POLICY_VERSIONS } from '../eligibility/policy-versions'
import type { ApplicantFacts, EligibilityReport, PolicyVersionId } from '../types'
import { isIsoDate } from '../validators/date'
import { monthOf } from './month'
import { PAYMENT_SOURCES } from './sources'
import type { Entitlement } from './types'

export interface EntitlementOptions {
  /** 'YYYY-MM-DD': the last day of the public notice. */
  noticeEnd: string
  /** Defaults to the report's policy (the version the application was checked under). */
  policy?: PolicyVersionId
  /**
   * 'YYYY-MM-DD': the day the registry reported `facts.socialSecurity.pensionMonths` (the card
   * binding). Defaults to `noticeEnd`, the latest it can be: the fewest months of arrears.
   */
  pensionCountedOn?: string
}

const later = (a: string, b: string): string => (a > b ? a : b)

export function entitlementFor(report: EligibilityReport, facts: ApplicantFacts, opts: EntitlementOptions): Entitlement {
  // Only an eligible, approved application reaches the end of a notice: anything else is a bug.
  if (!report.eligible) throw new RangeError('entitlementFor: the report is not eligible')
  if (!isIsoDate(opts.noticeEnd)) throw new RangeError(`entitlementFor: noticeEnd must be 'YYYY-MM-DD', got ${opts.noticeEnd}`)
  const countedOn = opts.pensionCountedOn ?? opts.noticeEnd
  if (!isIsoDate(countedOn)) throw new RangeError(`entitlementFor: pensionCountedOn must be 'YYYY-MM-DD', got ${countedOn}`)
  const policyId = opts.policy ?? report.policy ?? DEFAULT_POLICY
  if (!isPolicyVersionId(policyId)) throw new RangeError(`entitlementFor: unknown policy version ${String(policyId)}`)
  const policy = POLICY_VERSIONS[policyId]

  const unemployed = facts.employment.kind === 'unemployed'
  const months = unemployed ? policy.unemployedMonths : policy.months

  let metOn = later(policy.effectiveFrom, facts.graduationDate)
  const hukouRequired = !(facts.overseasReturnee && policy.returneesExemptFromHukou)
  const settledOn = facts.hukou.settledOn
  if (hukouRequired && settledOn !== undefined && isIsoDate(settledOn)) metOn = later(metOn, settledOn)
  const paid = Number.isInteger(facts.socialSecurity.pensionMonths) ? facts.socialSecurity.pensionMonths : 0
  metOn = later(metOn, firstOfMonthAfter(countedOn, policy.pensionMonthsRequired - paid))
  // The check that found every condition met was made before the notice ended, so the first
  // month is never after the notice's month (a count read after the notice cannot move it later).
  const firstMonth = monthOf(metOn < opts.noticeEnd ? metOn : opts.noticeEnd)

  return {
    monthlyYuan: policy.monthlyYuan[facts.education],
    months,
    firstMonth,
    policy: policyId,
    lapsedMonth: policy.lapsedMonth,
    source: [
      PAYMENT_SOURCES.start,
      PAYMENT_SOURCES.afterNotice,
      policy.sources.monthlyYuan,
      unemployed ? policy.sources.unemployedMonths : policy.sources.months,
      policy.sources.lapsedMonth,
    ].join('；'),
  }
}
