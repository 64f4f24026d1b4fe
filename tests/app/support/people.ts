/**
 * Test people whose numbers are valid by core's own rules (the check characters are core's), so
 * a test fails if core starts to reject them rather than passing by accident.
 */
import { idNumberCheckChar, creditCodeCheckChar } from '@zhihui/core'
import type { StoredBinding } from '@/stores/draft'
import type { DraftForm } from '@/utils/application-form'
import { EMPTY_FORM } from '@/utils/application-form'

export function idNumber(first17: string): string {
  return `${first17}${idNumberCheckChar(first17)}`
}

/** Born 1998-03-15 in Zhengzhou's 金水区. */
export const ID_NUMBER = idNumber('41010519980315123')
export const CARD_NUMBER = 'A12345678'
export const CREDIT_CODE = (() => {
  const first17 = '91410100MA44CA1XB'
  return `${first17}${creditCodeCheckChar(first17)}`
})()

export const BINDING: StoredBinding = {
  name: '张*',
  idNumberMasked: '4101**********123X',
  cardNumberMasked: 'A1*****78',
  cardIssued: true,
  financialAccountActive: true,
  pensionMonths: 6,
  birthDate: '1998-03-15',
}

/** A bachelor who graduated in 2024, settled in 2024, employed, with a valid form. */
export const COMPLETE_FORM: DraftForm = {
  ...EMPTY_FORM,
  education: 'bachelor',
  school: '郑州大学',
  major: '软件工程',
  graduationDate: '2024-06-30',
  graduationCertificateNo: '104591202405001234',
  degreeCertificateNo: '1045942024001234',
  overseasReturnee: false,
  hukouInZhengzhou: true,
  hukouDistrict: '金水区',
  hukouSettledOn: '2024-07-15',
  employmentKind: 'employed',
  employer: '郑州某某科技有限公司',
  mobile: '13803711234',
}
