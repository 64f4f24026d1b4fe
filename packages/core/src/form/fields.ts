/**
 * FORM_FIELDS: the application form, defined once (design.md, "Window intake"). The
 * mini-program's information, check and self-check pages and the console's intake form render
 * from this table, and validateApplicationForm checks each field with the rule it names here, so
 * adding a field is a row here (plus, at most, one widget in each client).
 *
 * The fields are the ones the seed's online journey asks for (四(一), "输入相关信息") and what the
 * 2017 rules decide on (policy.md); ID number and social security are not here: they come from
 * the card binding (or, at a window, the registry check), never from the form. Rows are in the
 * order the form shows them, and validation reports problems in the same order.
 */
import { DISTRICTS } from '../directories/districts'
import { EDUCATIONS_WITHOUT_DEGREE } from '../eligibility/required-documents'
import { CHSI_CODE_LENGTH } from '../validators/chsi-code'
import type { FieldDefinition, FormSection } from './field-definition'
import { FORM_EDUCATION_OPTIONS, FORM_EMPLOYMENT_OPTIONS } from './options'

export const FORM_SECTIONS = [
  { id: 'education', title: '学历信息' },
  { id: 'hukou', title: '户籍信息' },
  { id: 'employment', title: '就业信息' },
  { id: 'contact', title: '联系方式' },
] as const satisfies readonly FormSection[]

/** Dates on documents: none before 1900, none after the day they are entered. */
const PAST = { earliest: '1900-01-01', latest: 'today' } as const

const DISTRICT_OPTIONS = DISTRICTS.map((d) => ({ value: d, label: d }))

export const FORM_FIELDS = [
  {
    key: 'facts.education',
    id: 'education',
    label: '学历',
    section: 'education',
    widget: 'select',
    rule: 'choice',
    required: true,
    options: FORM_EDUCATION_OPTIONS,
  },
  {
    key: 'details.school',
    id: 'school',
    label: '毕业院校',
    section: 'education',
    widget: 'text',
    rule: 'text',
    required: true,
    bounds: { minLength: 2, maxLength: 60 },
    placeholder: '与毕业证上的学校名称一致',
  },
  {
    key: 'details.major',
    id: 'major',
    label: '所学专业',
    section: 'education',
    widget: 'text',
    rule: 'text',
    required: true,
    bounds: { minLength: 2, maxLength: 60 },
  },
  {
    key: 'facts.graduationDate',
    id: 'graduationDate',
    label: '毕业日期',
    section: 'education',
    widget: 'date',
    rule: 'date',
    required: true,
    bounds: PAST,
    help: '以毕业证书上的毕业日期为准',
    tooLate: '毕业日期不能晚于今天：须已毕业、取得毕业证书后才能申请',
  },
  {
    key: 'details.graduationCertificateNo',
    id: 'graduationCertificateNo',
    label: '毕业证书编号',
    section: 'education',
    widget: 'text',
    rule: 'certificate',
    certificate: 'graduation',
    required: true,
    bounds: { maxLength: 40 },
    placeholder: '毕业证书上的证书编号（国内高校为18位数字）',
  },
  {
    key: 'details.degreeCertificateNo',
    id: 'degreeCertificateNo',
    label: '学位证书编号',
    section: 'education',
    widget: 'text',
    rule: 'certificate',
    certificate: 'degree',
    required: true,
    bounds: { maxLength: 40 },
    placeholder: '学位证书上的证书编号（国内高校为16位数字）',
    // Technical schools award no degree (../eligibility/required-documents.ts).
    shownWhen: { field: 'facts.education', noneOf: EDUCATIONS_WITHOUT_DEGREE },
  },
  {
    key: 'details.chsiVerificationCode',
    id: 'chsiVerificationCode',
    label: '学信网在线验证码',
    section: 'education',
    widget: 'text',
    rule: 'chsi-code',
    required: false,
    // Room for the blanks of a code copied in groups of four.
    bounds: { maxLength: CHSI_CODE_LENGTH + 4 },
    placeholder: '选填：学籍在线验证报告上的16位验证码',
    help: '填写《教育部学籍在线验证报告》上的在线验证码，可代替该报告的原件或照片',
  },
  {
    key: 'facts.overseasReturnee',
    id: 'overseasReturnee',
    label: '是否为海外归国留学人员',
    section: 'education',
    widget: 'switch',
    rule: 'yes-no',
    required: true,
  },
  {
    key: 'facts.worldTop200University',
    id: 'worldTop200University',
    label: '是否毕业于世界排名前200的高校',
    section: 'education',
    widget: 'switch',
    rule: 'yes-no',
    // Only the 2024 rules use it (policy.md, [ext, 2024]).
    required: false,
    help: '按2024年实施细则，世界排名前200高校的毕业生可在毕业6年内申请',
  },
  {
    key: 'facts.hukou.inZhengzhou',
    id: 'hukouInZhengzhou',
    label: '是否已在郑州市落户',
    section: 'hukou',
    widget: 'switch',
    rule: 'yes-no',
    required: true,
    initial: true,
  },
  {
    key: 'facts.hukou.district',
    id: 'hukouDistrict',
    label: '落户区县（市）',
    section: 'hukou',
    widget: 'select',
    rule: 'choice',
    required: true,
    options: DISTRICT_OPTIONS,
    shownWhen: { field: 'facts.hukou.inZhengzhou', oneOf: [true] },
  },
  {
    key: 'facts.hukou.settledOn',
    id: 'hukouSettledOn',
    label: '落户日期',
    section: 'hukou',
    widget: 'date',
    rule: 'date',
    required: true,
    bounds: PAST,
    help: '以户口簿本人页上的迁入（落户）日期为准',
    tooLate: '落户日期不能晚于今天：请填写已经办好落户手续的日期',
    shownWhen: { field: 'facts.hukou.inZhengzhou', oneOf: [true] },
  },
  {
    key: 'facts.employment.kind',
    id: 'employmentKind',
    label: '就业情况',
    section: 'employment',
    widget: 'radio',
    rule: 'choice',
    required: true,
    options: FORM_EMPLOYMENT_OPTIONS,
  },
  {
    key: 'facts.employment.employer',
    id: 'employer',
    label: '工作单位名称',
    section: 'employment',
    widget: 'text',
    rule: 'text',
    required: true,
    bounds: { minLength: 2, maxLength: 100 },
    placeholder: '单位全称',
    shownWhen: { field: 'facts.employment.kind', oneOf: ['employed'] },
  },
  {
    key: 'facts.employment.creditCode',
    id: 'creditCode',
    label: '营业执照上的统一社会信用代码',
    section: 'employment',
    widget: 'text',
    rule: 'credit-code',
    required: true,
    bounds: { maxLength: 18 },
    placeholder: '营业执照上的18位代码',
    requiredMessage: '请填写营业执照上的18位统一社会信用代码',
    shownWhen: { field: 'facts.employment.kind', oneOf: ['self-employed'] },
  },
  {
    key: 'details.mobile',
    id: 'mobile',
    label: '手机号码',
    section: 'contact',
    widget: 'text',
    rule: 'mobile',
    required: true,
    keyboard: 'number',
    bounds: { maxLength: 11 },
    placeholder: '审核结果将以短信通知',
    requiredMessage: '请填写11位手机号码，用于接收审核结果短信',
  },
] as const satisfies readonly FieldDefinition[]

export type FormFieldSpec = (typeof FORM_FIELDS)[number]

/** A field's key, e.g. 'facts.hukou.district'. */
export type FormField = FormFieldSpec['key']

const BY_KEY: ReadonlyMap<string, FieldDefinition> = new Map(FORM_FIELDS.map((field) => [field.key, field]))

/** The table's row for `key`; throws for a key not in the table (a programming error). */
export function formField<K extends FormField>(key: K): Extract<FormFieldSpec, { key: K }> {
  const field = BY_KEY.get(key)
  if (field === undefined) throw new RangeError(`no form field ${key}`)
  return field as Extract<FormFieldSpec, { key: K }>
}

export function isFormField(key: unknown): key is FormField {
  return typeof key === 'string' && BY_KEY.has(key)
}

/**
 * The form field a name points at: the full key ('facts.hukou.settledOn'), an ApplicantFacts path
 * as eligibility rules name it ('hukou.settledOn'), or a bare details name ('mobile').
 */
export function formFieldFor(name: string | undefined): FormField | undefined {
  if (name === undefined || name === '') return undefined
  return [name, `facts.${name}`, `details.${name}`].find(isFormField)
}

/** The keys a rejection target names: a field, or a group ('hukou' → its three fields). */
export function formFieldsUnder(target: string): FormField[] {
  const prefixes = [target, `facts.${target}`, `details.${target}`]
  return FORM_FIELDS.filter((f) => prefixes.some((p) => f.key === p || f.key.startsWith(`${p}.`))).map((f) => f.key)
}
