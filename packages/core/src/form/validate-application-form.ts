/**
 * Validation of the whole application form (design.md journey step 4), the same function on
 * both sides: the server runs it on every PUT /application body (untrusted JSON), the app runs
 * it as the applicant leaves a field and shows that field's message. Every problem is reported
 * at once, one per field, each with the field's dot path, a code and a Chinese message that
 * says what to fix; nothing is thrown, whatever the body holds.
 *
 * On success the value is normalised (trimmed, codes upper-cased, mobile reduced to 11 digits)
 * and holds only the fields of StatedFacts and ApplicationDetails that apply to the applicant.
 */
import type { ApplicationDetails, FieldError, StatedFacts } from '../types'
import { readApplicationDetails } from './details'
import { readStatedFacts } from './facts'
import { asRecord, FormIssues } from './read'

export type ApplicationFormValidation =
  | { ok: true; value: { facts: StatedFacts; details: ApplicationDetails } }
  | { ok: false; errors: FieldError[] }

export function validateApplicationForm(
  input: { facts?: unknown; details?: unknown },
  opts: { today: string },
): ApplicationFormValidation {
  const body = asRecord(input)
  const issues = new FormIssues()
  const stated = readStatedFacts(body.facts, issues, opts.today)
  const details = readApplicationDetails(body.details, issues, stated)
  if (issues.errors.length > 0 || stated.facts === undefined || details === undefined) {
    return { ok: false, errors: issues.errors }
  }
  return { ok: true, value: { facts: stated.facts, details } }
}
