/**
 * The applicant-information form as the UI holds it (strings and switches, nothing lost while
 * half-typed), and its translation into what core and the API speak: `{facts, details}` with the
 * dot paths of FieldError.field.
 */
import { holdsDegreeCertificate } from '@zhihui/core'
import type { ApplicantFacts, ApplicationDetails, District, Education, EmploymentKind, StatedFacts } from '@zhihui/core'

export interface DraftForm {
  education: Education | ''
  school: string
  major: string
  graduationDate: string
  graduationCertificateNo: string
  degreeCertificateNo: string
  overseasReturnee: boolean
  worldTop200University: boolean
  hukouInZhengzhou: boolean
  hukouDistrict: District | ''
  hukouSettledOn: string
  employmentKind: EmploymentKind | ''
  employer: string
  creditCode: string
  mobile: string
}

export type FormKey = keyof DraftForm

export const EMPTY_FORM: DraftForm = {
  education: '',
  school: '',
  major: '',
  graduationDate: '',
  graduationCertificateNo: '',
  degreeCertificateNo: '',
  overseasReturnee: false,
  worldTop200University: false,
  hukouInZhengzhou: true,
  hukouDistrict: '',
  hukouSettledOn: '',
  employmentKind: '',
  employer: '',
  creditCode: '',
  mobile: '',
}

/** Each form key and the dot path core and the server use for it. */
export const FIELD_PATHS = {
  education: 'facts.education',
  graduationDate: 'facts.graduationDate',
  overseasReturnee: 'facts.overseasReturnee',
  worldTop200University: 'facts.worldTop200University',
  hukouInZhengzhou: 'facts.hukou.inZhengzhou',
  hukouDistrict: 'facts.hukou.district',
  hukouSettledOn: 'facts.hukou.settledOn',
  employmentKind: 'facts.employment.kind',
  employer: 'facts.employment.employer',
  creditCode: 'facts.employment.creditCode',
  mobile: 'details.mobile',
  school: 'details.school',
  major: 'details.major',
  graduationCertificateNo: 'details.graduationCertificateNo',
  degreeCertificateNo: 'details.degreeCertificateNo',
} as const satisfies Record<FormKey, string>

const KEY_BY_PATH = new Map<string, FormKey>(
  (Object.entries(FIELD_PATHS) as [FormKey, string][]).map(([key, path]) => [path, key]),
)

/**
 * The form key a server or core field name points at. Accepts the full dot path
 * ('facts.hukou.settledOn'), an ApplicantFacts path as eligibility rules name it
 * ('hukou.settledOn'), or a bare details name ('mobile').
 */
export function formKeyForField(field: string | undefined): FormKey | undefined {
  if (!field) return undefined
  return KEY_BY_PATH.get(field) ?? KEY_BY_PATH.get(`facts.${field}`) ?? KEY_BY_PATH.get(`details.${field}`)
}

/** Whether the form asks for the degree certificate's number: core decides who holds one. */
export function asksDegreeCertificate(form: Pick<DraftForm, 'education'>): boolean {
  return holdsDegreeCertificate(form.education)
}

const blankToUndefined = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim())

/**
 * The body of PUT /application. Fields that do not apply are left out (no employer for the
 * unemployed, no district when the hukou is elsewhere), so the server never stores stale answers
 * of a branch the applicant left.
 */
export function toApplicationBody(form: DraftForm): { facts: Record<string, unknown>; details: Record<string, unknown> } {
  const employment: Record<string, unknown> = { kind: blankToUndefined(form.employmentKind) }
  if (form.employmentKind === 'employed') employment.employer = blankToUndefined(form.employer)
  if (form.employmentKind === 'self-employed') employment.creditCode = blankToUndefined(form.creditCode)
  const hukou: Record<string, unknown> = { inZhengzhou: form.hukouInZhengzhou }
  if (form.hukouInZhengzhou) {
    hukou.district = blankToUndefined(form.hukouDistrict)
    hukou.settledOn = blankToUndefined(form.hukouSettledOn)
  }
  const details: Record<string, unknown> = {
    mobile: blankToUndefined(form.mobile),
    school: blankToUndefined(form.school),
    major: blankToUndefined(form.major),
    graduationCertificateNo: blankToUndefined(form.graduationCertificateNo),
  }
  if (asksDegreeCertificate(form)) details.degreeCertificateNo = blankToUndefined(form.degreeCertificateNo)
  return {
    facts: {
      education: blankToUndefined(form.education),
      graduationDate: blankToUndefined(form.graduationDate),
      overseasReturnee: form.overseasReturnee,
      worldTop200University: form.worldTop200University,
      hukou,
      employment,
    },
    details,
  }
}

/** What the card binding tells about the applicant: the part of the facts the form does not ask. */
export interface BoundFacts {
  idNumber: string
  socialSecurity: ApplicantFacts['socialSecurity']
}

/**
 * Full ApplicantFacts for core's eligibility check, as far as the form is filled. Unanswered
 * choices fall back to the value that makes core report them (an empty date, no employment kind
 * read as employed without an employer), so the report lists what is still missing.
 */
export function toApplicantFacts(form: DraftForm, bound: BoundFacts): ApplicantFacts {
  return {
    idNumber: bound.idNumber,
    education: form.education || 'bachelor',
    graduationDate: form.graduationDate,
    overseasReturnee: form.overseasReturnee,
    worldTop200University: form.worldTop200University,
    hukou: {
      inZhengzhou: form.hukouInZhengzhou,
      ...(form.hukouDistrict ? { district: form.hukouDistrict } : {}),
      ...(form.hukouSettledOn ? { settledOn: form.hukouSettledOn } : {}),
    },
    employment: {
      kind: form.employmentKind || 'employed',
      ...(form.employmentKind === 'employed' ? { employer: form.employer } : {}),
      ...(form.employmentKind === 'self-employed' ? { creditCode: form.creditCode } : {}),
    },
    socialSecurity: bound.socialSecurity,
  }
}

/**
 * The form as filed, when the server sends the facts and details back (GET /application may):
 * lets an applicant who filed on another device see and correct their answers here.
 */
export function formFromView(view: {
  facts?: Partial<StatedFacts> | null
  details?: Partial<ApplicationDetails> | null
}): Partial<DraftForm> | undefined {
  const { facts, details } = view
  if (!facts && !details) return undefined
  const patch: Partial<DraftForm> = {}
  if (facts?.education) patch.education = facts.education
  if (facts?.graduationDate) patch.graduationDate = facts.graduationDate
  if (facts?.overseasReturnee !== undefined) patch.overseasReturnee = facts.overseasReturnee
  if (facts?.worldTop200University !== undefined) patch.worldTop200University = facts.worldTop200University
  if (facts?.hukou) {
    patch.hukouInZhengzhou = facts.hukou.inZhengzhou
    if (facts.hukou.district) patch.hukouDistrict = facts.hukou.district
    if (facts.hukou.settledOn) patch.hukouSettledOn = facts.hukou.settledOn
  }
  if (facts?.employment) {
    patch.employmentKind = facts.employment.kind
    if (facts.employment.employer) patch.employer = facts.employment.employer
    if (facts.employment.creditCode) patch.creditCode = facts.employment.creditCode
  }
  if (details?.mobile) patch.mobile = details.mobile
  if (details?.school) patch.school = details.school
  if (details?.major) patch.major = details.major
  if (details?.graduationCertificateNo) patch.graduationCertificateNo = details.graduationCertificateNo
  if (details?.degreeCertificateNo) patch.degreeCertificateNo = details.degreeCertificateNo
  return patch
}
