/**
 * 公民身份号码 (resident identity card number), GB 11643-1999《公民身份号码》.
 *
 * 18 characters:
 *   1-6   address code (数字地址码): the county where the number was first issued, GB/T 2260;
 *         the first two digits are the provincial-level division
 *   7-14  birth date (出生日期码), YYYYMMDD
 *   15-17 sequence code (顺序码); the 17th digit is odd for men, even for women
 *   18    check character (校验码), ISO 7064:1983 MOD 11-2 over the first 17 digits:
 *         weight of position i (1-based, from the left) is 2^(18-i) mod 11; the check value is
 *         (12 - sum mod 11) mod 11, written as 'X' when it is 10 (the standard's 罗马数字 X).
 *
 * Only the provincial part of the address code is checked: county codes change every year
 * (GB/T 2260 is re-issued) and a number keeps the code it was issued under, so a full county
 * table would reject genuine numbers of people born in since-merged counties.
 *
 * The birth date must exist in the calendar, not lie after "today" and not before 1900-01-01:
 * nobody alive applies for a graduate subsidy with an earlier one, while the standard's own
 * example 440524188001010014 shows such numbers exist in principle.
 *
 * The checks run in the order format → region → birth date → check character, so the message
 * is always about the first thing the applicant has to fix.
 */
import { err, ok, type Result } from '../result'
import type { IdNumberInfo } from '../types'
import { isCalendarDate } from '../civil-date'
import { checkCharMessage, lengthNote } from './messages'
import { cleanInput } from './normalize'

export type IdNumberErrorCode = 'ID_FORMAT' | 'ID_REGION' | 'ID_BIRTHDATE' | 'ID_CHECKSUM'

/** The 34 provincial-level divisions of GB/T 2260 (first two digits of the address code). */
export const ID_PROVINCE_CODES = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
} as const

/** ISO 7064 MOD 11-2 weights for positions 1-17: 2^(18-i) mod 11. */
export const ID_CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const

/** Check character indexed by (weighted sum mod 11). */
const CHECK_CHARS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const

const EARLIEST_BIRTH_DATE = '1900-01-01'

/**
 * The check character for the first 17 digits of an ID number. Throws on anything but 17 digits:
 * it is a programming helper (tests, demo data), not a validator of user input.
 */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idNumberCheckChar expects exactly 17 digits')
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_CHECK_WEIGHTS[i]!
  return CHECK_CHARS[sum % 11]!
}

/** Every message names the number and ends by sending the applicant to the card itself. */
function idError(code: IdNumberErrorCode, problem: string) {
  return err(code, `身份证号码${problem}，请对照身份证核对`)
}

export function parseIdNumber(input: string, opts: { today: string }): Result<IdNumberInfo, IdNumberErrorCode> {
  const value = cleanInput(input).toUpperCase()
  if (value === '') return err('ID_FORMAT', '请填写18位身份证号码')
  if (!/^\d{17}[\dX]$/.test(value)) {
    return idError('ID_FORMAT', `格式不正确，应为18位：前17位是数字，最后一位是数字或字母X${lengthNote(value, 18)}`)
  }

  const province = value.slice(0, 2)
  if (!Object.prototype.hasOwnProperty.call(ID_PROVINCE_CODES, province)) {
    return idError('ID_REGION', `前两位“${province}”不是有效的省份代码（如河南省为41）`)
  }

  const year = Number(value.slice(6, 10))
  const month = Number(value.slice(10, 12))
  const day = Number(value.slice(12, 14))
  if (!isCalendarDate(year, month, day)) {
    return idError('ID_BIRTHDATE', '第7至14位应为出生日期（年月日，如19950701），现在不是真实存在的日期')
  }
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`
  if (birthDate > opts.today) return idError('ID_BIRTHDATE', '第7至14位的出生日期晚于今天')
  if (birthDate < EARLIEST_BIRTH_DATE) return idError('ID_BIRTHDATE', '第7至14位的出生日期早于1900年')

  if (value[17] !== idNumberCheckChar(value.slice(0, 17))) {
    return err('ID_CHECKSUM', checkCharMessage('身份证号码'))
  }

  return ok({
    idNumber: value,
    birthDate,
    gender: Number(value[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: value.slice(0, 6),
  })
}
