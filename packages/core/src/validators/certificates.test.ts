import { parseDegreeCertificateNo, parseGraduationCertificateNo } from './certificates'

describe('parseGraduationCertificateNo', () => {
  it('accepts 18 digits, dropping the blanks of a copied number', () => {
    // 10459 郑州大学, 1 regular, 2023, 05 bachelor, sequence 000123.
    expect(parseGraduationCertificateNo('104591202305000123')).toEqual({ ok: true, value: '104591202305000123' })
    expect(parseGraduationCertificateNo(' 10459 1 2023 05 000123 ')).toEqual({ ok: true, value: '104591202305000123' })
    expect(parseGraduationCertificateNo('１０４５９１２０２３０５０００１２３')).toEqual({ ok: true, value: '104591202305000123' })
  })

  it.each([
    ['10459120230500012', '17 digits, the pre-2002 length', '现在是17位'],
    ['1045912023050001234', '19 digits', '现在是19位'],
    ['10459120230500012X', 'a letter', '应为18位数字'],
  ])('refuses %s (%s)', (input, _why, hint) => {
    expect(parseGraduationCertificateNo(input)).toEqual({
      ok: false,
      error: { code: 'GRADUATION_CERT_FORMAT', message: expect.stringContaining(hint) },
    })
  })

  it('asks for the number when empty or not a string', () => {
    for (const input of ['', '  ', null]) {
      expect(parseGraduationCertificateNo(input as unknown as string)).toEqual({
        ok: false,
        error: { code: 'GRADUATION_CERT_FORMAT', message: '请填写毕业证书上的18位证书编号' },
      })
    }
  })
})

describe('parseDegreeCertificateNo', () => {
  it('accepts 16 digits', () => {
    // 10459 郑州大学, 4 bachelor, 2023, sequence 000123.
    expect(parseDegreeCertificateNo('1045942023000123')).toEqual({ ok: true, value: '1045942023000123' })
    expect(parseDegreeCertificateNo('10459 4 2023 000123')).toEqual({ ok: true, value: '1045942023000123' })
  })

  it.each([
    ['104594202300012', '现在是15位'],
    ['10459420230001234', '现在是17位'],
    ['104594202300012A', '应为16位数字'],
    ['104591202305000123', '现在是18位'],
  ])('refuses %s', (input, hint) => {
    expect(parseDegreeCertificateNo(input)).toEqual({
      ok: false,
      error: { code: 'DEGREE_CERT_FORMAT', message: expect.stringContaining(hint) },
    })
  })

  it('asks for the number when empty or not a string', () => {
    for (const input of ['', undefined, 1045942023000123]) {
      expect(parseDegreeCertificateNo(input as unknown as string)).toEqual({
        ok: false,
        error: { code: 'DEGREE_CERT_FORMAT', message: '请填写学位证书上的16位证书编号' },
      })
    }
  })
})
