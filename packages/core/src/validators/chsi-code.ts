/**
 * 学信网在线验证码: the online verification code printed on the Ministry of Education's
 * 学籍在线验证报告 (online student-record verification report) that 学信网 (CHSI,
 * www.chsi.com.cn) issues. Anyone holding the code can open the report on 学信网's public
 * report-check page (CHSI_REPORT_CHECK_URL) while the report is valid, which is why design.md
 * lets it stand in for a photo or the original of the report, online and at the window.
 *
 * Form, as far as we know it: since 2019 the code has 16 characters (reports before that carried a
 * 12-digit code; a report is valid for months, not years, so those are long expired and are not
 * accepted). Sources: third-party guides only (e.g. fudaoke.com, "包含12位数字或16位字符";
 * "学信网的16位验证码"); 学信网's own help pages were not available to us. The ALPHABET is an
 * ASSUMPTION: upper-case Latin letters and digits (A-Z, 0-9), as every published sample we saw
 * looks; lower case is read as upper case. No check character is known, so only the shape is
 * checked: whether a code is real is 学信网's call (the ChsiVerifier adapter of the server, or
 * the reviewer following the link).
 *
 * People copy the code from a PDF or a printout, often in groups of four ('ABCD 1234 EFGH 5678'
 * or with hyphens): blanks and hyphens are dropped and full-width forms folded.
 */
import { err, ok, type Result } from '../result'
import { lengthNote } from './messages'
import { foldFullWidth } from './normalize'

export type ChsiCodeErrorCode = 'CHSI_CODE_FORMAT'

/** 学信网's public page where a report is opened with its online verification code. */
export const CHSI_REPORT_CHECK_URL = 'https://www.chsi.com.cn/xlcx/bgcx.jsp'

export const CHSI_CODE_LENGTH = 16

/** Assumed alphabet (see above). */
const CHSI_CODE = /^[0-9A-Z]{16}$/

export function parseChsiVerificationCode(input: string): Result<string, ChsiCodeErrorCode> {
  const value = typeof input === 'string' ? foldFullWidth(input).replace(/[\s-]/g, '').toUpperCase() : ''
  if (value === '') return err('CHSI_CODE_FORMAT', '请填写《教育部学籍在线验证报告》上的16位在线验证码')
  if (!CHSI_CODE.test(value)) {
    return err(
      'CHSI_CODE_FORMAT',
      `学信网在线验证码格式不正确，应为16位字母或数字${lengthNote(value, CHSI_CODE_LENGTH)}，请对照《教育部学籍在线验证报告》核对`,
    )
  }
  return ok(value)
}
