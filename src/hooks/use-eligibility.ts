/**
 * The eligibility report while the form is filled: core decides, on this device, from what is
 * typed plus what the card binding told (social security; the birth date for the age rule).
 */
import { checkEligibilityByBirthDate, provisionalFacts, type EligibilityReport, type FormValues } from '@zhihui/core'
import { useMemo } from 'react'
import type { StoredBinding } from '@/stores/draft'
import { today } from '@/utils/today'

export function liveEligibility(
  form: FormValues,
  binding: StoredBinding,
  serverReport: EligibilityReport | undefined,
  day: string,
): EligibilityReport {
  const facts = {
    ...provisionalFacts(form),
    socialSecurity: {
      cardIssued: binding.cardIssued,
      financialAccountActive: binding.financialAccountActive,
      pensionMonths: binding.pensionMonths,
    },
  }
  if (binding.birthDate) return checkEligibilityByBirthDate({ ...facts, birthDate: binding.birthDate }, { today: day })
  // Bound on another device: this one has no birth date, so the age rule is the server's word.
  const local = checkEligibilityByBirthDate({ ...facts, birthDate: '' }, { today: day })
  const unmet = [
    ...local.unmet.filter((rule) => rule.field !== 'birthDate'),
    ...(serverReport?.unmet.filter((rule) => rule.field === 'idNumber') ?? []),
  ]
  const eligible = unmet.length === 0
  return {
    eligible,
    channel: local.channel,
    unmet,
    policy: local.policy,
    ...(eligible && serverReport?.subsidy ? { subsidy: serverReport.subsidy } : {}),
  }
}

export function useLiveEligibility(
  form: FormValues,
  binding: StoredBinding | undefined,
  serverReport: EligibilityReport | undefined,
): EligibilityReport | undefined {
  const day = today()
  return useMemo(
    () => (binding ? liveEligibility(form, binding, serverReport, day) : undefined),
    [form, binding, serverReport, day],
  )
}
