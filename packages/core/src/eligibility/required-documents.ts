/**
 * The documents an applicant provides: photos when applying online, originals at a window. Both
 * lists are the seed's, in the seed's order and wording.
 */
import type { ApplicantFacts, ApplicationDetails, Channel, DocumentKind, DocumentRequirement } from '../types'
import { parseChsiVerificationCode } from '../validators/chsi-code'
import { SEED_SECTIONS } from './sources'

/** Each document's name as the window list (seed 四(一), 服务窗口申报 1) writes it. */
export const DOCUMENT_LABELS = {
  'id-card': '身份证',
  hukou: '户口本',
  'social-security-card': '社会保障卡',
  'graduation-certificate': '毕业证',
  'degree-certificate': '学位证',
  'student-record-report': '教育部学籍在线验证报告',
  'business-license': '营业执照',
} as const satisfies Record<DocumentKind, string>

interface ListedDocument {
  kind: DocumentKind
  label: string
  /** Only for self-employed applicants: "营业执照(自主创业者提供)" / "营业执照(自主创业者)". */
  selfEmployedOnly?: true
}

/**
 * Seed 四(一), 手机支付宝城市服务申报 4 and 手机微信城市服务申报 3 (the same list): "分别上传身份证、
 * 户口本(户口册页)、毕业证、学位证、营业执照(自主创业者)等证件照片". Only the applicant's own page of
 * the household register is photographed.
 */
export const ONLINE_DOCUMENTS = {
  source: SEED_SECTIONS.onlineDocuments,
  documents: [
    { kind: 'id-card', label: DOCUMENT_LABELS['id-card'] },
    { kind: 'hukou', label: '户口本(户口册页)' },
    { kind: 'graduation-certificate', label: DOCUMENT_LABELS['graduation-certificate'] },
    { kind: 'degree-certificate', label: DOCUMENT_LABELS['degree-certificate'] },
    { kind: 'business-license', label: DOCUMENT_LABELS['business-license'], selfEmployedOnly: true },
  ],
} as const satisfies { source: string; documents: readonly ListedDocument[] }

/**
 * Seed 四(一), 服务窗口申报 1: "申请人携带身份证、户口本、社会保障卡、毕业证、学位证、教育部学籍在线
 * 验证报告、营业执照(自主创业者提供)……(均为原件)".
 */
export const WINDOW_DOCUMENTS = {
  source: SEED_SECTIONS.windowDocuments,
  documents: [
    { kind: 'id-card', label: DOCUMENT_LABELS['id-card'] },
    { kind: 'hukou', label: DOCUMENT_LABELS.hukou },
    { kind: 'social-security-card', label: DOCUMENT_LABELS['social-security-card'] },
    { kind: 'graduation-certificate', label: DOCUMENT_LABELS['graduation-certificate'] },
    { kind: 'degree-certificate', label: DOCUMENT_LABELS['degree-certificate'] },
    { kind: 'student-record-report', label: DOCUMENT_LABELS['student-record-report'] },
    { kind: 'business-license', label: DOCUMENT_LABELS['business-license'], selfEmployedOnly: true },
  ],
} as const satisfies { source: string; documents: readonly ListedDocument[] }

/**
 * The one departure from the seed's lists: technical schools award no academic degree (degrees
 * are conferred by universities under the 学位条例), so a preparatory technician has no 学位证 to
 * bring, and asking for one would stop exactly the applicants the seed sends to the window. This
 * matches ApplicationDetails.degreeCertificateNo, which they leave empty.
 */
export const EDUCATIONS_WITHOUT_DEGREE = ['preparatory-technician'] as const satisfies readonly ApplicantFacts['education'][]
const NO_DEGREE_CERTIFICATE: ReadonlySet<string> = new Set<string>(EDUCATIONS_WITHOUT_DEGREE)

/**
 * Whether an applicant of this education level holds a degree certificate, so that the form asks
 * for its number and the photos for its picture. Undecided (no level chosen yet) counts as yes.
 */
export function holdsDegreeCertificate(education: ApplicantFacts['education'] | '' | undefined): boolean {
  return education === undefined || !NO_DEGREE_CERTIFICATE.has(education)
}

/**
 * design.md ("Window intake"): the 学信网 online verification code "may be entered instead of
 * photographing the student-record report, online and at the window". Wherever a list asks for
 * the report, a code of the right form marks it replaced; whether the code is genuine is checked
 * by 学信网 (the server's ChsiVerifier, the reviewer's link), not here.
 */
function replacement(kind: DocumentKind, chsiVerificationCode: string | undefined): Pick<DocumentRequirement, 'replacedBy'> {
  if (kind !== 'student-record-report' || chsiVerificationCode === undefined) return {}
  return parseChsiVerificationCode(chsiVerificationCode).ok ? { replacedBy: 'chsi-verification-code' } : {}
}

export function requiredDocuments(
  facts: Pick<ApplicantFacts, 'education' | 'employment'>,
  channel: Channel,
  details: Pick<ApplicationDetails, 'chsiVerificationCode'> = {},
): DocumentRequirement[] {
  const list: readonly ListedDocument[] = (channel === 'online' ? ONLINE_DOCUMENTS : WINDOW_DOCUMENTS).documents
  const photo = channel === 'online'
  return list
    .filter((doc) => !doc.selfEmployedOnly || facts.employment.kind === 'self-employed')
    .filter((doc) => doc.kind !== 'degree-certificate' || holdsDegreeCertificate(facts.education))
    .map((doc) => ({ kind: doc.kind, label: doc.label, photo, ...replacement(doc.kind, details.chsiVerificationCode) }))
}

/** The documents of `required` still to be photographed: neither uploaded nor replaced by a code. */
export function documentsStillMissing(required: readonly DocumentRequirement[], uploaded: Iterable<string>): DocumentRequirement[] {
  const have = new Set(uploaded)
  return required.filter((doc) => doc.replacedBy === undefined && !have.has(doc.kind))
}
