/**
 * A person's name as printed on the resident identity card (姓名), checked before the card
 * binding sends it to the social-security registry, whose match is exact.
 *
 * - Chinese characters (Unicode script Han, so rare characters of the extension blocks pass);
 *   names of ethnic minorities separate their parts with the middle dot '·' (U+00B7), the
 *   separator the Ministry of Public Security prints on ID cards (e.g. 买买提·艾力).
 * - or Latin letters separated by single spaces, for names of foreign origin.
 * - 2 to 30 characters (dots and spaces included): a one-character entry is a surname or a
 *   typo, and 30 leaves room for long transliterated minority and foreign names.
 *
 * Input methods produce several look-alike dots (•, ・, ･, ‧, ∙, ⋅, '.'); they are turned into
 * '·', and spaces are dropped from Chinese names, so the registry gets the card's spelling.
 */
import { err, ok, type Result } from '../result'
import { foldFullWidth } from './normalize'

export type NameErrorCode = 'NAME_FORMAT'

const DOT_LOOKALIKES = /[•・･‧∙⋅·.]/g
const HAN_NAME = /^\p{Script=Han}+(?:·\p{Script=Han}+)*$/u
const LATIN_NAME = /^[A-Za-z]+(?: [A-Za-z]+)*$/
const HAN = /\p{Script=Han}/u

export function parseName(input: string): Result<string, NameErrorCode> {
  const trimmed = typeof input === 'string' ? foldFullWidth(input).trim() : ''
  if (trimmed === '') return err('NAME_FORMAT', '请填写姓名，与身份证上的姓名一致')
  const value = HAN.test(trimmed)
    ? trimmed.replace(DOT_LOOKALIKES, '·').replace(/\s+/g, '')
    : trimmed.replace(/\s+/g, ' ')
  if (!HAN_NAME.test(value) && !LATIN_NAME.test(value)) {
    return err(
      'NAME_FORMAT',
      '姓名只能由汉字组成（少数民族姓名各部分之间用“·”分隔，如“买买提·艾力”），或由英文字母和空格组成，请与身份证上的姓名保持一致',
    )
  }
  const length = [...value].length
  if (length < 2 || length > 30) {
    return err('NAME_FORMAT', `姓名应为2至30个字（现在是${length}个），请与身份证上的姓名保持一致`)
  }
  return ok(value)
}
