/**
 * The form as a screen holds it: one value per field of FORM_FIELDS, keyed by the field's key,
 * a string for what is typed or picked ('' when unanswered) and a boolean for a switch, so nothing
 * is lost while half-typed. Everything a client needs to go between that and what core and the
 * API speak is read off the table: the empty form, the `{facts, details}` body, the form back from
 * a filed application, and the facts a live eligibility report is made of.
 */
import type { StatedFacts } from '../types'
import type { FieldDefinition, FormSection } from './field-definition'
import { FORM_FIELDS, type FormFieldSpec } from './fields'
import { readPath, writePath } from './read'
import { isShownFor } from './visibility'

/** A field's value on screen: a switch's boolean, a choice's value or '', or text. */
export type FieldValue<F> = F extends { widget: 'switch' }
  ? boolean
  : F extends { options: readonly (infer O)[] }
    ? (O extends { value: infer V } ? V : never) | ''
    : string

/** The values of a list of fields, by key. */
export type ValuesOf<F extends FieldDefinition> = { [Field in F as Field['key']]: FieldValue<Field> }

/** The application form on screen. */
export type FormValues = ValuesOf<FormFieldSpec>

type AnyValues = Readonly<Record<string, string | boolean | undefined>>

/** A value as an answer: undefined while unanswered. */
const answered = (value: string | boolean | undefined): string | boolean | undefined =>
  value === '' || value === undefined ? undefined : value

/** Whether the screen shows `field` for these values (see isShownFor). */
export function isFieldShown(field: FieldDefinition, values: AnyValues): boolean {
  return isShownFor(field, (key) => answered(values[key]))
}

/** Each section with the fields the screen shows in it, in order; a section showing none is left out. */
export function shownSections<S extends FormSection, F extends FieldDefinition>(
  sections: readonly S[],
  fields: readonly F[],
  values: AnyValues,
): { section: S; fields: F[] }[] {
  return sections
    .map((section) => ({ section, fields: fields.filter((f) => f.section === section.id && isFieldShown(f, values)) }))
    .filter((group) => group.fields.length > 0)
}

/** An untouched form: every text and choice empty, every switch at its initial answer. */
export function emptyValues<F extends FieldDefinition>(fields: readonly F[]): ValuesOf<F> {
  return Object.fromEntries(fields.map((f) => [f.key, f.widget === 'switch' ? (f.initial ?? false) : ''])) as ValuesOf<F>
}

export const EMPTY_FORM_VALUES: FormValues = emptyValues(FORM_FIELDS)

/**
 * The answers of the shown fields as a tree by their keys: switches as booleans, text trimmed,
 * and unanswered or hidden fields left out, so a branch the applicant left (an employer after
 * choosing self-employment) never travels.
 */
export function nestValues(fields: readonly FieldDefinition[], values: AnyValues): Record<string, unknown> {
  const tree: Record<string, unknown> = {}
  for (const field of fields) {
    if (!isFieldShown(field, values)) continue
    const value = values[field.key]
    const sent = typeof value === 'string' ? answered(value.trim()) : value
    if (sent !== undefined) writePath(tree, field.key, sent)
  }
  return tree
}

/** The body of PUT /application (and of the window intake's form). */
export function formBody(values: FormValues): { facts: Record<string, unknown>; details: Record<string, unknown> } {
  const tree = nestValues(FORM_FIELDS, values as unknown as AnyValues)
  return { facts: (tree.facts ?? {}) as Record<string, unknown>, details: (tree.details ?? {}) as Record<string, unknown> }
}

/**
 * The form as filed, from what the server sends back (GET /application's `facts` and `details`,
 * or its `raw` form): lets a form filed on another device, or at a window, be shown here.
 * Undefined when nothing was filed.
 */
export function formValuesFrom(filed: { facts?: unknown; details?: unknown }): Partial<FormValues> | undefined {
  if ((filed.facts === null || filed.facts === undefined) && (filed.details === null || filed.details === undefined)) return undefined
  const values: Record<string, string | boolean> = {}
  for (const field of FORM_FIELDS) {
    const value = readPath(filed, field.key)
    if (field.widget === 'switch' ? typeof value === 'boolean' : typeof value === 'string' && value !== '') values[field.key] = value as string | boolean
  }
  return values as Partial<FormValues>
}

/**
 * The stated facts as far as the form is filled, for a live eligibility report. Unanswered
 * choices take a stand-in that adds no rule of its own (全日制本科, 在郑州工作 without an
 * employer) and an unanswered date is empty, so the report lists exactly what is still missing.
 */
export function provisionalFacts(values: FormValues): StatedFacts {
  const facts = formBody(values).facts as Partial<StatedFacts>
  return {
    ...facts,
    education: facts.education ?? 'bachelor',
    graduationDate: facts.graduationDate ?? '',
    overseasReturnee: facts.overseasReturnee ?? false,
    hukou: { inZhengzhou: false, ...facts.hukou },
    employment: { kind: 'employed', ...facts.employment },
  }
}

/** A value as words: a choice's label, 是 / 否, or the text as typed (dates stay 'YYYY-MM-DD'). */
export function fieldValueText(field: FieldDefinition, value: string | boolean | undefined): string {
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (value === undefined || value === '') return ''
  return field.options?.find((o) => o.value === value)?.label ?? value
}
