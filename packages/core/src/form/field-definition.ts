/**
 * What one field of a form is, as data: the mini-program and the staff console render a field
 * from it, and core validates it with the rule it names (./rules.ts). Kept apart from the table
 * itself (./fields.ts) so the self-check's questions (./self-check.ts) use the same shape.
 */

/** How a field is entered. A new kind is one widget in each client, nothing else. */
export type FieldWidget =
  /** a list to pick one from (districts, education levels) */
  | 'select'
  /** a few choices shown at once, each a large tap target */
  | 'radio'
  /** yes or no */
  | 'switch'
  /** a calendar date, 'YYYY-MM-DD' */
  | 'date'
  /** typed text or digits */
  | 'text'

/** The validating rules of ./rules.ts, by name. */
export type FieldRuleName =
  | 'choice'
  | 'yes-no'
  | 'text'
  | 'date'
  | 'mobile'
  | 'credit-code'
  | 'certificate'
  | 'chsi-code'
  | 'whole-number'

export interface FieldOption {
  value: string
  label: string
}

/**
 * When a field is asked, by the answer of another field. While that answer is missing, a field
 * asked only for some answers (`oneOf`) waits; a field skipped only for some answers (`noneOf`)
 * is shown. Validation checks a field whose deciding answer is missing or invalid only if it
 * was filled in: nothing is demanded on the strength of an answer not yet given.
 */
export interface VisibilityRule {
  /** The key of the field whose answer decides. */
  field: string
  oneOf?: readonly (string | boolean)[]
  noneOf?: readonly (string | boolean)[]
}

export interface FieldBounds {
  /** Text: length in characters, inclusive. */
  minLength?: number
  maxLength?: number
  /** Dates: the earliest day that may be entered ('YYYY-MM-DD'). */
  earliest?: string
  /** Dates: the latest day, relative to the day of use. */
  latest?: 'today' | 'end-of-next-year'
}

export interface FieldDefinition {
  /** The dot path in `{facts, details}` (and of FieldError.field), e.g. 'facts.hukou.district'. */
  key: string
  /** A short name for page elements and tests (`field-${id}`), stable across releases. */
  id: string
  label: string
  /** The group the field is shown in (FORM_SECTIONS). */
  section: string
  widget: FieldWidget
  rule: FieldRuleName
  /** false: may be left empty (then it is not sent). */
  required: boolean
  options?: readonly FieldOption[]
  bounds?: FieldBounds
  /** A digits keyboard on phones. */
  keyboard?: 'number'
  placeholder?: string
  /** Shown under the field; for dates it also says which document the date is read from. */
  help?: string
  shownWhen?: VisibilityRule
  /** The answer of an untouched switch (default false). */
  initial?: boolean
  /** The message when a required field is empty, where `请填写…` / `请选择…` says too little. */
  requiredMessage?: string
  /** date: the message for a date after the latest allowed. */
  tooLate?: string
  /** certificate: which certificate's number it is. */
  certificate?: 'graduation' | 'degree'
}

/** One group of fields with its heading. */
export interface FormSection {
  id: string
  title: string
}
