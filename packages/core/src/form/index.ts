/** The application form: validation of untrusted input, field labels and choices. */
export { validateApplicationForm, type ApplicationFormValidation } from './validate-application-form'
export { FORM_FIELD_LABELS, type FormField } from './labels'
export { FORM_EDUCATION_OPTIONS, FORM_EMPLOYMENT_OPTIONS } from './options'
export { fieldErrorsFor, fieldErrorMessage } from './field-errors'
export type { FormErrorCode } from './read'
