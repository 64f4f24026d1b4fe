/**
 * Test data for the eligibility tests: valid ID numbers for a chosen birth date and an applicant
 * who meets every rule on TODAY, so each test changes only the fact it is about.
 *
 * Test support only: nothing in core imports it, so it never reaches index.ts or the bundle, and
 * the root jest.config.js leaves it out of coverage like the tests themselves.
 */
import type { ApplicantFacts } from '../types'
import { idNumberCheckChar } from '../validators/id-number'

/** The day most tests are run on. */
export const TODAY = '2026-11-28'

/** A valid ID number (河南省郑州市中原区 address code) for someone born on `birthDate`. */
export function idNumberBornOn(birthDate: string, sequence = '123'): string {
  const first17 = `410102${birthDate.replace(/-/g, '')}${sequence}`
  return first17 + idNumberCheckChar(first17)
}

type FactsOverrides = Partial<Omit<ApplicantFacts, 'hukou' | 'employment' | 'socialSecurity'>> & {
  hukou?: Partial<ApplicantFacts['hukou']>
  employment?: Partial<ApplicantFacts['employment']>
  socialSecurity?: Partial<ApplicantFacts['socialSecurity']>
}

/**
 * A bachelor born 1998-05-10, graduated 2024-06-30, settled in 金水区 on 2024-08-01, employed,
 * card issued and activated, 12 months of pension: eligible on TODAY under both versions.
 */
export function facts(overrides: FactsOverrides = {}): ApplicantFacts {
  const { hukou, employment, socialSecurity, ...rest } = overrides
  return {
    idNumber: idNumberBornOn('1998-05-10'),
    education: 'bachelor',
    graduationDate: '2024-06-30',
    overseasReturnee: false,
    ...rest,
    hukou: { inZhengzhou: true, district: '金水区', settledOn: '2024-08-01', ...hukou },
    employment: { kind: 'employed', employer: '郑州市某某科技有限公司', ...employment },
    socialSecurity: { cardIssued: true, financialAccountActive: true, pensionMonths: 12, ...socialSecurity },
  }
}
