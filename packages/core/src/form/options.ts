/**
 * The closed choices of the form, with the words the applicant sees. The words are those of
 * ../eligibility/labels.ts, so the form, the eligibility report and the check page name a level
 * or a situation the same way; the districts are ../directories' list, in its order.
 *
 * Education levels and employment situations: seed 一 (who may apply: working in Zhengzhou,
 * self-employed in Zhengzhou, graduated and not yet employed) and the 2017 policy text
 * (doctorate, master, full-time bachelor, technical-school preparatory technician), policy.md.
 */
import { EDUCATION_LABELS, EMPLOYMENT_KIND_LABELS } from '../eligibility/labels'
import type { Education, EmploymentKind } from '../types'

export const FORM_EDUCATION_OPTIONS = [
  { value: 'doctorate', label: EDUCATION_LABELS.doctorate },
  { value: 'master', label: EDUCATION_LABELS.master },
  { value: 'bachelor', label: EDUCATION_LABELS.bachelor },
  { value: 'preparatory-technician', label: EDUCATION_LABELS['preparatory-technician'] },
] as const satisfies readonly { value: Education; label: string }[]

/** Self-employment is shown with what it asks for next: the business licence's credit code. */
export const FORM_EMPLOYMENT_OPTIONS = [
  { value: 'employed', label: EMPLOYMENT_KIND_LABELS.employed },
  { value: 'self-employed', label: `${EMPLOYMENT_KIND_LABELS['self-employed']}（有营业执照）` },
  { value: 'unemployed', label: EMPLOYMENT_KIND_LABELS.unemployed },
] as const satisfies readonly { value: EmploymentKind; label: string }[]
