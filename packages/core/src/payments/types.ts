/**
 * The words of monthly payments (design.md, "Monthly payments"), shared by the server that pays
 * and the app that shows the ledger. Months are 'YYYY-MM', amounts whole yuan.
 */
import type { LapsedMonthRule } from '../eligibility/policy-versions'
import type { PolicyVersionId } from '../types'

/** What an approved applicant is owed, fixed when the public notice ends. */
export interface Entitlement {
  /** By education ([ext, 2017]: 1500 / 1000 / 500 yuan). */
  monthlyYuan: number
  /** 36, or 6 for a graduate not yet employed ([ext, 2017]). */
  months: number
  /** 'YYYY-MM': the month in which all conditions were met ([ext, 2017]: payment starts then). */
  firstMonth: string
  /** The policy version the entitlement was fixed under. */
  policy: PolicyVersionId
  /** The policy's rule for a lapsed month, fixed with the rest so later runs decide alike. */
  lapsedMonth: LapsedMonthRule
  /** Where each term comes from, in words a reviewer can look up. */
  source: string
}

/**
 * What the social-security registry says of one person for one month: the conditions that must
 * hold in every month that is paid (seed 三: card issued, financial account activated; [ext, 2017]
 * pension paid continuously, back-payments not counted).
 */
export interface RegistryState {
  /** The social-security card is in use (issued, not reported lost, not cancelled). */
  cardActive: boolean
  /** Its financial account, which the subsidy is paid into, is activated and not frozen. */
  financialAccountActive: boolean
  /** That month's pension contribution was paid on time in Zhengzhou. */
  pensionPaid: boolean
}

export type PaymentLineStatus = 'paid' | 'suspended'

/** One month of the ledger, decided once and never changed. */
export interface PaymentLine {
  month: string
  /** monthlyYuan when paid, 0 when suspended. */
  amountYuan: number
  status: PaymentLineStatus
  /** Why a suspended month was not paid, in Chinese for the applicant. */
  reason?: string
  source: string
}

/** Where an entitlement stands, from its ledger. */
export interface LedgerSummary {
  paidMonths: number
  paidYuan: number
  suspendedMonths: number
  /** The last month of the paying period as the ledger stands. */
  lastMonth: string
  /** The first month not decided yet, or null when every month of the period is. */
  nextMonth: string | null
  /** Every month of the period decided: the application is paid off (发放完毕). */
  finished: boolean
}
