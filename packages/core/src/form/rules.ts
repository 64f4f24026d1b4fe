/**
 * The validating rules a form field names (FieldDefinition.rule), each built on core's own
 * validators (../validators). A rule reads one untrusted answer and gives back its normalised
 * value or one problem with a Chinese message that says what to fix; it never throws.
 *
 * Certificate numbers depend on the facts. Domestic graduates of a university hold an
 * electronically registered graduation certificate (18 digits) and a degree certificate
 * (16 digits), see ../validators/certificates. Overseas returnees prove their degree with the
 * 国（境）外学历学位认证书 of the Ministry of Education's 留学服务中心, and preparatory technicians
 * hold a technical-school certificate without a degree (seed 四(一) 5 sends both to a window);
 * their numbers follow no national scheme, so only a plausible shape is asked of them.
 */
import { parseChsiVerificationCode } from '../validators/chsi-code'
import { parseCreditCode } from '../validators/credit-code'
import { parseDegreeCertificateNo, parseGraduationCertificateNo } from '../validators/certificates'
import { formatChineseDate, parseIsoDate } from '../validators/date'
import { parseMobile } from '../validators/mobile'
import { foldFullWidth } from '../validators/normalize'
import type { FieldDefinition, FieldRuleName } from './field-definition'
import { accept, isBlank, problem, type Reading } from './read'

export interface RuleContext {
  /** 'YYYY-MM-DD': the day the form is checked on. */
  today: string
  /** Another field's validated answer; undefined when it is unanswered, invalid or not asked. */
  answerOf(key: string): unknown
}

export type FieldRule = (raw: unknown, field: FieldDefinition, context: RuleContext) => Reading

/** Text typed by a person: REQUIRED when blank, INVALID_TYPE when the body carries a non-string. */
function typedText(raw: unknown, field: FieldDefinition, requiredMessage = field.requiredMessage ?? `请填写${field.label}`): Reading {
  if (isBlank(raw)) return problem('REQUIRED', requiredMessage)
  if (typeof raw !== 'string') return problem('INVALID_TYPE', `${field.label}应填写为文字，请重新填写`)
  return accept(raw.trim())
}

/** Runs `next` on the trimmed text when there is some. */
function withText(reading: Reading, next: (text: string) => Reading): Reading {
  return reading.ok ? next(reading.value as string) : reading
}

// C0/C1 control characters: never typed by a person, and U+0000 cannot even be stored in a
// PostgreSQL text column.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/

/** What an overseas returnee holds instead of a domestic certificate (see above). */
const RETURNEE_CERTIFICATE = '国（境）外学历学位认证书'
const OTHER_CERTIFICATE = /^[0-9A-Z]{4,40}$/

const EARLIEST_DATE = '1900-01-01'

/** A date field's first and last day on `today` (a date picker's start and end). */
export function dateBounds(field: FieldDefinition, today: string): { earliest: string; latest: string } {
  const latest = field.bounds?.latest === 'end-of-next-year' ? `${Number(today.slice(0, 4)) + 1}-12-31` : today
  return { earliest: field.bounds?.earliest ?? EARLIEST_DATE, latest }
}

/** The one sentence a parser's error becomes, with the field's code. */
function parsed<C extends string>(result: { ok: true; value: string } | { ok: false; error: { code: C; message: string } }): Reading {
  return result.ok ? accept(result.value) : problem(result.error.code as Parameters<typeof problem>[0], result.error.message)
}

export const FORM_RULES: Record<FieldRuleName, FieldRule> = {
  /** One of the field's options, by value. */
  choice(raw, field) {
    if (isBlank(raw)) return problem('REQUIRED', `请选择${field.label}`)
    const value = typeof raw === 'string' ? raw.trim() : raw
    const options = field.options ?? []
    const option = options.find((o) => o.value === value)
    if (option !== undefined) return accept(option.value)
    return problem('INVALID_OPTION', `${field.label}只能是${options.map((o) => `“${o.label}”`).join('、')}之一，请重新选择`)
  },

  /** Literally true or false: "false" is not an answer (the body's types are what was sent). */
  'yes-no'(raw, field) {
    if (isBlank(raw)) return problem('REQUIRED', `请选择${field.label}`)
    if (typeof raw !== 'boolean') return problem('INVALID_OPTION', `${field.label}：请选择“是”或“否”`)
    return accept(raw)
  },

  /** Free text (names of schools, majors, employers): inner blank runs become one space. */
  text(raw, field) {
    return withText(typedText(raw, field), (text) => {
      const value = text.replace(/\s+/g, ' ')
      if (CONTROL_CHARACTERS.test(value)) return problem('TEXT_CHARACTERS', `${field.label}含有无法显示的特殊字符，请删除后重新填写`)
      const count = [...value].length
      const { minLength = 1, maxLength = Number.MAX_SAFE_INTEGER } = field.bounds ?? {}
      if (count < minLength || count > maxLength) {
        return problem('TEXT_LENGTH', `${field.label}应为${minLength}至${maxLength}个字（现在是${count}个），请核对后重新填写`)
      }
      return accept(value)
    })
  },

  /**
   * A real date within the field's bounds (by default a past or present one); the messages say
   * which document the date is read from (`help`).
   */
  date(raw, field, { today }) {
    return withText(typedText(raw, field), (text) => {
      const { earliest, latest } = dateBounds(field, today)
      const date = parseIsoDate(text, { notAfter: latest, notBefore: earliest })
      if (date.ok) return accept(date.value)
      const source = field.help ?? '按证件填写'
      switch (date.error.code) {
        case 'DATE_TOO_LATE':
          return problem('DATE_TOO_LATE', field.tooLate ?? `${field.label}不能晚于${formatChineseDate(latest)}`)
        case 'DATE_TOO_EARLY':
          return problem('DATE_TOO_EARLY', `${field.label}不能早于${formatChineseDate(earliest)}，请${source}`)
        default:
          return problem('DATE_FORMAT', `${field.label}格式不正确，应为“年-月-日”（如2020-07-01）且是真实存在的日期，请${source}`)
      }
    })
  },

  mobile: (raw, field) => withText(typedText(raw, field), (text) => parsed(parseMobile(text))),

  'credit-code': (raw, field) => withText(typedText(raw, field), (text) => parsed(parseCreditCode(text))),

  'chsi-code': (raw, field) => withText(typedText(raw, field), (text) => parsed(parseChsiVerificationCode(text))),

  /**
   * A certificate number, checked as the applicant's situation allows: the national formats for
   * domestic graduates, a plausible shape for returnees and technicians, and the plausible shape
   * while education or returnee status is not answered yet.
   */
  certificate(raw, field, { answerOf }) {
    const graduation = field.certificate !== 'degree'
    const education = answerOf('facts.education')
    const returnee = answerOf('facts.overseasReturnee')
    const document = `${returnee === true ? `${RETURNEE_CERTIFICATE}或` : ''}${graduation ? '毕业证书' : '学位证书'}`
    return withText(typedText(raw, field, `请填写${document}上的证书编号`), (text) => {
      if (education !== undefined && education !== 'preparatory-technician' && returnee === false) {
        return parsed(graduation ? parseGraduationCertificateNo(text) : parseDegreeCertificateNo(text))
      }
      const value = foldFullWidth(text).replace(/\s/g, '').toUpperCase()
      if (OTHER_CERTIFICATE.test(value)) return accept(value)
      return problem(
        graduation ? 'GRADUATION_CERT_FORMAT' : 'DEGREE_CERT_FORMAT',
        `${graduation ? '毕业' : '学位'}证书编号格式不正确，应为4至40位字母或数字，请对照${document}核对`,
      )
    })
  },

  /** A count typed as digits (the self-check's months of pension), 0 to 999. */
  'whole-number'(raw, field) {
    const text = typeof raw === 'number' ? String(raw) : raw
    return withText(typedText(text, field), (digits) =>
      /^\d{1,3}$/.test(digits) ? accept(Number(digits)) : problem('NUMBER_FORMAT', `${field.label}应填写0至999的整数`),
    )
  },
}
