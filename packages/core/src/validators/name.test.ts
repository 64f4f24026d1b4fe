import { parseName } from './name'

describe('parseName', () => {
  it.each([
    ['张三', '张三'],
    [' 李小龙 ', '李小龙'],
    ['欧阳娜娜', '欧阳娜娜'],
    ['买买提·艾力', '买买提·艾力'],
    ['阿卜杜热西提·买买提·吐尔逊', '阿卜杜热西提·买买提·吐尔逊'],
    ['𠇔明', '𠇔明'],
    ['John Smith', 'John Smith'],
    ['  Anna   Maria  Lee ', 'Anna Maria Lee'],
  ])('accepts %s as %s', (input, value) => {
    expect(parseName(input)).toEqual({ ok: true, value })
  })

  it.each([
    ['买买提•艾力'],
    ['买买提・艾力'],
    ['买买提．艾力'],
    ['买买提.艾力'],
    ['买买提 · 艾力'],
  ])('turns the look-alike dot in %s into ·', (input) => {
    expect(parseName(input)).toEqual({ ok: true, value: '买买提·艾力' })
  })

  it('drops spaces inside a Chinese name', () => {
    expect(parseName('张 三')).toEqual({ ok: true, value: '张三' })
  })

  it.each([
    ['张三1', 'a digit'],
    ['张三Smith', 'Chinese and Latin mixed'],
    ['·买买提', 'a leading dot'],
    ['买买提·', 'a trailing dot'],
    ['买买提··艾力', 'two dots'],
    ['O’Brien', 'an apostrophe'],
    ['张三！', 'punctuation'],
  ])('refuses %s (%s)', (input) => {
    expect(parseName(input)).toEqual({
      ok: false,
      error: { code: 'NAME_FORMAT', message: expect.stringContaining('请与身份证上的姓名保持一致') },
    })
  })

  it('takes 2 to 30 characters', () => {
    expect(parseName('张')).toEqual({ ok: false, error: { code: 'NAME_FORMAT', message: expect.stringContaining('现在是1个') } })
    expect(parseName('A')).toMatchObject({ ok: false, error: { code: 'NAME_FORMAT' } })
    expect(parseName('张'.repeat(30)).ok).toBe(true)
    expect(parseName('张'.repeat(31))).toEqual({
      ok: false,
      error: { code: 'NAME_FORMAT', message: expect.stringContaining('2至30个字') },
    })
    expect(parseName('𠇔'.repeat(30)).ok).toBe(true)
  })

  it('asks for the name when empty or not a string', () => {
    for (const input of ['', ' \u3000 ', undefined, 42]) {
      expect(parseName(input as unknown as string)).toEqual({
        ok: false,
        error: { code: 'NAME_FORMAT', message: '请填写姓名，与身份证上的姓名一致' },
      })
    }
  })
})
