import type { ApplicantFacts } from '../types'
import { checkEligibility, checkEligibilityByBirthDate, type ApplicantFactsByBirthDate } from './check-eligibility'
import { facts, idNumberBornOn, TODAY } from './test-support'

/** The baseline applicant known by birth date instead of ID number. */
function byBirth(birthDate: string, overrides: Partial<ApplicantFacts> = {}): ApplicantFactsByBirthDate {
  const { idNumber: _dropped, ...rest } = facts(overrides)
  return { ...rest, birthDate }
}

describe('checkEligibilityByBirthDate: the rules without an ID number', () => {
  it('gives the same report as checkEligibility with a number carrying the same birth date', () => {
    for (const [birthDate, education] of [
      ['1998-05-10', 'bachelor'],
      ['1991-11-28', 'master'],
      ['1980-01-01', 'doctorate'],
      ['1991-11-27', 'preparatory-technician'],
    ] as const) {
      const viaNumber = checkEligibility(facts({ idNumber: idNumberBornOn(birthDate), education }), { today: TODAY })
      const viaDate = checkEligibilityByBirthDate(byBirth(birthDate, { education }), { today: TODAY })
      expect(viaDate.unmet.map((r) => r.code)).toEqual(viaNumber.unmet.map((r) => r.code))
      expect({ ...viaDate, unmet: [] }).toEqual({ ...viaNumber, unmet: [] })
    }
  })

  it('reports the age rule against the birth date, with the day the limit was reached', () => {
    const report = checkEligibilityByBirthDate(byBirth('1991-11-28', { education: 'master' }), { today: TODAY })
    expect(report.unmet).toEqual([
      expect.objectContaining({ code: 'AGE_LIMIT_EXCEEDED', field: 'birthDate', message: expect.stringContaining('2026年11月28日年满35周岁') }),
    ])
  })

  it.each(['', '1998-02-30', '1998/05/10', '2026-11-29'])('an unreal or future birth date (%p) is BIRTH_DATE_INVALID, and age is not checked', (birthDate) => {
    const report = checkEligibilityByBirthDate(byBirth(birthDate), { today: TODAY })
    expect(report.eligible).toBe(false)
    expect(report.unmet).toEqual([
      expect.objectContaining({ code: 'BIRTH_DATE_INVALID', field: 'birthDate', message: expect.stringContaining('出生日期'), source: expect.stringContaining('GB 11643') }),
    ])
  })

  it('checks the caller’s today and policy like checkEligibility', () => {
    expect(() => checkEligibilityByBirthDate(byBirth('1998-05-10'), { today: '2026/11/28' })).toThrow(RangeError)
    expect(() => checkEligibilityByBirthDate(byBirth('1998-05-10'), { today: TODAY, policy: '2030' as never })).toThrow(RangeError)
    expect(checkEligibilityByBirthDate(byBirth('1998-05-10'), { today: TODAY, policy: '2024' }).policy).toBe('2024')
  })
})
