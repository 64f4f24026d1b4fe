/**
 * 社会保障卡卡号 (social-security card number): the number printed on the front of the card
 * and stored in its chip as the data item 社会保障卡卡号, 9 alphanumeric characters (AN9) in
 * the Ministry of Human Resources and Social Security's card specification
 * (人力资源和社会保障部《社会保障卡规范》, card data item "卡号", length 9, type AN).
 *
 * The specification defines no check character for the card number; the registry that the
 * card binding queries is what confirms it. This validator therefore only stops numbers that
 * cannot be a card number (wrong length, other characters), so the applicant fixes a typo
 * before a registry mismatch counts against the binding attempts.
 *
 * The card number is not the ID number: since the second-generation cards the social-security
 * number (社会保障号码) equals the ID number, and people mix the two up; the message says so.
 */
import { err, ok, type Result } from '../result'
import { lengthNote } from './messages'
import { foldFullWidth } from './normalize'

export type CardNumberErrorCode = 'CARD_NUMBER_FORMAT'

export function parseCardNumber(input: string): Result<string, CardNumberErrorCode> {
  const value = typeof input === 'string' ? foldFullWidth(input).replace(/\s/g, '').toUpperCase() : ''
  if (value === '') return err('CARD_NUMBER_FORMAT', '请填写社会保障卡正面印的9位卡号')
  if (!/^[0-9A-Z]{9}$/.test(value)) {
    return err(
      'CARD_NUMBER_FORMAT',
      `社会保障卡卡号格式不正确，应为卡面上印的9位字母或数字${lengthNote(value, 9)}，注意不是18位的社会保障号码（身份证号），请核对`,
    )
  }
  return ok(value)
}
