import { parseMobile } from './mobile'

describe('parseMobile', () => {
  it.each([
    ['13803711234', '13803711234'],
    ['19937101234', '19937101234'],
    [' 138 0371 1234 ', '13803711234'],
    ['138-0371-1234', '13803711234'],
    ['+86 138 0371 1234', '13803711234'],
    ['+8613803711234', '13803711234'],
    ['8613803711234', '13803711234'],
    ['0086 13803711234', '13803711234'],
    ['１３８０３７１１２３４', '13803711234'],
  ])('accepts %s as %s', (input, digits) => {
    expect(parseMobile(input)).toEqual({ ok: true, value: digits })
  })

  it('accepts every network digit from 3 to 9 and refuses 0 to 2', () => {
    for (const second of '3456789') expect(parseMobile(`1${second}000000000`).ok).toBe(true)
    for (const second of '012') expect(parseMobile(`1${second}000000000`).ok).toBe(false)
  })

  it.each([
    ['1380371123', '10 digits'],
    ['138037112345', '12 digits'],
    ['23803711234', 'does not start with 1'],
    ['0371-67184567', 'a landline'],
    ['1380371123a', 'a letter'],
    ['+85213803711234', 'another country code'],
    ['86 1380371123', 'country code and 10 digits'],
    ['(+86)13803711234', 'brackets'],
  ])('refuses %s (%s) with MOBILE_FORMAT', (input) => {
    expect(parseMobile(input)).toEqual({
      ok: false,
      error: { code: 'MOBILE_FORMAT', message: expect.stringContaining('应为11位数字') },
    })
  })

  it('asks for the number when empty or not a string', () => {
    for (const input of ['', '  - ', undefined, 13803711234]) {
      expect(parseMobile(input as unknown as string)).toEqual({
        ok: false,
        error: { code: 'MOBILE_FORMAT', message: '请填写11位手机号码' },
      })
    }
  })
})
