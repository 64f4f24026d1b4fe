/**
 * Certificate numbers of domestic higher education, entered by the applicant and checked by
 * the reviewers against 学信网 (CHSI) and the national degree-award database.
 *
 * 学历证书电子注册号 (graduation certificate electronic registration number): since 2001 every
 * higher-education graduation certificate is registered with the Ministry of Education
 * (教育部 高等教育学历证书电子注册制度, 2001) and its number is the registration number; 17 digits
 * at first, 18 digits since 2002. For regular and adult higher education:
 *   1-5   national code of the institution (学校国标代码), e.g. 10459 郑州大学
 *   6     type of provision (办学类型): 1 regular, 5 adult, 6 self-study examination, 7 online
 *   7-10  year
 *   11-12 level (培养层次): 01 doctorate, 02 master, 04 second bachelor, 05 bachelor, 06 junior college
 *   13-18 the institution's sequence number
 * Self-study examination certificates order the parts differently but have 18 digits too.
 * Subsidy applicants graduated in 2017 or later, so every domestic certificate they hold has
 * 18 digits. No check digit is defined for the common form; only the shape is checked, and
 * the reviewers look the number up on 学信网 (CHSI).
 *
 * 学位证书编号 (degree certificate number): 16 digits, in the numbering rule of the degree-award
 * information system of the Office of the Academic Degrees Committee of the State Council
 * (国务院学位委员会办公室 学位证书编号规则):
 *   1-5   degree-awarding unit code (学位授予单位代码)
 *   6     degree level (学位级别): 2 doctorate, 3 master, 4 bachelor
 *   7-10  year of award
 *   11-16 sequence number
 * Only the shape (16 digits) is checked: which level a degree is, is the reviewers' call.
 *
 * Spaces are dropped: the numbers are long and often copied in groups.
 */
import { err, ok, type Result } from '../result'
import { lengthNote } from './messages'
import { foldFullWidth } from './normalize'

export type CertificateErrorCode = 'GRADUATION_CERT_FORMAT' | 'DEGREE_CERT_FORMAT'

function compactDigits(input: unknown): string {
  return typeof input === 'string' ? foldFullWidth(input).replace(/\s/g, '') : ''
}

export function parseGraduationCertificateNo(input: string): Result<string, 'GRADUATION_CERT_FORMAT'> {
  const value = compactDigits(input)
  if (value === '') return err('GRADUATION_CERT_FORMAT', '请填写毕业证书上的18位证书编号')
  if (!/^\d{18}$/.test(value)) {
    return err(
      'GRADUATION_CERT_FORMAT',
      `毕业证书编号格式不正确，应为18位数字${lengthNote(value, 18)}，可在毕业证书或学信网（学历证书电子注册备案表）上核对`,
    )
  }
  return ok(value)
}

export function parseDegreeCertificateNo(input: string): Result<string, 'DEGREE_CERT_FORMAT'> {
  const value = compactDigits(input)
  if (value === '') return err('DEGREE_CERT_FORMAT', '请填写学位证书上的16位证书编号')
  if (!/^\d{16}$/.test(value)) {
    return err('DEGREE_CERT_FORMAT', `学位证书编号格式不正确，应为16位数字${lengthNote(value, 16)}，请对照学位证书核对`)
  }
  return ok(value)
}
