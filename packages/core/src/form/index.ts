/**
 * The application form: FORM_FIELDS (its one definition), validation of untrusted input driven
 * by it, labels and choices, what a screen needs to hold it, and the self-check's questions.
 */
export { validateApplicationForm, type ApplicationFormValidation } from './validate-application-form'
export type { FieldBounds, FieldDefinition, FieldOption, FieldRuleName, FieldWidget, FormSection, VisibilityRule } from './field-definition'
export { FORM_FIELDS, FORM_SECTIONS, formField, formFieldFor, formFieldsUnder, isFormField, type FormField, type FormFieldSpec } from './fields'
export { FORM_RULES, dateBounds, type FieldRule, type RuleContext } from './rules'
export { visibility, type Visibility } from './visibility'
export {
  EMPTY_FORM_VALUES,
  emptyValues,
  fieldValueText,
  formBody,
  formValuesFrom,
  isFieldShown,
  nestValues,
  provisionalFacts,
  shownSections,
  type FieldValue,
  type FormValues,
  type ValuesOf,
} from './values'
export { SELF_CHECK_FIELDS, SELF_CHECK_SECTIONS, evaluateSelfCheck, type SelfCheckOutcome, type SelfCheckValues } from './self-check'
export { FORM_FIELD_LABELS } from './labels'
export { FORM_EDUCATION_OPTIONS, FORM_EMPLOYMENT_OPTIONS } from './options'
export { fieldErrorsFor, fieldErrorMessage } from './field-errors'
export type { FormErrorCode } from './read'
