/**
 * Checking a list of fields (FORM_FIELDS, or the self-check's questions) against their answers:
 * each shown field with the rule it names in FORM_RULES, looked up when the field is checked, so
 * the table alone decides which rule applies. A field's visibility and some rules depend on other
 * fields' answers; those are checked first, once, on demand.
 */
import type { FieldError } from '../types'
import type { FieldDefinition } from './field-definition'
import { isBlank, type Reading } from './read'
import { FORM_RULES, type RuleContext } from './rules'
import { visibility } from './visibility'

export interface FieldsCheck {
  /** The normalised answers of the shown fields that were answered and valid, by key. */
  answers: Map<string, unknown>
  /** One problem per field, in the order of the list. */
  errors: FieldError[]
}

type Outcome = Reading | 'not-asked' | 'unanswered'

export function checkFields(fields: readonly FieldDefinition[], raw: (key: string) => unknown, today: string): FieldsCheck {
  const byKey = new Map(fields.map((field) => [field.key, field]))
  const outcomes = new Map<string, Outcome>()

  const context: RuleContext = {
    today,
    answerOf(key) {
      const field = byKey.get(key)
      const outcome = field === undefined ? undefined : outcomeOf(field)
      return typeof outcome === 'object' && outcome.ok ? outcome.value : undefined
    },
  }

  function outcomeOf(field: FieldDefinition): Outcome {
    const known = outcomes.get(field.key)
    if (known !== undefined) return known
    const shown = visibility(field, context.answerOf)
    const answer = raw(field.key)
    let outcome: Outcome
    if (shown === 'hidden') outcome = 'not-asked'
    // Optional, or asked on the strength of an answer not given yet: checked only if filled in.
    else if (isBlank(answer) && (!field.required || shown === 'undecided')) outcome = 'unanswered'
    else outcome = FORM_RULES[field.rule](answer, field, context)
    outcomes.set(field.key, outcome)
    return outcome
  }

  const answers = new Map<string, unknown>()
  const errors: FieldError[] = []
  for (const field of fields) {
    const outcome = outcomeOf(field)
    if (typeof outcome !== 'object') continue
    if (outcome.ok) answers.set(field.key, outcome.value)
    else errors.push({ field: field.key, code: outcome.code, message: outcome.message })
  }
  return { answers, errors }
}
