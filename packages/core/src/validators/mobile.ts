/**
 * Mainland China mobile number (中国大陆手机号码), the 11-digit numbering plan of the Ministry of
 * Industry and Information Technology (《电信网编号计划》): '1', then a network-identification
 * digit 3-9 (13x-19x are assigned to China Mobile, China Unicom, China Telecom, China Broadnet
 * and virtual operators), then 9 more digits. Prefixes 10x-12x are not subscriber numbers.
 *
 * People write the number grouped ('138 0371 1234', '138-0371-1234') or with the country code
 * ('+86 138…', '86138…', '0086…'); those forms are accepted and reduced to the 11 digits, which
 * is the form SMS gateways take.
 */
import { err, ok, type Result } from '../result'
import { foldFullWidth } from './normalize'

export type MobileErrorCode = 'MOBILE_FORMAT'

export function parseMobile(input: string): Result<string, MobileErrorCode> {
  const compact = typeof input === 'string' ? foldFullWidth(input).replace(/[\s-]/g, '') : ''
  if (compact === '') return err('MOBILE_FORMAT', '请填写11位手机号码')
  const digits = compact.replace(/^(?:\+86|0086|86)(?=\d{11}$)/, '')
  if (!/^1[3-9]\d{9}$/.test(digits)) {
    return err('MOBILE_FORMAT', '手机号码格式不正确，应为11位数字、以1开头且第二位为3至9（如13803711234），请核对')
  }
  return ok(digits)
}
