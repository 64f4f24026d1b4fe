/**
 * The eligibility self-check (design.md journey step 2): a few questions, answered without
 * binding a card, and the full report. The questions that the application form also asks are its
 * FORM_FIELDS rows (same label, options and rule; only the page element id, the group and, for
 * the graduation date, the latest day differ: someone about to graduate may check too); the rest
 * stand in for what the card binding tells later: the birth date (instead of the ID number) and
 * the card's state.
 */
import type { EligibilityReport, FieldError } from '../types'
import { checkEligibilityByBirthDate } from '../eligibility/check-eligibility'
import { checkFields } from './check-fields'
import type { FieldDefinition, FormSection } from './field-definition'
import { formField, type FormField } from './fields'
import { isBlank } from './read'

export const SELF_CHECK_SECTIONS = [
  { id: 'education-age', title: '学历和年龄' },
  { id: 'hukou-employment', title: '落户和就业' },
  { id: 'social-security', title: '社会保险' },
] as const satisfies readonly FormSection[]

/** A row of the form, asked here under another id and group. */
function ask(key: FormField, id: string, section: string, changes: Partial<FieldDefinition> = {}): FieldDefinition {
  return { ...formField(key), id, section, ...changes }
}

export const SELF_CHECK_FIELDS: readonly FieldDefinition[] = [
  ask('facts.education', 'sc-education', 'education-age'),
  {
    key: 'birthDate',
    id: 'sc-birthDate',
    label: '出生日期',
    section: 'education-age',
    widget: 'date',
    rule: 'date',
    required: true,
    bounds: { earliest: '1900-01-01', latest: 'today' },
    help: '以身份证上的出生日期为准',
  },
  ask('facts.graduationDate', 'sc-graduationDate', 'education-age', {
    bounds: { earliest: '1900-01-01', latest: 'end-of-next-year' },
    help: '还未毕业的可填预计毕业日期',
    tooLate: undefined,
  }),
  ask('facts.overseasReturnee', 'sc-overseasReturnee', 'education-age'),
  ask('facts.hukou.inZhengzhou', 'sc-hukou', 'hukou-employment'),
  ask('facts.hukou.settledOn', 'sc-settledOn', 'hukou-employment'),
  ask('facts.employment.kind', 'sc-employment', 'hukou-employment'),
  {
    key: 'socialSecurity.cardIssued',
    id: 'sc-card',
    label: '是否已办理社会保障卡',
    section: 'social-security',
    widget: 'switch',
    rule: 'yes-no',
    required: true,
    initial: true,
  },
  {
    key: 'socialSecurity.financialAccountActive',
    id: 'sc-account',
    label: '社会保障卡金融账户是否已激活',
    section: 'social-security',
    widget: 'switch',
    rule: 'yes-no',
    required: true,
    initial: true,
  },
  {
    key: 'socialSecurity.pensionMonths',
    id: 'sc-pension',
    label: '在郑州连续按时缴纳养老保险的月数',
    section: 'social-security',
    widget: 'text',
    rule: 'whole-number',
    required: true,
    keyboard: 'number',
    bounds: { maxLength: 3 },
    help: '补缴的月份不计算在内',
  },
]

/** The self-check's answers, by key, as a screen holds them. */
export type SelfCheckValues = Readonly<Record<string, string | boolean>>

export interface SelfCheckOutcome {
  /** The questions still to answer, in page order. */
  missing: FieldDefinition[]
  /** Answers that cannot be read (a count that is not a number), one per question. */
  errors: FieldError[]
  /** Only once every question is answered and readable. */
  report?: EligibilityReport
}

// The self-check does not ask for the employer's name or the licence's code (the form does): a
// stand-in keeps core's "please fill in" rules for them out of this report.
const NOT_ASKED = '自查未填'

export function evaluateSelfCheck(values: SelfCheckValues, opts: { today: string }): SelfCheckOutcome {
  const { answers, errors } = checkFields(SELF_CHECK_FIELDS, (key) => values[key], opts.today)
  const missing = SELF_CHECK_FIELDS.filter((f) => errors.some((e) => e.field === f.key && e.code === 'REQUIRED'))
  const unreadable = errors.filter((e) => e.code !== 'REQUIRED')
  if (missing.length > 0 || unreadable.length > 0) return { missing, errors: unreadable }
  const answer = <T>(key: string): T => answers.get(key) as T
  const settledOn = answers.get('facts.hukou.settledOn')
  const report = checkEligibilityByBirthDate(
    {
      birthDate: answer('birthDate'),
      education: answer('facts.education'),
      graduationDate: answer('facts.graduationDate'),
      overseasReturnee: answer('facts.overseasReturnee'),
      hukou: { inZhengzhou: answer('facts.hukou.inZhengzhou'), ...(isBlank(settledOn) ? {} : { settledOn: settledOn as string }) },
      employment: { kind: answer('facts.employment.kind'), employer: NOT_ASKED, creditCode: NOT_ASKED },
      socialSecurity: {
        cardIssued: answer('socialSecurity.cardIssued'),
        financialAccountActive: answer('socialSecurity.financialAccountActive'),
        pensionMonths: answer('socialSecurity.pensionMonths'),
      },
    },
    opts,
  )
  return { missing, errors: [], report }
}
