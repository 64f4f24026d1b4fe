import fc from 'fast-check'
import type { FieldError } from '../types'
import { FORM_FIELD_LABELS } from './labels'
import { validInput } from './test-support'
import { validateApplicationForm } from './validate-application-form'

const today = '2025-06-30'

type Input = ReturnType<typeof validInput>

/** The input with one value replaced (undefined removes it), addressed by its dot path. */
function withField(path: string, value: unknown, base: Input = validInput()): Input {
  const copy = structuredClone(base) as unknown as Record<string, unknown>
  const keys = path.split('.')
  let node = copy
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>
  const last = keys[keys.length - 1]!
  if (value === undefined) delete node[last]
  else node[last] = value
  return copy as unknown as Input
}

function errorsOf(input: unknown): FieldError[] {
  const result = validateApplicationForm(input as Input, { today })
  return result.ok ? [] : result.errors
}

function onlyError(input: unknown): { field: string; code: string; message: string } {
  const errors = errorsOf(input)
  expect(errors).toHaveLength(1)
  return errors[0]!
}

describe('validateApplicationForm: a valid form', () => {
  it('accepts the full form and returns exactly the stated facts and details', () => {
    expect(validateApplicationForm(validInput(), { today })).toEqual({ ok: true, value: validInput() })
  })

  it('normalises the values', () => {
    const input = {
      facts: {
        education: ' bachelor ',
        graduationDate: ' 2024-07-01 ',
        overseasReturnee: false,
        hukou: { inZhengzhou: true, district: ' 郑东新区 ', settledOn: '2024-09-01 ' },
        employment: { kind: 'self-employed', creditCode: ' 91310115ma1k3btp2b ' },
      },
      details: {
        mobile: '+86 138-0371-1234',
        school: '  河南  大学 ',
        major: ' 软件工程\t',
        graduationCertificateNo: '10475 1 2024 05 000456',
        degreeCertificateNo: '１０４７５４２０２４０００４５６',
      },
    }
    expect(validateApplicationForm(input, { today })).toEqual({
      ok: true,
      value: {
        facts: {
          education: 'bachelor',
          graduationDate: '2024-07-01',
          overseasReturnee: false,
          hukou: { inZhengzhou: true, district: '郑东新区', settledOn: '2024-09-01' },
          employment: { kind: 'self-employed', creditCode: '91310115MA1K3BTP2B' },
        },
        details: {
          mobile: '13803711234',
          school: '河南 大学',
          major: '软件工程',
          graduationCertificateNo: '104751202405000456',
          degreeCertificateNo: '1047542024000456',
        },
      },
    })
  })

  it('drops what does not apply and what the form does not ask', () => {
    const input = structuredClone(validInput()) as unknown as {
      facts: Record<string, unknown> & { hukou: Record<string, unknown>; employment: Record<string, unknown> }
      details: Record<string, unknown>
    }
    input.facts.hukou = { inZhengzhou: false, district: '不存在区', settledOn: 'soon' }
    input.facts.employment = { kind: 'unemployed', employer: 'x', creditCode: 'y' }
    input.facts.idNumber = '11010519491231002X'
    input.facts.socialSecurity = { cardIssued: true, financialAccountActive: true, pensionMonths: 99 }
    input.details.note = 'extra'
    const result = validateApplicationForm(input, { today })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.facts.hukou).toEqual({ inZhengzhou: false })
    expect(result.value.facts.employment).toEqual({ kind: 'unemployed' })
    expect(result.value.facts).not.toHaveProperty('idNumber')
    expect(result.value.facts).not.toHaveProperty('socialSecurity')
    expect(result.value.details).not.toHaveProperty('note')
  })

  it('keeps only the employer of an employed applicant and only the code of a self-employed one', () => {
    const employed = validateApplicationForm(
      withField('facts.employment', { kind: 'employed', employer: '郑州银行', creditCode: '91110000600037341L' }),
      { today },
    )
    expect(employed.ok && employed.value.facts.employment).toEqual({ kind: 'employed', employer: '郑州银行' })
    const selfEmployed = validateApplicationForm(
      withField('facts.employment', { kind: 'self-employed', employer: '郑州银行', creditCode: '91110000600037341L' }),
      { today },
    )
    expect(selfEmployed.ok && selfEmployed.value.facts.employment).toEqual({
      kind: 'self-employed',
      creditCode: '91110000600037341L',
    })
  })

  it('accepts every district of Zhengzhou', () => {
    for (const district of ['中原区', '二七区', '管城回族区', '金水区', '惠济区', '上街区', '郑东新区', '高新区', '经开区', '航空港区', '中牟县', '新郑市', '新密市', '荥阳市', '登封市']) {
      expect(errorsOf(withField('facts.hukou.district', district))).toEqual([])
    }
  })

  it('keeps worldTop200University when it is answered, leaves it out when not', () => {
    const answered = validateApplicationForm(withField('facts.worldTop200University', true), { today })
    expect(answered.ok && answered.value.facts.worldTop200University).toBe(true)
    const nullAnswer = validateApplicationForm(withField('facts.worldTop200University', null), { today })
    expect(nullAnswer.ok && nullAnswer.value.facts).not.toHaveProperty('worldTop200University')
  })
})

describe('validateApplicationForm: each missing field is reported with its path', () => {
  it.each([
    ['facts.education', '请选择学历'],
    ['facts.graduationDate', '请填写毕业日期'],
    ['facts.overseasReturnee', '请选择是否为海外归国留学人员'],
    ['facts.hukou.inZhengzhou', '请选择是否已在郑州市落户'],
    ['facts.hukou.district', '请选择落户区县（市）'],
    ['facts.hukou.settledOn', '请填写落户日期'],
    ['facts.employment.kind', '请选择就业情况'],
    ['facts.employment.employer', '请填写工作单位名称'],
    ['details.mobile', '请填写11位手机号码'],
    ['details.school', '请填写毕业院校'],
    ['details.major', '请填写所学专业'],
    ['details.graduationCertificateNo', '请填写毕业证书上的证书编号'],
    ['details.degreeCertificateNo', '请填写学位证书上的证书编号'],
  ])('%s', (field, message) => {
    for (const missing of [undefined, null, '', '   ']) {
      expect(onlyError(withField(field, missing))).toEqual({ field, code: 'REQUIRED', message: expect.stringContaining(message) })
    }
  })

  it('facts.employment.creditCode, for a self-employed applicant', () => {
    expect(onlyError(withField('facts.employment', { kind: 'self-employed' }))).toEqual({
      field: 'facts.employment.creditCode',
      code: 'REQUIRED',
      message: '请填写营业执照上的18位统一社会信用代码',
    })
  })

  it('a missing hukou or employment object is a missing answer inside it', () => {
    expect(onlyError(withField('facts.hukou', undefined)).field).toBe('facts.hukou.inZhengzhou')
    expect(onlyError(withField('facts.employment', 'employed')).field).toBe('facts.employment.kind')
  })
})

describe('validateApplicationForm: each invalid field is reported with its path and code', () => {
  it.each([
    ['facts.education', 'phd', 'INVALID_OPTION', '“博士研究生”、“硕士研究生”、“全日制本科”、“技工院校全日制预备技师(技师)”之一'],
    ['facts.education', 3, 'INVALID_OPTION', '请重新选择'],
    ['facts.graduationDate', '2023-02-29', 'DATE_FORMAT', '以毕业证书上的毕业日期为准'],
    ['facts.graduationDate', '2023/06/30', 'DATE_FORMAT', '年-月-日'],
    ['facts.graduationDate', '2025-07-01', 'DATE_TOO_LATE', '须已毕业'],
    ['facts.graduationDate', '1899-12-31', 'DATE_TOO_EARLY', '不能早于1900年1月1日'],
    ['facts.graduationDate', 20230630, 'INVALID_TYPE', '应填写为文字'],
    ['facts.overseasReturnee', 'false', 'INVALID_OPTION', '请选择“是”或“否”'],
    ['facts.overseasReturnee', 0, 'INVALID_OPTION', '请选择“是”或“否”'],
    ['facts.worldTop200University', 'yes', 'INVALID_OPTION', '请选择“是”或“否”'],
    ['facts.hukou.inZhengzhou', 1, 'INVALID_OPTION', '请选择“是”或“否”'],
    ['facts.hukou.district', '朝阳区', 'INVALID_OPTION', '“金水区”'],
    ['facts.hukou.settledOn', '2025-07-01', 'DATE_TOO_LATE', '已经办好落户手续'],
    ['facts.hukou.settledOn', '1899-12-31', 'DATE_TOO_EARLY', '户口簿'],
    ['facts.hukou.settledOn', '2023-8-15', 'DATE_FORMAT', '户口簿'],
    ['facts.employment.kind', 'retired', 'INVALID_OPTION', '“毕业后暂未就业”'],
    ['facts.employment.employer', '郑', 'TEXT_LENGTH', '应为2至100个字（现在是1个）'],
    ['facts.employment.employer', '郑'.repeat(101), 'TEXT_LENGTH', '现在是101个'],
    ['facts.employment.employer', '郑州\u0000银行', 'TEXT_CHARACTERS', '特殊字符'],
    ['facts.employment.employer', { name: '郑州银行' }, 'INVALID_TYPE', '工作单位名称应填写为文字'],
    ['details.mobile', '1380371123', 'MOBILE_FORMAT', '应为11位数字'],
    ['details.mobile', 13803711234, 'INVALID_TYPE', '手机号码应填写为文字'],
    ['details.school', '郑', 'TEXT_LENGTH', '应为2至60个字'],
    ['details.school', '郑'.repeat(61), 'TEXT_LENGTH', '现在是61个'],
    ['details.major', 'x', 'TEXT_LENGTH', '所学专业应为2至60个字'],
    ['details.major', '软件\u0007工程', 'TEXT_CHARACTERS', '所学专业含有'],
    ['details.graduationCertificateNo', '10459120230200012', 'GRADUATION_CERT_FORMAT', '应为18位数字'],
    ['details.degreeCertificateNo', '104593202300012', 'DEGREE_CERT_FORMAT', '应为16位数字'],
  ])('%s = %j → %s', (field, value, code, hint) => {
    expect(onlyError(withField(field, value))).toEqual({ field, code, message: expect.stringContaining(hint) })
  })

  it('checks the credit code of a self-employed applicant', () => {
    const withCode = (creditCode: unknown) => withField('facts.employment', { kind: 'self-employed', creditCode })
    expect(onlyError(withCode('91110000600037341N'))).toEqual({
      field: 'facts.employment.creditCode',
      code: 'CREDIT_CODE_CHECKSUM',
      message: expect.stringContaining('校验码'),
    })
    expect(onlyError(withCode('9111000060003734'))).toMatchObject({ code: 'CREDIT_CODE_FORMAT' })
    expect(onlyError(withCode(91110000))).toMatchObject({ code: 'INVALID_TYPE' })
  })

  it('takes today and the 2-100 / 2-60 limits inclusively', () => {
    expect(errorsOf(withField('facts.graduationDate', today))).toEqual([])
    expect(errorsOf(withField('facts.hukou.settledOn', today))).toEqual([])
    expect(errorsOf(withField('facts.employment.employer', '郑'.repeat(100)))).toEqual([])
    expect(errorsOf(withField('facts.employment.employer', '郑州'))).toEqual([])
    expect(errorsOf(withField('details.school', '郑'.repeat(60)))).toEqual([])
    expect(errorsOf(withField('details.major', '法学'))).toEqual([])
  })

  it('follows the today it is given', () => {
    const input = withField('facts.graduationDate', '2025-07-01')
    expect(validateApplicationForm(input, { today: '2025-06-30' }).ok).toBe(false)
    expect(validateApplicationForm(input, { today: '2025-07-01' }).ok).toBe(true)
  })
})

describe('validateApplicationForm: certificates follow the applicant', () => {
  it('requires a degree certificate of doctorates, masters and bachelors', () => {
    for (const education of ['doctorate', 'master', 'bachelor']) {
      const input = withField('details.degreeCertificateNo', undefined, withField('facts.education', education))
      expect(onlyError(input)).toMatchObject({ field: 'details.degreeCertificateNo', code: 'REQUIRED' })
    }
  })

  it('ignores and drops the degree certificate of a preparatory technician, and accepts their own certificate numbers', () => {
    const technician = withField('facts.education', 'preparatory-technician')
    for (const degree of [undefined, '', 'not a number']) {
      const input = withField('details.graduationCertificateNo', 'hn2023jg0457', withField('details.degreeCertificateNo', degree, technician))
      const result = validateApplicationForm(input, { today })
      expect(result.ok).toBe(true)
      if (!result.ok) continue
      expect(result.value.details).not.toHaveProperty('degreeCertificateNo')
      expect(result.value.details.graduationCertificateNo).toBe('HN2023JG0457')
    }
  })

  it('asks technicians and returnees for 4 to 40 letters or digits', () => {
    const technician = withField('facts.education', 'preparatory-technician')
    expect(onlyError(withField('details.graduationCertificateNo', 'A12', technician))).toEqual({
      field: 'details.graduationCertificateNo',
      code: 'GRADUATION_CERT_FORMAT',
      message: expect.stringContaining('应为4至40位字母或数字，请对照毕业证书核对'),
    })
    expect(onlyError(withField('details.graduationCertificateNo', 'A'.repeat(41), technician)).code).toBe('GRADUATION_CERT_FORMAT')
    expect(errorsOf(withField('details.graduationCertificateNo', 'A'.repeat(40), technician))).toEqual([])

    const returnee = withField('facts.overseasReturnee', true)
    expect(onlyError(withField('details.degreeCertificateNo', 'No.2023-1', returnee))).toEqual({
      field: 'details.degreeCertificateNo',
      code: 'DEGREE_CERT_FORMAT',
      message: expect.stringContaining('国（境）外学历学位认证书'),
    })
  })

  it('takes a returnee’s certificate numbers in their own format', () => {
    const returnee = withField('facts.overseasReturnee', true)
    const input = withField('details.graduationCertificateNo', 'cscse 2023 0815', withField('details.degreeCertificateNo', 'UK2023A77', returnee))
    const result = validateApplicationForm(input, { today })
    expect(result.ok && result.value.details).toMatchObject({
      graduationCertificateNo: 'CSCSE20230815',
      degreeCertificateNo: 'UK2023A77',
    })
  })

  it('checks only a plausible shape while education or returnee status is not answered yet', () => {
    const noEducation = withField('facts.education', undefined)
    expect(errorsOf(withField('details.degreeCertificateNo', undefined, noEducation)).map((e) => e.field)).toEqual([
      'facts.education',
    ])
    expect(errorsOf(withField('details.degreeCertificateNo', '##', noEducation)).map((e) => e.field)).toEqual([
      'facts.education',
      'details.degreeCertificateNo',
    ])
    const noReturnee = withField('facts.overseasReturnee', undefined)
    expect(errorsOf(withField('details.graduationCertificateNo', 'ABCD1234', noReturnee)).map((e) => e.field)).toEqual([
      'facts.overseasReturnee',
    ])
  })
})

describe('validateApplicationForm: several problems at once', () => {
  it('reports every unanswered field of an empty form, in the order of FORM_FIELDS', () => {
    expect(errorsOf({}).map((e) => [e.field, e.code])).toEqual([
      ['facts.education', 'REQUIRED'],
      ['details.school', 'REQUIRED'],
      ['details.major', 'REQUIRED'],
      ['facts.graduationDate', 'REQUIRED'],
      ['details.graduationCertificateNo', 'REQUIRED'],
      ['facts.overseasReturnee', 'REQUIRED'],
      ['facts.hukou.inZhengzhou', 'REQUIRED'],
      ['facts.employment.kind', 'REQUIRED'],
      ['details.mobile', 'REQUIRED'],
    ])
  })

  it('reports one problem per field, all fields at once', () => {
    const input = {
      facts: {
        education: 'bachelor',
        graduationDate: '2026-01-01',
        overseasReturnee: 'no',
        hukou: { inZhengzhou: true, district: '浦东新区', settledOn: '2023-02-30' },
        employment: { kind: 'self-employed', creditCode: '91110000600037341M' },
      },
      details: { mobile: '12345', school: '', major: 'x', graduationCertificateNo: '123', degreeCertificateNo: '' },
    }
    expect(errorsOf(input).map((e) => [e.field, e.code])).toEqual([
      ['details.school', 'REQUIRED'],
      ['details.major', 'TEXT_LENGTH'],
      ['facts.graduationDate', 'DATE_TOO_LATE'],
      ['details.graduationCertificateNo', 'GRADUATION_CERT_FORMAT'],
      ['details.degreeCertificateNo', 'REQUIRED'],
      ['facts.overseasReturnee', 'INVALID_OPTION'],
      ['facts.hukou.district', 'INVALID_OPTION'],
      ['facts.hukou.settledOn', 'DATE_FORMAT'],
      ['facts.employment.creditCode', 'CREDIT_CODE_CHECKSUM'],
      ['details.mobile', 'MOBILE_FORMAT'],
    ])
  })

  it('does not throw on bodies that are not objects', () => {
    for (const body of [null, undefined, 'form', 42, [], { facts: [], details: 'x' }, { facts: null }]) {
      const errors = errorsOf(body)
      expect(errors.map((e) => e.field)).toContain('facts.education')
      expect(errors.map((e) => e.field)).toContain('details.mobile')
    }
  })
})

describe('validateApplicationForm: any JSON body', () => {
  const fieldArb = fc.oneof(fc.jsonValue(), fc.constantFrom('', ' ', 'master', 'employed', '金水区', '2023-06-30', true, false))
  const bodyArb = fc.record({
    facts: fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          education: fieldArb,
          graduationDate: fieldArb,
          overseasReturnee: fieldArb,
          worldTop200University: fieldArb,
          hukou: fc.oneof(fieldArb, fc.record({ inZhengzhou: fieldArb, district: fieldArb, settledOn: fieldArb }, { requiredKeys: [] })),
          employment: fc.oneof(fieldArb, fc.record({ kind: fieldArb, employer: fieldArb, creditCode: fieldArb }, { requiredKeys: [] })),
        },
        { requiredKeys: [] },
      ),
    ),
    details: fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom('mobile', 'school', 'major', 'graduationCertificateNo', 'degreeCertificateNo'), fieldArb)),
  })

  it('never throws, and every error names a labelled field once, in Chinese', () => {
    fc.assert(
      fc.property(bodyArb, (body) => {
        const result = validateApplicationForm(body, { today })
        if (result.ok) return
        expect(result.errors.length).toBeGreaterThan(0)
        const fields = result.errors.map((e) => e.field)
        expect(new Set(fields).size).toBe(fields.length)
        for (const error of result.errors) {
          expect(Object.keys(FORM_FIELD_LABELS)).toContain(error.field)
          expect(error.message).toMatch(/[\u4e00-\u9fff]/)
          expect(error.code).toMatch(/^[A-Z_]+$/)
        }
      }),
      { numRuns: 500 },
    )
  })
})
