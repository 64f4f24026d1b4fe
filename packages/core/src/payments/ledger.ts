/**
 * The ledger of one entitlement: which months are due, how each is decided, and where it stands.
 *
 * A month is decided once, against the registry's state for that month, and never changed
 * (design.md: "months already paid never change"): paid when the card is in use, its financial
 * account active and that month's pension paid in Zhengzhou (seed 三; [ext, 2017]: pension paid
 * continuously), else suspended with the reason. A suspended month follows the entitlement's
 * `lapsedMonth` rule (policy-versions.ts): 'skip' — not paid, not made up, the period is not
 * extended; 'postpone' — the period is extended by a month.
 *
 * Runs decide months in order from the first month (arrears on the first run), so a ledger is
 * normally every month from the first month on; a gap (an old one-off payment carried over) is
 * filled by the next run.
 */
import { POLICY_VERSIONS } from '../eligibility/policy-versions'
import { formatChineseMonth, isYearMonth, monthIndex, monthOfIndex } from './month'
import { PAYMENT_SOURCES } from './sources'
import type { Entitlement, LedgerSummary, PaymentLine, RegistryState } from './types'

/** Where a ledger stands, in month indices (month.ts): what every function below works from. */
interface Standing {
  first: number
  /** The last month of the period: `months` from the first, one more per suspension under 'postpone'. */
  last: number
  /** The first month of the period not decided, or undefined when the period is done. */
  next: number | undefined
  paidMonths: number
  paidYuan: number
  suspendedMonths: number
  decided: Set<number>
}

function standing(entitlement: Entitlement, ledger: readonly PaymentLine[]): Standing {
  const first = monthIndex(entitlement.firstMonth)
  const decided = new Set<number>()
  const suspended: number[] = []
  let paidMonths = 0
  let paidYuan = 0
  for (const line of ledger) {
    const index = monthIndex(line.month)
    decided.add(index)
    if (line.status === 'paid') {
      paidMonths += 1
      paidYuan += line.amountYuan
    } else {
      suspended.push(index)
    }
  }
  let last = first + entitlement.months - 1
  if (entitlement.lapsedMonth === 'postpone') {
    // Each suspension inside the period pushes its end one month on, a suspension in an added month too.
    suspended.sort((a, b) => a - b)
    for (const index of suspended) if (index >= first && index <= last) last += 1
  }
  let next: number | undefined
  if (paidMonths < entitlement.months) {
    for (let index = first; index <= last; index++) {
      if (!decided.has(index)) {
        next = index
        break
      }
    }
  }
  return { first, last, next, paidMonths, paidYuan, suspendedMonths: suspended.length, decided }
}

export function ledgerSummary(entitlement: Entitlement, ledger: readonly PaymentLine[]): LedgerSummary {
  const s = standing(entitlement, ledger)
  return {
    paidMonths: s.paidMonths,
    paidYuan: s.paidYuan,
    suspendedMonths: s.suspendedMonths,
    lastMonth: monthOfIndex(s.last),
    nextMonth: s.next === undefined ? null : monthOfIndex(s.next),
    finished: s.next === undefined,
  }
}

/**
 * The months a run for `upToMonth` decides, in order: every month from the first month not yet
 * in the ledger, up to the run's month and the end of the period (arrears on the first run).
 * Under 'postpone' a suspended month makes one more month due, known once it is decided: use
 * decideMonths, which asks again after each month.
 */
export function monthsDue(entitlement: Entitlement, ledger: readonly PaymentLine[], upToMonth: string): string[] {
  if (!isYearMonth(upToMonth)) throw new RangeError(`monthsDue: upToMonth must be 'YYYY-MM', got ${upToMonth}`)
  const s = standing(entitlement, ledger)
  if (s.next === undefined) return []
  const end = Math.min(s.last, monthIndex(upToMonth))
  // A ledger paid in full before the period's last month (an old one-off payment carried over
  // under 'postpone') owes nothing more: at most the months still unpaid.
  const room = entitlement.months - s.paidMonths
  const due: string[] = []
  for (let index = s.next; index <= end && due.length < room; index++) {
    if (!s.decided.has(index)) due.push(monthOfIndex(index))
  }
  return due
}

/**
 * Every month whose registry state a run for `upToMonth` may need: the months due, and under
 * 'postpone' the later months a suspension could make due. Fetch these, then call decideMonths.
 */
export function candidateMonths(entitlement: Entitlement, ledger: readonly PaymentLine[], upToMonth: string): string[] {
  if (entitlement.lapsedMonth === 'skip') return monthsDue(entitlement, ledger, upToMonth)
  if (!isYearMonth(upToMonth)) throw new RangeError(`candidateMonths: upToMonth must be 'YYYY-MM', got ${upToMonth}`)
  const s = standing(entitlement, ledger)
  if (s.next === undefined) return []
  const months: string[] = []
  for (let index = s.next, end = monthIndex(upToMonth); index <= end; index++) {
    if (!s.decided.has(index)) months.push(monthOfIndex(index))
  }
  return months
}

const LAPSES: readonly [keyof RegistryState, string, string][] = [
  ['cardActive', '社会保障卡不在正常使用状态（未启用、挂失或注销）', PAYMENT_SOURCES.card],
  ['financialAccountActive', '社会保障卡金融账户未激活或已冻结，补贴无法发放到账', PAYMENT_SOURCES.card],
  ['pensionPaid', '当月未在郑州市域内按时缴纳养老保险', PAYMENT_SOURCES.pension],
]

const RULE_WORDS = {
  skip: '该月补贴不发放，以后也不补发，发放期限不顺延',
  postpone: '该月补贴不发放，发放期限顺延一个月',
} as const

/** The decision itself, for a month already known to be due. */
function lineFor(entitlement: Entitlement, month: string, registry: RegistryState): PaymentLine {
  const lapsed = LAPSES.filter(([condition]) => !registry[condition])
  if (lapsed.length === 0) {
    return {
      month,
      amountYuan: entitlement.monthlyYuan,
      status: 'paid',
      source: `${PAYMENT_SOURCES.monthly}；${PAYMENT_SOURCES.card}；${PAYMENT_SOURCES.pension}`,
    }
  }
  const sources = new Set(lapsed.map(([, , source]) => source))
  sources.add(POLICY_VERSIONS[entitlement.policy].sources.lapsedMonth)
  return {
    month,
    amountYuan: 0,
    status: 'suspended',
    reason: `${formatChineseMonth(month)}${lapsed.map(([, words]) => words).join('；')}。${RULE_WORDS[entitlement.lapsedMonth]}。`,
    source: [...sources].join('；'),
  }
}

/**
 * The line of `month`: paid when every condition holds in the registry that month, else
 * suspended with every reason. Deciding a month that is not due (before the first month, after
 * the period, or already in the ledger) is a bug of the caller and throws.
 */
export function monthlyDecision(
  entitlement: Entitlement,
  ledger: readonly PaymentLine[],
  month: string,
  registry: RegistryState,
): PaymentLine {
  if (!isYearMonth(month)) throw new RangeError(`monthlyDecision: month must be 'YYYY-MM', got ${month}`)
  const s = standing(entitlement, ledger)
  const index = monthIndex(month)
  if (s.decided.has(index)) throw new RangeError(`monthlyDecision: ${month} is already decided and never changes`)
  if (index < s.first || index > s.last || s.next === undefined) {
    throw new RangeError(`monthlyDecision: ${month} is not a month of this entitlement's period`)
  }
  return lineFor(entitlement, month, registry)
}

/**
 * Decides every month due up to `upToMonth`, in order, asking `registryFor` the state of each:
 * what a payment run does for one entitlement. Returns the new lines only.
 */
export function decideMonths(
  entitlement: Entitlement,
  ledger: readonly PaymentLine[],
  upToMonth: string,
  registryFor: (month: string) => RegistryState,
): PaymentLine[] {
  // Under 'skip' a decision never changes which months are due: one pass.
  if (entitlement.lapsedMonth === 'skip') {
    return monthsDue(entitlement, ledger, upToMonth).map((month) => lineFor(entitlement, month, registryFor(month)))
  }
  const lines: PaymentLine[] = []
  let current: PaymentLine[] = [...ledger]
  for (;;) {
    const next = monthsDue(entitlement, current, upToMonth)[0]
    if (next === undefined) return lines
    const line = lineFor(entitlement, next, registryFor(next))
    lines.push(line)
    current = [...current, line]
  }
}
