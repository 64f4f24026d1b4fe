/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015《法人和其他组织统一社会信用代码编码规则》,
 * printed on every business licence (营业执照), including an individual business's (个体工商户).
 *
 * 18 characters from the 31-symbol set 0-9 A-H J-N P-R T-U W-Y (no I, O, Z, S, V, which are
 * easily confused with 1, 0, 2, 5 and U), each worth its index in that set (0-30):
 *   1     registration-authority code (登记管理部门代码), GB 32100 Annex A: 1 机构编制, 2 外交,
 *         3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 工商 (market regulation),
 *         A 中央军委改革和编制办公室, N 农业, Y 其他
 *   2     institution-type code (机构类别代码) within that authority, a digit 1-9
 *         (e.g. 91 enterprise, 92 individual business, 93 farmers' cooperative)
 *   3-8   region code of the registering authority (登记管理机关行政区划码), six digits, GB/T 2260
 *   9-17  subject identifier (主体标识码), the organisation code of GB 11714
 *   18    check character: C18 = 31 - (Σ value_i × W_i mod 31), 31 written as 0, with
 *         W_i = 3^(i-1) mod 31 for positions i = 1..17 (GB 32100-2015 §5).
 *
 * Because 31 is prime and no weight is 0 mod 31, any single wrong character and any swap of
 * two adjacent different characters changes the check character.
 *
 * python-stdnum (cn.uscc) requires digits in positions 1-2; the standard also assigns A, N and
 * Y, so they are accepted here.
 */
import { err, ok, type Result } from '../result'
import { checkCharMessage, lengthNote } from './messages'
import { foldFullWidth } from './normalize'

export type CreditCodeErrorCode = 'CREDIT_CODE_FORMAT' | 'CREDIT_CODE_CHECKSUM'

/** The 31 symbols in value order (GB 32100-2015 §4.2, table 1). */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY' as const

/** W_i = 3^(i-1) mod 31 for positions 1-17. */
export const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const

/** GB 32100-2015 Annex A: the registration authorities (first character). */
export const CREDIT_CODE_AUTHORITIES = {
  '1': '机构编制',
  '2': '外交',
  '3': '司法行政',
  '4': '文化',
  '5': '民政',
  '6': '旅游',
  '7': '宗教',
  '8': '工会',
  '9': '工商（市场监督管理）',
  A: '中央军委改革和编制办公室',
  N: '农业',
  Y: '其他',
} as const

const SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{18}$/

/**
 * The check character for the first 17 characters of a credit code. Throws on anything else:
 * it is a programming helper (tests, demo data), not a validator of user input.
 */
export function creditCodeCheckChar(first17: string): string {
  if (!/^[0-9A-HJ-NP-RTUW-Y]{17}$/.test(first17)) {
    throw new RangeError('creditCodeCheckChar expects 17 characters of the GB 32100 set')
  }
  let sum = 0
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(first17[i]!) * CREDIT_CODE_WEIGHTS[i]!
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!
}

function formatError(problem: string) {
  return err('CREDIT_CODE_FORMAT', `统一社会信用代码格式不正确${problem}，请对照营业执照核对`)
}

export function parseCreditCode(input: string): Result<string, CreditCodeErrorCode> {
  // Spaces and hyphens are how people group the code when copying it by hand.
  const value = typeof input === 'string' ? foldFullWidth(input).replace(/[\s-]/g, '').toUpperCase() : ''
  if (value === '') return err('CREDIT_CODE_FORMAT', '请填写营业执照上的18位统一社会信用代码')
  if (!SHAPE.test(value)) {
    return formatError(`，应为18位数字或大写字母（不含I、O、Z、S、V）${lengthNote(value, 18)}`)
  }
  if (
    !Object.prototype.hasOwnProperty.call(CREDIT_CODE_AUTHORITIES, value[0]!) ||
    !/^[1-9]$/.test(value[1]!) ||
    !/^\d{6}$/.test(value.slice(2, 8))
  ) {
    return formatError('：第1位应为登记管理部门代码（营业执照通常为9），第2位为1至9的数字，第3至8位为数字')
  }
  if (value[17] !== creditCodeCheckChar(value.slice(0, 17))) {
    return err('CREDIT_CODE_CHECKSUM', checkCharMessage('统一社会信用代码', '对照营业执照'))
  }
  return ok(value)
}
