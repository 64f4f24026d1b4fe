/**
 * The rest of the form (ApplicationDetails): what the review needs but no rule decides on.
 *
 * Certificate numbers depend on the facts. Domestic graduates of a university hold an
 * electronically registered graduation certificate (18 digits) and a degree certificate
 * (16 digits), see ../validators/certificates. Overseas returnees prove their degree with the
 * 国（境）外学历学位认证书 of the Ministry of Education's 留学服务中心, and preparatory technicians
 * hold a technical-school certificate without a degree (seed 四(一) 5 sends both to a window);
 * their numbers follow no national scheme, so only a plausible shape is asked of them.
 */
import type { ApplicationDetails, Education } from '../types'
import { foldFullWidth } from '../validators/normalize'
import { parseDegreeCertificateNo, parseGraduationCertificateNo } from '../validators/certificates'
import { holdsDegreeCertificate } from '../eligibility/required-documents'
import { parseMobile } from '../validators/mobile'
import type { FormField } from './labels'
import { asRecord, isBlank, readString, readText, type FormIssues } from './read'

const OTHER_CERTIFICATE = /^[0-9A-Z]{4,40}$/

/** What an overseas returnee holds instead of a domestic certificate (see above). */
const RETURNEE_CERTIFICATE = '国（境）外学历学位认证书'

type CertificateRule = 'domestic' | 'other' | 'unknown'

function certificateRule(education: Education | undefined, overseasReturnee: boolean | undefined): CertificateRule {
  if (education === 'preparatory-technician' || overseasReturnee === true) return 'other'
  if (education !== undefined && overseasReturnee === false) return 'domestic'
  return 'unknown'
}

function readCertificate(
  raw: unknown,
  field: Extract<FormField, 'details.graduationCertificateNo' | 'details.degreeCertificateNo'>,
  issues: FormIssues,
  rule: CertificateRule,
  document: string,
): string | undefined {
  const text = readString(raw, field, issues, `请填写${document}上的证书编号`)
  if (text === undefined) return undefined
  const graduation = field === 'details.graduationCertificateNo'
  if (rule === 'domestic') {
    const parsed = graduation ? parseGraduationCertificateNo(text) : parseDegreeCertificateNo(text)
    return parsed.ok ? parsed.value : issues.report(field, parsed.error.code, parsed.error.message)
  }
  const value = foldFullWidth(text).replace(/\s/g, '').toUpperCase()
  if (!OTHER_CERTIFICATE.test(value)) {
    return issues.report(
      field,
      graduation ? 'GRADUATION_CERT_FORMAT' : 'DEGREE_CERT_FORMAT',
      `${graduation ? '毕业' : '学位'}证书编号格式不正确，应为4至40位字母或数字，请对照${document}核对`,
    )
  }
  return value
}

export function readApplicationDetails(
  raw: unknown,
  issues: FormIssues,
  facts: { education?: Education; overseasReturnee?: boolean },
): ApplicationDetails | undefined {
  const details = asRecord(raw)
  const mobileText = readString(details.mobile, 'details.mobile', issues, '请填写11位手机号码，用于接收审核结果短信')
  const mobileParsed = mobileText === undefined ? undefined : parseMobile(mobileText)
  const mobile =
    mobileParsed === undefined || mobileParsed.ok
      ? mobileParsed?.value
      : issues.report('details.mobile', mobileParsed.error.code, mobileParsed.error.message)

  const school = readText(details.school, 'details.school', issues, { min: 2, max: 60 })
  const major = readText(details.major, 'details.major', issues, { min: 2, max: 60 })

  const { education, overseasReturnee } = facts
  const rule = certificateRule(education, overseasReturnee)
  const graduationCertificateNo = readCertificate(
    details.graduationCertificateNo,
    'details.graduationCertificateNo',
    issues,
    rule,
    overseasReturnee === true ? `${RETURNEE_CERTIFICATE}或毕业证书` : '毕业证书',
  )

  // Preparatory technicians have no degree: whatever was sent is dropped, not checked.
  const degreeAsked = holdsDegreeCertificate(education) && (education !== undefined || !isBlank(details.degreeCertificateNo))
  const degreeCertificateNo = degreeAsked
    ? readCertificate(
        details.degreeCertificateNo,
        'details.degreeCertificateNo',
        issues,
        rule,
        overseasReturnee === true ? `${RETURNEE_CERTIFICATE}或学位证书` : '学位证书',
      )
    : undefined

  if (
    mobile === undefined ||
    school === undefined ||
    major === undefined ||
    graduationCertificateNo === undefined ||
    (degreeAsked && degreeCertificateNo === undefined)
  ) {
    return undefined
  }
  return {
    mobile,
    school,
    major,
    graduationCertificateNo,
    ...(degreeCertificateNo === undefined ? {} : { degreeCertificateNo }),
  }
}
