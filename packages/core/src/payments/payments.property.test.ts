/**
 * Properties of monthly payments over generated applicants, registries and sequences of runs,
 * under both policy versions and both lapse rules: nobody is paid more than months × monthlyYuan,
 * no month is decided twice, and every suspended month is exactly a month the registry says a
 * condition lapsed, treated as the entitlement's rule says.
 */
import fc from 'fast-check'
import { checkEligibility } from '../eligibility/check-eligibility'
import type { LapsedMonthRule } from '../eligibility/policy-versions'
import { facts } from '../eligibility/test-support'
import type { Education, PolicyVersionId } from '../types'
import { entitlementFor } from './entitlement'
import { decideMonths, ledgerSummary, monthlyDecision, monthsDue } from './ledger'
import { addMonths, monthRange } from './month'
import type { Entitlement, PaymentLine, RegistryState } from './types'

const TODAY = '2026-11-28'

const entitlementArb: fc.Arbitrary<Entitlement> = fc
  .record({
    policy: fc.constantFrom<PolicyVersionId>('2017', '2024'),
    education: fc.constantFrom<Education>('doctorate', 'master', 'bachelor', 'preparatory-technician'),
    unemployed: fc.boolean(),
    pensionMonths: fc.integer({ min: 3, max: 40 }),
    settledOffsetDays: fc.integer({ min: 0, max: 800 }),
    noticeEndOffset: fc.integer({ min: 0, max: 20 }),
    lapsedMonth: fc.constantFrom<LapsedMonthRule | 'policy'>('policy', 'skip', 'postpone'),
  })
  .map(({ policy, education, unemployed, pensionMonths, settledOffsetDays, noticeEndOffset, lapsedMonth }) => {
    const settled = new Date(Date.UTC(2024, 6, 1) + settledOffsetDays * 86_400_000).toISOString().slice(0, 10)
    const f = facts({
      education,
      hukou: { settledOn: settled <= TODAY ? settled : TODAY },
      employment: unemployed ? { kind: 'unemployed', employer: undefined } : {},
      socialSecurity: { pensionMonths },
    })
    const report = checkEligibility(f, { today: TODAY, policy })
    if (!report.eligible) throw new Error(`generated an ineligible applicant: ${JSON.stringify(report.unmet)}`)
    const noticeEnd = `2026-12-${String(1 + noticeEndOffset).padStart(2, '0')}`
    const entitlement = entitlementFor(report, f, { noticeEnd, pensionCountedOn: TODAY })
    // The policy's rule, or the other one, so both rules are held to their word.
    return lapsedMonth === 'policy' ? entitlement : { ...entitlement, lapsedMonth }
  })

/** A registry that lapses some months: which condition, decided by the month's index in a seed list. */
const registryArb = fc
  .array(fc.constantFrom<keyof RegistryState | 'none'>('none', 'none', 'none', 'cardActive', 'financialAccountActive', 'pensionPaid'), {
    minLength: 60,
    maxLength: 60,
  })
  .map((pattern) => {
    const lapses = new Map<string, keyof RegistryState>()
    pattern.forEach((condition, i) => {
      if (condition !== 'none') lapses.set(addMonths('2024-01', i), condition)
    })
    const stateOf = (month: string): RegistryState => {
      const lapsed = lapses.get(month)
      return { cardActive: lapsed !== 'cardActive', financialAccountActive: lapsed !== 'financialAccountActive', pensionPaid: lapsed !== 'pensionPaid' }
    }
    return { lapses, stateOf }
  })

/** Runs for some months between the first month and well past the period, in any order, some twice. */
const runsArb = fc.array(fc.integer({ min: -3, max: 50 }), { minLength: 1, maxLength: 15 })

function runAll(entitlement: Entitlement, runs: number[], stateOf: (month: string) => RegistryState): PaymentLine[] {
  let ledger: PaymentLine[] = []
  for (const offset of runs) {
    ledger = [...ledger, ...decideMonths(entitlement, ledger, addMonths(entitlement.firstMonth, offset), stateOf)]
  }
  return ledger
}

describe('payments (properties)', () => {
  it('never pays more than months × monthlyYuan, nor more months than the entitlement', () => {
    fc.assert(
      fc.property(entitlementArb, registryArb, runsArb, (entitlement, { stateOf }, runs) => {
        const ledger = runAll(entitlement, runs, stateOf)
        const summary = ledgerSummary(entitlement, ledger)
        expect(summary.paidMonths).toBeLessThanOrEqual(entitlement.months)
        expect(summary.paidYuan).toBeLessThanOrEqual(entitlement.months * entitlement.monthlyYuan)
        for (const line of ledger) expect(line.amountYuan).toBe(line.status === 'paid' ? entitlement.monthlyYuan : 0)
      }),
    )
  })

  it('decides a month at most once, however often and in whatever order runs are made', () => {
    fc.assert(
      fc.property(entitlementArb, registryArb, runsArb, (entitlement, { stateOf }, runs) => {
        const ledger = runAll(entitlement, runs, stateOf)
        expect(new Set(ledger.map((l) => l.month)).size).toBe(ledger.length)
        for (const line of ledger) {
          expect(() => monthlyDecision(entitlement, ledger, line.month, stateOf(line.month))).toThrow(RangeError)
        }
        // Whatever the order, the ledger is the one a single run for the latest month makes.
        const latest = addMonths(entitlement.firstMonth, Math.max(...runs))
        const once = decideMonths(entitlement, [], latest, stateOf)
        expect([...ledger].sort((a, b) => a.month.localeCompare(b.month))).toEqual(once)
      }),
    )
  })

  it('suspends exactly the months the registry lapsed, and follows the rule on the period', () => {
    fc.assert(
      fc.property(entitlementArb, registryArb, (entitlement, { lapses, stateOf }) => {
        // A run long after the period: every month of it is decided.
        const ledger = decideMonths(entitlement, [], addMonths(entitlement.firstMonth, 120), stateOf)
        const summary = ledgerSummary(entitlement, ledger)
        expect(summary.finished).toBe(true)
        expect(monthsDue(entitlement, ledger, addMonths(entitlement.firstMonth, 200))).toEqual([])
        for (const line of ledger) {
          expect(line.status === 'suspended').toBe(lapses.has(line.month))
          if (line.status === 'suspended') expect(line.reason).toMatch(/^\d{4}年\d{1,2}月/)
        }
        const months = ledger.map((l) => l.month)
        expect(months).toEqual(monthRange(entitlement.firstMonth, months[months.length - 1] ?? entitlement.firstMonth))
        if (entitlement.lapsedMonth === 'skip') {
          // The period is the months from the first month: lapsed ones are lost, none is added.
          expect(months).toEqual(monthRange(entitlement.firstMonth, addMonths(entitlement.firstMonth, entitlement.months - 1)))
          expect(summary.paidMonths).toBe(entitlement.months - summary.suspendedMonths)
        } else {
          // Every month is paid in the end; the period grew by the lapsed months.
          expect(summary.paidMonths).toBe(entitlement.months)
          expect(months).toHaveLength(entitlement.months + summary.suspendedMonths)
        }
      }),
    )
  })

  it('a run before the first month decides nothing; a month is never owed before it', () => {
    fc.assert(
      fc.property(entitlementArb, fc.integer({ min: 1, max: 30 }), (entitlement, before) => {
        expect(monthsDue(entitlement, [], addMonths(entitlement.firstMonth, -before))).toEqual([])
      }),
    )
  })
})
