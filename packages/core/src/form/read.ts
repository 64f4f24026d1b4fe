/**
 * Reading one field of an untrusted JSON body. Each reader returns the normalised value, or
 * undefined after reporting exactly one problem for the field, so a form shows one message per
 * field: the first thing to fix.
 */
import type { FieldError } from '../types'
import { parseIsoDate } from '../validators/date'
import { FORM_FIELD_LABELS, type FormField } from './labels'

export type FormErrorCode =
  | 'REQUIRED'
  | 'INVALID_OPTION'
  | 'INVALID_TYPE'
  | 'TEXT_LENGTH'
  | 'TEXT_CHARACTERS'
  | 'DATE_FORMAT'
  | 'DATE_TOO_LATE'
  | 'DATE_TOO_EARLY'
  | 'CREDIT_CODE_FORMAT'
  | 'CREDIT_CODE_CHECKSUM'
  | 'MOBILE_FORMAT'
  | 'GRADUATION_CERT_FORMAT'
  | 'DEGREE_CERT_FORMAT'

export class FormIssues {
  readonly errors: FieldError[] = []

  report(field: FormField, code: FormErrorCode, message: string): undefined {
    this.errors.push({ field, code, message })
    return undefined
  }
}

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

/** Not answered: absent, null, or only blanks. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

export function readChoice<T extends string>(
  raw: unknown,
  options: readonly { value: T; label: string }[],
  field: FormField,
  issues: FormIssues,
): T | undefined {
  const label = FORM_FIELD_LABELS[field]
  if (isBlank(raw)) return issues.report(field, 'REQUIRED', `请选择${label}`)
  const value = typeof raw === 'string' ? raw.trim() : raw
  const option = options.find((o) => o.value === value)
  if (!option) {
    return issues.report(
      field,
      'INVALID_OPTION',
      `${label}只能是${options.map((o) => `“${o.label}”`).join('、')}之一，请重新选择`,
    )
  }
  return option.value
}

export function readBoolean(raw: unknown, field: FormField, issues: FormIssues): boolean | undefined {
  const label = FORM_FIELD_LABELS[field]
  if (isBlank(raw)) return issues.report(field, 'REQUIRED', `请选择${label}`)
  if (typeof raw !== 'boolean') return issues.report(field, 'INVALID_OPTION', `${label}：请选择“是”或“否”`)
  return raw
}

/** A text answer, trimmed; REQUIRED when blank, INVALID_TYPE when the body carries a non-string. */
export function readString(raw: unknown, field: FormField, issues: FormIssues, requiredMessage?: string): string | undefined {
  const label = FORM_FIELD_LABELS[field]
  if (isBlank(raw)) return issues.report(field, 'REQUIRED', requiredMessage ?? `请填写${label}`)
  if (typeof raw !== 'string') return issues.report(field, 'INVALID_TYPE', `${label}应填写为文字，请重新填写`)
  return raw.trim()
}

// C0/C1 control characters: never typed by a person, and U+0000 cannot even be stored in a
// PostgreSQL text column.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/

/** Free text (names of schools, majors, employers): inner blank runs become one space. */
export function readText(
  raw: unknown,
  field: FormField,
  issues: FormIssues,
  length: { min: number; max: number },
): string | undefined {
  const text = readString(raw, field, issues)
  if (text === undefined) return undefined
  const label = FORM_FIELD_LABELS[field]
  const value = text.replace(/\s+/g, ' ')
  if (CONTROL_CHARACTERS.test(value)) {
    return issues.report(field, 'TEXT_CHARACTERS', `${label}含有无法显示的特殊字符，请删除后重新填写`)
  }
  const count = [...value].length
  if (count < length.min || count > length.max) {
    return issues.report(
      field,
      'TEXT_LENGTH',
      `${label}应为${length.min}至${length.max}个字（现在是${count}个），请核对后重新填写`,
    )
  }
  return value
}

const EARLIEST_DATE = '1900-01-01'

/** A past or present date; the messages say which document the date is read from. */
export function readPastDate(
  raw: unknown,
  field: FormField,
  issues: FormIssues,
  texts: { source: string; tooLate: string },
  today: string,
): string | undefined {
  const text = readString(raw, field, issues)
  if (text === undefined) return undefined
  const label = FORM_FIELD_LABELS[field]
  const parsed = parseIsoDate(text, { notAfter: today, notBefore: EARLIEST_DATE })
  if (parsed.ok) return parsed.value
  switch (parsed.error.code) {
    case 'DATE_TOO_LATE':
      return issues.report(field, 'DATE_TOO_LATE', texts.tooLate)
    case 'DATE_TOO_EARLY':
      return issues.report(field, 'DATE_TOO_EARLY', `${label}不能早于1900年1月1日，请${texts.source}`)
    default:
      return issues.report(
        field,
        'DATE_FORMAT',
        `${label}格式不正确，应为“年-月-日”（如2020-07-01）且是真实存在的日期，请${texts.source}`,
      )
  }
}
