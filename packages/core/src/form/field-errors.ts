/**
 * Picking one field's problems out of a validation, for a form that shows each message under
 * its field. A group path ('facts.hukou') also matches the fields inside it.
 */
import type { FieldError } from '../types'

function belongsTo(error: FieldError, field: string): boolean {
  return error.field === field || error.field.startsWith(`${field}.`)
}

export function fieldErrorsFor(errors: readonly FieldError[], field: string): FieldError[] {
  return errors.filter((error) => belongsTo(error, field))
}

/** The message to show under a field, or undefined when the field is fine. */
export function fieldErrorMessage(errors: readonly FieldError[], field: string): string | undefined {
  return errors.find((error) => belongsTo(error, field))?.message
}
