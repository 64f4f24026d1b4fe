/**
 * The Chinese label of every field of the application form, keyed by the dot path that
 * FieldError.field uses, so the app, the server's 422 answers and the check page (核对信息)
 * name a field the same way. Read off FORM_FIELDS, in its order.
 */
import { FORM_FIELDS, type FormFieldSpec } from './fields'

export const FORM_FIELD_LABELS = Object.fromEntries(FORM_FIELDS.map((field) => [field.key, field.label])) as {
  readonly [F in FormFieldSpec as F['key']]: F['label']
}
