import { parseCardNumber } from './card-number'

describe('parseCardNumber', () => {
  it.each([
    ['A12345678', 'A12345678'],
    ['a12345678', 'A12345678'],
    [' 412345678 ', '412345678'],
    ['A1234 5678', 'A12345678'],
    ['Ａ１２３４５６７８', 'A12345678'],
  ])('accepts %s as %s', (input, value) => {
    expect(parseCardNumber(input)).toEqual({ ok: true, value })
  })

  it.each([
    ['A1234567', '8 characters', '现在是8位'],
    ['A123456789', '10 characters', '现在是10位'],
    ['41010519900101123X', 'the ID number instead', '不是18位的社会保障号码'],
    ['A1234567-', 'punctuation', '9位字母或数字'],
    ['A1234567中', 'a Chinese character', '9位字母或数字'],
  ])('refuses %s (%s)', (input, _why, hint) => {
    expect(parseCardNumber(input)).toEqual({
      ok: false,
      error: { code: 'CARD_NUMBER_FORMAT', message: expect.stringContaining(hint) },
    })
  })

  it('asks for the number when empty or not a string', () => {
    for (const input of ['', '   ', undefined, 123456789]) {
      expect(parseCardNumber(input as unknown as string)).toEqual({
        ok: false,
        error: { code: 'CARD_NUMBER_FORMAT', message: '请填写社会保障卡正面印的9位卡号' },
      })
    }
  })
})
