import { checkEligibility } from '../eligibility/check-eligibility'
import { facts, TODAY } from '../eligibility/test-support'
import type { ApplicantFacts, EligibilityReport, PolicyVersionId } from '../types'
import { entitlementFor } from './entitlement'

const NOTICE_END = '2026-12-09'

function fixed(f: ApplicantFacts, policy: PolicyVersionId = '2017', opts: { pensionCountedOn?: string } = {}) {
  const report = checkEligibility(f, { today: TODAY, policy })
  expect(report.eligible).toBe(true)
  return entitlementFor(report, f, { noticeEnd: NOTICE_END, ...opts })
}

describe('entitlementFor: amount and months ([ext, 2017])', () => {
  it.each([
    ['doctorate', 1500],
    ['master', 1000],
    ['bachelor', 500],
    ['preparatory-technician', 500],
  ] as const)('%s: %i yuan a month for 36 months', (education, yuan) => {
    const entitlement = fixed(facts({ education }))
    expect(entitlement).toMatchObject({ monthlyYuan: yuan, months: 36, policy: '2017', lapsedMonth: 'skip' })
    expect(entitlement.source).toContain('36个月')
  })

  it('6 months for a graduate not yet employed', () => {
    const entitlement = fixed(facts({ employment: { kind: 'unemployed', employer: undefined } }))
    expect(entitlement.months).toBe(6)
    expect(entitlement.source).toContain('发放6个月')
  })

  it('cites where it starts, the notice, the amount and the lapse rule', () => {
    const { source } = fixed(facts())
    expect(source).toContain('符合全部条件的当月起发放')
    expect(source).toContain('公示结束后')
    expect(source).toContain('本科500元')
    expect(source).toContain('不补发')
  })
})

describe('entitlementFor: the first month is the month all conditions were met, not the month after the notice', () => {
  it('the pension count decides when it is the last condition met: 12 of 3 months read on 2026-11-28 → since 2026-02', () => {
    // Graduated 2024-06, settled 2024-08; the 12 months counted are 2025-11 … 2026-10, the 3rd of
    // them (2026-01) is paid by the end of January, so the rule holds from 2026-02-01.
    expect(fixed(facts(), '2017', { pensionCountedOn: TODAY }).firstMonth).toBe('2026-02')
  })

  it('the 2024 text needs 1 month of pension: met a month after the streak began', () => {
    expect(fixed(facts(), '2024', { pensionCountedOn: TODAY }).firstMonth).toBe('2025-12')
  })

  it('a late settlement decides when it is the last condition met', () => {
    const f = facts({ graduationDate: '2024-06-30', hukou: { settledOn: '2026-05-20' }, socialSecurity: { pensionMonths: 30 } })
    expect(fixed(f, '2017', { pensionCountedOn: TODAY }).firstMonth).toBe('2026-05')
  })

  it('a late graduation decides when it is the last condition met', () => {
    const f = facts({ graduationDate: '2026-07-01', hukou: { settledOn: '2020-01-01' }, socialSecurity: { pensionMonths: 30 } })
    expect(fixed(f, '2017', { pensionCountedOn: TODAY }).firstMonth).toBe('2026-07')
  })

  it('returnees exempt from hukou under 2024: the settlement date does not count', () => {
    const f = facts({ overseasReturnee: true, hukou: { inZhengzhou: false, settledOn: undefined }, socialSecurity: { pensionMonths: 30 } })
    expect(fixed(f, '2024', { pensionCountedOn: TODAY }).firstMonth).toBe('2024-06')
  })

  it('never before the policy version took effect', () => {
    const f = facts({ graduationDate: '2017-06-30', hukou: { settledOn: '2017-07-01' }, socialSecurity: { pensionMonths: 200 } })
    const report: EligibilityReport = { eligible: true, channel: 'online', unmet: [], subsidy: { monthlyYuan: 500, months: 36 }, policy: '2017' }
    expect(entitlementFor(report, f, { noticeEnd: '2018-03-15', pensionCountedOn: '2018-03-01' }).firstMonth).toBe('2017-11')
    expect(entitlementFor(report, f, { noticeEnd: '2026-03-15', pensionCountedOn: '2026-03-01', policy: '2024' }).firstMonth).toBe('2024-01')
  })

  it('without the day the pension was counted, counts it on the notice’s last day: fewer months of arrears, never more', () => {
    const withDay = fixed(facts(), '2017', { pensionCountedOn: TODAY }).firstMonth
    const without = fixed(facts()).firstMonth
    expect(without).toBe('2026-03')
    expect(without >= withDay).toBe(true)
  })

  it('never after the notice’s month', () => {
    const f = facts({ socialSecurity: { pensionMonths: 3 } })
    expect(fixed(f, '2017', { pensionCountedOn: '2027-06-01' }).firstMonth).toBe('2026-12')
  })
})

describe('entitlementFor: caller bugs throw', () => {
  it('an ineligible report, a bad date or an unknown policy', () => {
    const f = facts()
    const eligible = checkEligibility(f, { today: TODAY })
    const ineligible = checkEligibility(facts({ hukou: { inZhengzhou: false } }), { today: TODAY })
    expect(() => entitlementFor(ineligible, f, { noticeEnd: NOTICE_END })).toThrow(RangeError)
    expect(() => entitlementFor(eligible, f, { noticeEnd: '2026-12' })).toThrow(RangeError)
    expect(() => entitlementFor(eligible, f, { noticeEnd: NOTICE_END, pensionCountedOn: 'yesterday' })).toThrow(RangeError)
    expect(() => entitlementFor(eligible, f, { noticeEnd: NOTICE_END, policy: '2030' as PolicyVersionId })).toThrow(RangeError)
  })
})
