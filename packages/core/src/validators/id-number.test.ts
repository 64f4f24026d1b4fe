import fc from 'fast-check'
import { ID_CHECK_WEIGHTS, ID_PROVINCE_CODES, idNumberCheckChar, parseIdNumber } from './id-number'

const today = '2025-06-30'
const parse = (input: string) => parseIdNumber(input, { today })
const withCheck = (first17: string) => first17 + idNumberCheckChar(first17)
const codeOf = (input: string) => {
  const result = parse(input)
  return result.ok ? 'ok' : result.error.code
}

describe('parseIdNumber: real-world numbers', () => {
  it('accepts the example of GB 11643-1999 and reads birth date, gender and region', () => {
    expect(parse('11010519491231002X')).toEqual({
      ok: true,
      value: { idNumber: '11010519491231002X', birthDate: '1949-12-31', gender: 'female', regionCode: '110105' },
    })
  })

  it.each([
    ['360426199101010071', '1991-01-01', 'male', '360426'],
    ['412723199010050012', '1990-10-05', 'male', '412723'],
    ['110102199101010078', '1991-01-01', 'male', '110102'],
    ['44011320141005001X', '2014-10-05', 'male', '440113'],
  ])('accepts %s', (id, birthDate, gender, regionCode) => {
    expect(parse(id)).toEqual({ ok: true, value: { idNumber: id, birthDate, gender, regionCode } })
  })

  it('accepts a lower-case x and returns it upper-case', () => {
    const result = parse('44011320141005001x')
    expect(result.ok && result.value.idNumber).toBe('44011320141005001X')
    expect(parse('11010519491231002x')).toMatchObject({ ok: true, value: { idNumber: '11010519491231002X' } })
  })

  it('trims blanks and folds full-width digits and Ｘ typed by Chinese input methods', () => {
    expect(parse('  412723199010050012\t')).toMatchObject({ ok: true, value: { idNumber: '412723199010050012' } })
    expect(parse('１１０１０５１９４９１２３１００２Ｘ')).toMatchObject({ ok: true, value: { idNumber: '11010519491231002X' } })
  })

  it('refuses the standard’s second example: born in 1880, before the 1900 floor', () => {
    expect(idNumberCheckChar('44052418800101001')).toBe('4')
    expect(parse('440524188001010014')).toEqual({
      ok: false,
      error: { code: 'ID_BIRTHDATE', message: expect.stringContaining('早于1900年') },
    })
  })
})

describe('parseIdNumber: ID_FORMAT', () => {
  it.each([
    ['4127231990100500', '16 digits'],
    ['41272319901005001', '17 digits, check char missing'],
    ['4127231990100500123', '19 digits'],
    ['41272319901005001A', 'a letter other than X'],
    ['4127231990X0050012', 'X before the last position'],
    ['412723 19901005 0012', 'inner spaces'],
    ['412723199010050', '15-digit first-generation number'],
  ])('refuses %s (%s)', (input) => {
    expect(codeOf(input)).toBe('ID_FORMAT')
  })

  it('tells how many characters were typed', () => {
    const result = parse('41272319901005001')
    expect(!result.ok && result.error.message).toContain('现在是17位')
    const eighteen = parse('41272319901005001A')
    expect(!eighteen.ok && eighteen.error.message).not.toContain('现在是')
  })

  it('asks for the number when empty or not a string', () => {
    for (const input of ['', '   ', null, undefined, 41272319901005]) {
      expect(parseIdNumber(input as unknown as string, { today })).toEqual({
        ok: false,
        error: { code: 'ID_FORMAT', message: '请填写18位身份证号码' },
      })
    }
  })
})

describe('parseIdNumber: ID_REGION', () => {
  it.each(['00', '10', '16', '39', '47', '60', '66', '70', '72', '80', '83', '90', '99'])(
    'refuses province code %s even with a correct check char',
    (province) => {
      const result = parse(withCheck(`${province}010519900101001`))
      expect(result).toEqual({ ok: false, error: { code: 'ID_REGION', message: expect.stringContaining(`“${province}”`) } })
    },
  )

  it('knows exactly the 34 provincial-level divisions, Taiwan, Hong Kong and Macau included', () => {
    expect(Object.keys(ID_PROVINCE_CODES)).toHaveLength(34)
    for (const province of ['11', '41', '65', '71', '81', '82']) {
      expect(codeOf(withCheck(`${province}010519900101001`))).toBe('ok')
    }
  })
})

describe('parseIdNumber: ID_BIRTHDATE', () => {
  it.each([
    ['19991301', 'month 13'],
    ['19990001', 'month 0'],
    ['19990100', 'day 0'],
    ['19990229', '29 February in a common year'],
    ['19000229', '1900 was not a leap year'],
    ['19990431', '31 April'],
  ])('refuses %s (%s)', (date) => {
    const result = parse(withCheck(`410105${date}001`))
    expect(result).toEqual({ ok: false, error: { code: 'ID_BIRTHDATE', message: expect.stringContaining('不是真实存在的日期') } })
  })

  it('accepts 29 February in a leap year', () => {
    expect(parse(withCheck('41010520000229001'))).toMatchObject({ ok: true, value: { birthDate: '2000-02-29' } })
  })

  it('accepts a birth date of today and refuses tomorrow', () => {
    expect(parse(withCheck('41010520250630001'))).toMatchObject({ ok: true, value: { birthDate: '2025-06-30' } })
    expect(parse(withCheck('41010520250701001'))).toEqual({
      ok: false,
      error: { code: 'ID_BIRTHDATE', message: expect.stringContaining('晚于今天') },
    })
  })

  it('accepts 1900-01-01 and refuses 1899-12-31', () => {
    expect(codeOf(withCheck('41010519000101001'))).toBe('ok')
    expect(codeOf(withCheck('41010518991231001'))).toBe('ID_BIRTHDATE')
  })

  it('follows the today it is given, never the clock', () => {
    const id = withCheck('41010520300101001')
    expect(parseIdNumber(id, { today: '2029-12-31' }).ok).toBe(false)
    expect(parseIdNumber(id, { today: '2030-01-01' }).ok).toBe(true)
  })
})

describe('parseIdNumber: ID_CHECKSUM', () => {
  it('refuses a wrong check char', () => {
    expect(parse('36042619910102009X')).toEqual({
      ok: false,
      error: { code: 'ID_CHECKSUM', message: expect.stringContaining('校验码') },
    })
    expect(codeOf('110105194912310023')).toBe('ID_CHECKSUM')
    expect(codeOf('110105194912310021')).toBe('ID_CHECKSUM')
  })

  it('reports the first problem: region before date before check char', () => {
    // Unknown province, impossible date and a wrong check char all at once.
    expect(codeOf('991301199913450000')).toBe('ID_REGION')
    // Known province, impossible date, wrong check char.
    expect(codeOf('410105199913450000')).toBe('ID_BIRTHDATE')
  })
})

describe('idNumberCheckChar', () => {
  it('uses the ISO 7064 MOD 11-2 weights 2^(18-i) mod 11', () => {
    const expected = Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11)
    expect([...ID_CHECK_WEIGHTS]).toEqual(expected)
  })

  it('gives X for a check value of 10', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X')
    expect(idNumberCheckChar('36042619910101007')).toBe('1')
  })

  it('refuses anything but 17 digits', () => {
    expect(() => idNumberCheckChar('1101051949123100')).toThrow(RangeError)
    expect(() => idNumberCheckChar('1101051949123100X')).toThrow(RangeError)
  })
})

// Generated valid numbers: a known province, any county digits, a real birth date no later than
// today, any sequence, and the check char of the standard.
const provinceArb = fc.constantFrom(...(Object.keys(ID_PROVINCE_CODES) as string[]))
const digitsArb = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length })
const birthDateArb = fc
  .record({ year: fc.integer({ min: 1900, max: 2025 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => {
    // Date (day 0 of the next month), not the code under test, decides how long the month is.
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
    return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`
  })
  .filter((date) => date <= today)
const validIdArb = fc
  .tuple(provinceArb, digitsArb(4), birthDateArb, digitsArb(3))
  .map(([province, county, birthDate, sequence]) => ({
    id: withCheck(`${province}${county}${birthDate.replace(/-/g, '')}${sequence}`),
    birthDate,
    male: Number(sequence[2]) % 2 === 1,
  }))

describe('parseIdNumber: properties', () => {
  it('parses every generated valid number with its birth date and gender', () => {
    fc.assert(
      fc.property(validIdArb, ({ id, birthDate, male }) => {
        const result = parse(id)
        expect(result).toEqual({
          ok: true,
          value: { idNumber: id, birthDate, gender: male ? 'male' : 'female', regionCode: id.slice(0, 6) },
        })
        expect(parse(id.toLowerCase())).toEqual(result)
      }),
      { numRuns: 500 },
    )
  })

  it('rejects every single-character substitution, at any position, by any other allowed char', () => {
    fc.assert(
      fc.property(validIdArb, fc.nat(17), fc.nat(), ({ id }, position, pick) => {
        const allowed = position === 17 ? '0123456789X' : '0123456789'
        const others = [...allowed].filter((c) => c !== id[position])
        const changed = id.slice(0, position) + others[pick % others.length] + id.slice(position + 1)
        const code = codeOf(changed)
        expect(code).not.toBe('ok')
        // Sequence and check char carry no other meaning: only the check char can catch them.
        if (position >= 14) expect(code).toBe('ID_CHECKSUM')
      }),
      { numRuns: 1000 },
    )
  })

  it('rejects every swap of two adjacent different characters', () => {
    fc.assert(
      fc.property(validIdArb, fc.nat(16), ({ id }, position) => {
        fc.pre(id[position] !== id[position + 1])
        const swapped = id.slice(0, position) + id[position + 1] + id[position] + id.slice(position + 2)
        expect(codeOf(swapped)).not.toBe('ok')
      }),
      { numRuns: 500 },
    )
  })
})
