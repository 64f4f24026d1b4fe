import { maskCardNumber, maskIdNumber } from './masks'

describe('maskIdNumber', () => {
  it('keeps the first 4 and last 4 characters of an 18-character number', () => {
    expect(maskIdNumber('41010519900101123X')).toBe('4101**********123X')
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X')
    expect(maskIdNumber('41010519900101123X').match(/\*/g)).toHaveLength(10)
  })

  it('hides the birth date whatever it is', () => {
    const masked = maskIdNumber('412723199010050012')
    expect(masked).not.toContain('1990')
    expect(masked).toHaveLength(18)
  })

  it('masks a 15-digit first-generation number the same way', () => {
    expect(maskIdNumber('410105900101123')).toBe('4101*******1123')
  })

  it('masks short fragments completely and does not throw on odd input', () => {
    expect(maskIdNumber('41010519900101')).toBe('**************')
    expect(maskIdNumber('4101')).toBe('****')
    expect(maskIdNumber('')).toBe('')
    expect(maskIdNumber('  41010519900101123X  ')).toBe('4101**********123X')
    expect(maskIdNumber(undefined as unknown as string)).toBe('')
    expect(maskIdNumber(41010519900101 as unknown as string)).toBe('')
  })

  it('never splits a character outside the basic plane', () => {
    expect(maskIdNumber('𠀀𠀁𠀂𠀃5678901234𠀄𠀅𠀆𠀇')).toBe('𠀀𠀁𠀂𠀃**********𠀄𠀅𠀆𠀇')
  })
})

describe('maskCardNumber', () => {
  it('keeps the first character and the last two of a 9-character card number', () => {
    expect(maskCardNumber('A12345678')).toBe('A******78')
    expect(maskCardNumber('PA1234567')).toBe('P******67')
  })

  it('never shows more than 3 characters', () => {
    for (const card of ['A12345678', '123456789012', 'ABCDEFG']) {
      expect(maskCardNumber(card).replace(/\*/g, '').length).toBeLessThanOrEqual(3)
    }
  })

  it('masks short input completely and does not throw on odd input', () => {
    expect(maskCardNumber('A12345')).toBe('******')
    expect(maskCardNumber('ABCDEFG')).toBe('A****FG')
    expect(maskCardNumber('')).toBe('')
    expect(maskCardNumber(null as unknown as string)).toBe('')
  })
})
