/**
 * Saving the application form, the applicant's (PUT /application) and a window clerk's
 * (PUT /staff/window-applications/:no) alike: core validates it; what fails validation is still
 * stored as entered, so nothing typed is lost, and answered with every problem at once; what
 * passes is stored with the eligibility core finds on the facts and the card's registry state.
 */
import {
  checkEligibility,
  validateApplicationForm,
  type ApplicantFacts,
  type ApplicationDetails,
  type EligibilityReport,
  type FieldError,
  type StatedFacts,
} from '@zhihui/core'
import { AppError } from '../errors'
import type { ApplicationRow } from '../repositories/applications'
import { assembleFacts } from './application-view'

type BindingFacts = Pick<ApplicantFacts, 'idNumber' | 'socialSecurity'>

const asObject = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined

/** The stated facts only: ID number and social security come from the card binding, never from the body. */
export function statedPart(body: Record<string, unknown>): { facts?: unknown; details?: unknown } {
  const facts = asObject(body.facts)
  const details = body.details
  if (facts === undefined) return { facts: body.facts, details }
  const { idNumber: _idNumber, socialSecurity: _socialSecurity, ...stated } = facts
  return { facts: stated, details }
}

export type FormSave =
  | { ok: false; columns: Pick<ApplicationRow, 'raw_json' | 'form_errors_json'>; errors: FieldError[] }
  | {
      ok: true
      columns: Pick<ApplicationRow, 'raw_json' | 'form_errors_json' | 'facts_json' | 'details_json' | 'eligibility_json'>
      facts: StatedFacts
      details: ApplicationDetails
      eligibility: EligibilityReport
      binding: BindingFacts
    }

/** Checks a body's form; `binding` is read only when the form is valid. */
export async function checkFormSave(body: Record<string, unknown>, today: string, binding: () => Promise<BindingFacts>): Promise<FormSave> {
  const raw = statedPart(body)
  const checked = validateApplicationForm(raw, { today })
  if (!checked.ok) {
    return { ok: false, columns: { raw_json: JSON.stringify(raw), form_errors_json: JSON.stringify(checked.errors) }, errors: checked.errors }
  }
  const bound = await binding()
  const eligibility = checkEligibility(assembleFacts(checked.value.facts, bound), { today })
  return {
    ok: true,
    columns: {
      raw_json: JSON.stringify(raw),
      form_errors_json: null,
      facts_json: JSON.stringify(checked.value.facts),
      details_json: JSON.stringify(checked.value.details),
      eligibility_json: JSON.stringify(eligibility),
    },
    ...checked.value,
    eligibility,
    binding: bound,
  }
}

/** 422 VALIDATION naming the first field, with every problem in `errors`. */
export function formInvalid(errors: readonly FieldError[]): AppError {
  const first = errors[0]
  return new AppError(422, 'VALIDATION', first?.message ?? '填写的信息有误，请检查后重试。', first?.field, { errors })
}
