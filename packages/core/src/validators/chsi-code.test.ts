import { CHSI_REPORT_CHECK_URL, parseChsiVerificationCode } from './chsi-code'

describe('parseChsiVerificationCode (学信网在线验证码)', () => {
  it('accepts 16 letters or digits, upper-cased, dropping the blanks and hyphens of a copied code', () => {
    expect(parseChsiVerificationCode('A1B2C3D4E5F6G7H8')).toEqual({ ok: true, value: 'A1B2C3D4E5F6G7H8' })
    expect(parseChsiVerificationCode(' a1b2 c3d4-e5f6 g7h8 ')).toEqual({ ok: true, value: 'A1B2C3D4E5F6G7H8' })
    expect(parseChsiVerificationCode('Ａ１Ｂ２Ｃ３Ｄ４Ｅ５Ｆ６Ｇ７Ｈ８')).toEqual({ ok: true, value: 'A1B2C3D4E5F6G7H8' })
  })

  it.each([
    ['123456789012', 'the 12-digit code of reports before 2019', '现在是12位'],
    ['A1B2C3D4E5F6G7H', '15 characters', '现在是15位'],
    ['A1B2C3D4E5F6G7H89', '17 characters', '现在是17位'],
    ['A1B2C3D4E5F6G7H#', 'a sign', '应为16位字母或数字'],
    ['学信网A1B2C3D4E5F6G7', 'Chinese characters', '应为16位字母或数字'],
  ])('refuses %s (%s)', (input, _why, hint) => {
    expect(parseChsiVerificationCode(input)).toEqual({
      ok: false,
      error: { code: 'CHSI_CODE_FORMAT', message: expect.stringContaining(hint) },
    })
  })

  it('asks for the code when empty or not a string', () => {
    for (const input of ['', ' - ', null, 42]) {
      expect(parseChsiVerificationCode(input as unknown as string)).toMatchObject({
        ok: false,
        error: { code: 'CHSI_CODE_FORMAT', message: expect.stringContaining('16位在线验证码') },
      })
    }
  })

  it('names 学信网’s public report-check page in one place', () => {
    expect(CHSI_REPORT_CHECK_URL).toBe('https://www.chsi.com.cn/xlcx/bgcx.jsp')
  })
})
