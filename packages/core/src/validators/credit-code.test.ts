import fc from 'fast-check'
import {
  CREDIT_CODE_AUTHORITIES,
  CREDIT_CODE_CHARSET,
  CREDIT_CODE_WEIGHTS,
  creditCodeCheckChar,
  parseCreditCode,
} from './credit-code'

const codeOf = (input: string) => {
  const result = parseCreditCode(input)
  return result.ok ? 'ok' : result.error.code
}

describe('parseCreditCode: real-world codes', () => {
  // Published on business licences (the sample list of python-stdnum's cn.uscc tests):
  // enterprises (91), public institutions (12), individual businesses (92), letters in the
  // subject identifier and X / digit / letter check chars.
  it.each([
    '91110000600037341L',
    '121200004013590816',
    '91310115MA1K3BTP2B',
    '9144030071526726XG',
    '91620105L015101280',
    '92340602MA2PBMEM24',
    '9115220107837941X1',
    '914112810713741814',
  ])('accepts %s', (code) => {
    expect(parseCreditCode(code)).toEqual({ ok: true, value: code })
  })

  it('upper-cases, trims and drops the blanks and hyphens of hand-copied codes', () => {
    expect(parseCreditCode(' 91310115ma1k3btp2b ')).toEqual({ ok: true, value: '91310115MA1K3BTP2B' })
    expect(parseCreditCode('91 110000 600037341L')).toEqual({ ok: true, value: '91110000600037341L' })
    expect(parseCreditCode('91-110000-600037341-L')).toEqual({ ok: true, value: '91110000600037341L' })
    expect(parseCreditCode('９１１１００００６０００３７３４１Ｌ')).toEqual({ ok: true, value: '91110000600037341L' })
  })
})

describe('parseCreditCode: CREDIT_CODE_FORMAT', () => {
  it.each([
    ['9111000060003734', 'too short'],
    ['91110000600037341L1', 'too long'],
    ['9111000060003IOZSV', 'letters the standard leaves out'],
    ['91110000600037341I', 'I as check char'],
    ['B1110000600037341L', 'B is no registration authority'],
    ['Z1110000600037341L', 'Z is not in the character set'],
    ['90110000600037341L', 'institution type 0'],
    ['9A110000600037341L', 'letter as institution type'],
    ['911A0000600037341L', 'letter in the region code'],
    ['91110000600037341@', 'punctuation'],
  ])('refuses %s (%s)', (input) => {
    expect(codeOf(input)).toBe('CREDIT_CODE_FORMAT')
  })

  it('tells how many characters were typed and names the forbidden letters', () => {
    const result = parseCreditCode('9111000060003734')
    expect(!result.ok && result.error.message).toContain('现在是16位')
    expect(!result.ok && result.error.message).toContain('不含I、O、Z、S、V')
  })

  it('asks for the code when empty or not a string', () => {
    for (const input of ['', ' - ', undefined, 91110000]) {
      expect(parseCreditCode(input as unknown as string)).toEqual({
        ok: false,
        error: { code: 'CREDIT_CODE_FORMAT', message: '请填写营业执照上的18位统一社会信用代码' },
      })
    }
  })

  it('accepts the authorities A, N and Y of GB 32100 Annex A', () => {
    for (const authority of ['A', 'N', 'Y']) {
      const first17 = `${authority}1410100MA4400000`
      expect(codeOf(first17 + creditCodeCheckChar(first17))).toBe('ok')
    }
  })
})

describe('parseCreditCode: CREDIT_CODE_CHECKSUM', () => {
  it('refuses a wrong check char', () => {
    expect(parseCreditCode('91110000600037341N')).toEqual({
      ok: false,
      error: { code: 'CREDIT_CODE_CHECKSUM', message: expect.stringContaining('校验码') },
    })
    expect(codeOf('91110000600037342L')).toBe('CREDIT_CODE_CHECKSUM')
  })
})

describe('creditCodeCheckChar', () => {
  it('uses the weights 3^(i-1) mod 31 of GB 32100-2015', () => {
    expect([...CREDIT_CODE_WEIGHTS]).toEqual(Array.from({ length: 17 }, (_, i) => 3 ** i % 31))
    expect(CREDIT_CODE_CHARSET).toHaveLength(31)
  })

  it('gives 0 when the weighted sum is a multiple of 31', () => {
    expect(creditCodeCheckChar('00000000000000000')).toBe('0')
    expect(creditCodeCheckChar('91110000600037341')).toBe('L')
  })

  it('refuses anything but 17 characters of the set', () => {
    expect(() => creditCodeCheckChar('9111000060003734')).toThrow(RangeError)
    expect(() => creditCodeCheckChar('9111000060003734I')).toThrow(RangeError)
  })
})

const symbolArb = fc.constantFrom(...CREDIT_CODE_CHARSET)
const validCodeArb = fc
  .tuple(
    fc.constantFrom(...Object.keys(CREDIT_CODE_AUTHORITIES)),
    fc.constantFrom(...'123456789'),
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 6 }),
    fc.string({ unit: symbolArb, minLength: 9, maxLength: 9 }),
  )
  .map(([authority, type, region, subject]) => {
    const first17 = authority + type + region + subject
    return first17 + creditCodeCheckChar(first17)
  })

describe('parseCreditCode: properties', () => {
  it('accepts every generated code, in lower case too', () => {
    fc.assert(
      fc.property(validCodeArb, (code) => {
        expect(parseCreditCode(code)).toEqual({ ok: true, value: code })
        expect(parseCreditCode(code.toLowerCase())).toEqual({ ok: true, value: code })
      }),
      { numRuns: 500 },
    )
  })

  it('rejects every single-character substitution by another character of the set', () => {
    fc.assert(
      fc.property(validCodeArb, fc.nat(17), fc.nat(), (code, position, pick) => {
        const others = [...CREDIT_CODE_CHARSET].filter((c) => c !== code[position])
        const changed = code.slice(0, position) + others[pick % others.length] + code.slice(position + 1)
        const result = codeOf(changed)
        expect(result).not.toBe('ok')
        // From the subject identifier on only the check char can notice the change.
        if (position >= 8) expect(result).toBe('CREDIT_CODE_CHECKSUM')
      }),
      { numRuns: 1000 },
    )
  })

  it('rejects every swap of two adjacent different characters', () => {
    fc.assert(
      fc.property(validCodeArb, fc.nat(16), (code, position) => {
        fc.pre(code[position] !== code[position + 1])
        const swapped = code.slice(0, position) + code[position + 1] + code[position] + code.slice(position + 2)
        expect(codeOf(swapped)).not.toBe('ok')
      }),
      { numRuns: 500 },
    )
  })
})
