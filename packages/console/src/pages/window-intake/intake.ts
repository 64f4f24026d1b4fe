/** Window intake's pure parts: the form from a filed application, errors by field, the originals asked for. */
import {
  EMPTY_FORM_VALUES,
  formBody,
  formFieldFor,
  formValuesFrom,
  provisionalFacts,
  requiredDocuments,
  type ApplicationDetails,
  type DocumentRequirement,
  type FieldError,
  type FormValues,
} from '@zhihui/core'
import dayjs from 'dayjs'

/** 'YYYY-MM-DD' on the clerk's machine (a window in Zhengzhou). */
export const today = (): string => dayjs().format('YYYY-MM-DD')

/** The form as last sent (valid or not), over an empty one. */
export function valuesFromFiled(filed: { facts?: unknown; details?: unknown } | null | undefined): FormValues {
  return { ...EMPTY_FORM_VALUES, ...(filed ? formValuesFrom(filed) : undefined) }
}

/**
 * Each problem under the field it names (its full key), first message per field; problems that
 * name no form field are returned apart, for a message above the form.
 */
export function errorsByField(errors: readonly FieldError[] | undefined): { byField: Record<string, string>; other: FieldError[] } {
  const byField: Record<string, string> = {}
  const other: FieldError[] = []
  for (const error of errors ?? []) {
    const key = formFieldFor(error.field)
    if (key === undefined) other.push(error)
    else byField[key] ??= error.message
  }
  return { byField, other }
}

/**
 * The originals core asks of this applicant at a window, for the form as it stands: education
 * and employment decide the degree certificate and the business licence, and a 学信网 code of the
 * right form replaces the student-record report.
 */
export function requiredOriginals(values: FormValues): DocumentRequirement[] {
  const facts = provisionalFacts(values)
  const details = formBody(values).details as Pick<ApplicationDetails, 'chsiVerificationCode'>
  return requiredDocuments(facts, 'window', details)
}
