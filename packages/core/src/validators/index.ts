/** Validators of the numbers and entries the applicant types, one file per kind of number. */
export {
  parseIdNumber,
  idNumberCheckChar,
  ID_PROVINCE_CODES,
  ID_CHECK_WEIGHTS,
  type IdNumberErrorCode,
} from './id-number'
export {
  parseCreditCode,
  creditCodeCheckChar,
  CREDIT_CODE_CHARSET,
  CREDIT_CODE_WEIGHTS,
  CREDIT_CODE_AUTHORITIES,
  type CreditCodeErrorCode,
} from './credit-code'
export { parseMobile, type MobileErrorCode } from './mobile'
export { maskIdNumber, maskCardNumber } from './masks'
export { parseCardNumber, type CardNumberErrorCode } from './card-number'
export { parseName, type NameErrorCode } from './name'
export { parseGraduationCertificateNo, parseDegreeCertificateNo, type CertificateErrorCode } from './certificates'
export { parseIsoDate, isIsoDate, type DateBounds, type DateErrorCode } from './date'
export { parseChsiVerificationCode, CHSI_REPORT_CHECK_URL, CHSI_CODE_LENGTH, type ChsiCodeErrorCode } from './chsi-code'
