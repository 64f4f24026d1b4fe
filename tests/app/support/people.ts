/**
 * Test people whose numbers are valid by core's own rules (the check characters are core's), so
 * a test fails if core starts to reject them rather than passing by accident.
 */
import { idNumberCheckChar, creditCodeCheckChar, EMPTY_FORM_VALUES, type FormValues } from '@zhihui/core'
import type { StoredBinding } from '@/stores/draft'

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
export const COMPLETE_FORM: FormValues = {
  ...EMPTY_FORM_VALUES,
  'facts.education': 'bachelor',
  'details.school': '郑州大学',
  'details.major': '软件工程',
  'facts.graduationDate': '2024-06-30',
  'details.graduationCertificateNo': '104591202405001234',
  'details.degreeCertificateNo': '1045942024001234',
  'facts.overseasReturnee': false,
  'facts.hukou.inZhengzhou': true,
  'facts.hukou.district': '金水区',
  'facts.hukou.settledOn': '2024-07-15',
  'facts.employment.kind': 'employed',
  'facts.employment.employer': '郑州某某科技有限公司',
  'details.mobile': '13803711234',
}
