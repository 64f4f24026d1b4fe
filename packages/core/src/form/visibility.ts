/** Whether a field is asked, by the rule of its `shownWhen` (see VisibilityRule). */
import type { FieldDefinition } from './field-definition'

/** 'undecided': the deciding answer is missing (or invalid). */
export type Visibility = 'shown' | 'hidden' | 'undecided'

/**
 * `answerOf` gives another field's answer, undefined for none. Rules look one field back only
 * (no field decides on a field that is itself decided on), so the answer of a hidden field never
 * has to be told from a missing one.
 */
export function visibility(field: FieldDefinition, answerOf: (key: string) => unknown): Visibility {
  const rule = field.shownWhen
  if (rule === undefined) return 'shown'
  const answer = answerOf(rule.field)
  if (answer === undefined) return 'undecided'
  if (rule.oneOf !== undefined && !rule.oneOf.includes(answer as string | boolean)) return 'hidden'
  if (rule.noneOf !== undefined && rule.noneOf.includes(answer as string | boolean)) return 'hidden'
  return 'shown'
}

/**
 * Whether a form on screen shows the field: a field asked only for some answers waits for one of
 * them; a field skipped only for some answers shows until one of them is given.
 */
export function isShownFor(field: FieldDefinition, answerOf: (key: string) => unknown): boolean {
  const shown = visibility(field, answerOf)
  return shown === 'shown' || (shown === 'undecided' && field.shownWhen?.noneOf !== undefined)
}
