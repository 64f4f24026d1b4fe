/**
 * Validation of the whole application form (design.md journey step 4), the same function on
 * both sides: the server runs it on every PUT /application body (untrusted JSON), the app and the
 * console run it as a field is left and show that field's message. It is driven by FORM_FIELDS:
 * each field shown for the answers given is checked by the rule the table names for it, and
 * every problem is reported at once, one per field, in the table's order, each with the field's
 * dot path, a code and a Chinese message that says what to fix; nothing is thrown, whatever the
 * body holds.
 *
 * On success the value is normalised (trimmed, codes upper-cased, mobile reduced to 11 digits)
 * and holds only the fields of StatedFacts and ApplicationDetails that apply to the applicant:
 * a hukou outside Zhengzhou has no district, an unemployed graduate no employer, so nothing
 * stale reaches the reviewers.
 */
import type { ApplicationDetails, FieldError, StatedFacts } from '../types'
import { checkFields } from './check-fields'
import { FORM_FIELDS } from './fields'
import { asRecord, readPath, writePath } from './read'

export type ApplicationFormValidation =
  | { ok: true; value: { facts: StatedFacts; details: ApplicationDetails } }
  | { ok: false; errors: FieldError[] }

export function validateApplicationForm(
  input: { facts?: unknown; details?: unknown },
  opts: { today: string },
): ApplicationFormValidation {
  const body = asRecord(input)
  const { answers, errors } = checkFields(FORM_FIELDS, (key) => readPath(body, key), opts.today)
  if (errors.length > 0) return { ok: false, errors }
  // Every required field of every group was answered, so the tree has the full shape.
  const value: Record<string, unknown> = { facts: {}, details: {} }
  for (const [key, answer] of answers) writePath(value, key, answer)
  return { ok: true, value: value as { facts: StatedFacts; details: ApplicationDetails } }
}
