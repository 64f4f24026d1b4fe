/**
 * The eligibility self-check: a few questions, answered without logging in or binding anything,
 * and core's full report. Nothing here is stored or sent.
 */
import { checkEligibility, type EligibilityReport, type Education, type EmploymentKind } from '@zhihui/core'
import { useMemo, useState } from 'react'
import { evaluationIdNumber } from '@/utils/evaluation-id'
import { today } from '@/utils/today'

export interface SelfCheckAnswers {
  education: Education | ''
  birthDate: string
  graduationDate: string
  overseasReturnee: boolean
  hukouInZhengzhou: boolean
  hukouSettledOn: string
  employmentKind: EmploymentKind | ''
  cardIssued: boolean
  financialAccountActive: boolean
  pensionMonths: string
}

const SELF_CHECK_STAND_IN = '自查未填'

export const EMPTY_ANSWERS: SelfCheckAnswers = {
  education: '',
  birthDate: '',
  graduationDate: '',
  overseasReturnee: false,
  hukouInZhengzhou: true,
  hukouSettledOn: '',
  employmentKind: '',
  cardIssued: true,
  financialAccountActive: true,
  pensionMonths: '',
}

/** The questions still unanswered, in the words of the page. */
export function missingAnswers(a: SelfCheckAnswers): string[] {
  const missing: string[] = []
  if (!a.education) missing.push('学历')
  if (!a.birthDate) missing.push('出生日期')
  if (!a.graduationDate) missing.push('毕业日期')
  if (a.hukouInZhengzhou && !a.hukouSettledOn) missing.push('落户日期')
  if (!a.employmentKind) missing.push('就业情况')
  if (a.pensionMonths.trim() === '') missing.push('养老保险连续缴纳月数')
  return missing
}

export function selfCheckReport(a: SelfCheckAnswers, day: string): EligibilityReport | undefined {
  if (missingAnswers(a).length > 0 || !a.education || !a.employmentKind) return undefined
  const months = Number.parseInt(a.pensionMonths, 10)
  return checkEligibility(
    {
      idNumber: evaluationIdNumber(a.birthDate),
      education: a.education,
      graduationDate: a.graduationDate,
      overseasReturnee: a.overseasReturnee,
      hukou: { inZhengzhou: a.hukouInZhengzhou, ...(a.hukouInZhengzhou ? { settledOn: a.hukouSettledOn } : {}) },
      // The self-check does not ask for the employer's name or the licence's code (the form
      // does); a stand-in keeps core's "please fill in" rules for them out of this report.
      employment: { kind: a.employmentKind, employer: SELF_CHECK_STAND_IN, creditCode: SELF_CHECK_STAND_IN },
      socialSecurity: {
        cardIssued: a.cardIssued,
        financialAccountActive: a.financialAccountActive,
        pensionMonths: Number.isFinite(months) && months > 0 ? months : 0,
      },
    },
    { today: day },
  )
}

export function useSelfCheck() {
  const [answers, setAnswers] = useState<SelfCheckAnswers>(EMPTY_ANSWERS)
  const day = today()
  const report = useMemo(() => selfCheckReport(answers, day), [answers, day])
  function answer<K extends keyof SelfCheckAnswers>(key: K, value: SelfCheckAnswers[K]): void {
    setAnswers((a) => ({ ...a, [key]: value }))
  }
  return { answers, answer, report, missing: missingAnswers(answers), today: day }
}
