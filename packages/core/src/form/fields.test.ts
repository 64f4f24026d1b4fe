import type { FieldRuleName } from './field-definition'
import { FORM_FIELDS, FORM_SECTIONS, formField, formFieldFor, formFieldsUnder, isFormField } from './fields'
import { FORM_FIELD_LABELS } from './labels'
import { FORM_RULES, type FieldRule } from './rules'
import { validInput } from './test-support'
import { validateApplicationForm } from './validate-application-form'

const today = '2025-06-30'

/** Bodies that between them show every field of the table, each with a valid answer. */
const BODIES = {
  domesticEmployed: {
    facts: { ...validInput().facts, worldTop200University: true },
    details: { ...validInput().details, chsiVerificationCode: 'A1B2C3D4E5F6G7H8' },
  },
  returneeSelfEmployed: {
    facts: {
      education: 'doctorate',
      graduationDate: '2022-12-01',
      overseasReturnee: true,
      hukou: { inZhengzhou: false },
      employment: { kind: 'self-employed', creditCode: '91110000600037341L' },
    },
    details: { mobile: '13803711234', school: 'University of Leeds', major: 'Physics', graduationCertificateNo: 'CSCSE20230815', degreeCertificateNo: 'UK2023A77' },
  },
}

describe('FORM_FIELDS drives validateApplicationForm', () => {
  const ruleNames = Object.keys(FORM_RULES) as FieldRuleName[]
  let applied: Map<string, Set<FieldRuleName>>

  beforeEach(() => {
    applied = new Map()
    for (const name of ruleNames) {
      const original = FORM_RULES[name]
      jest.spyOn(FORM_RULES, name).mockImplementation(((raw, field, context) => {
        applied.set(field.key, new Set([...(applied.get(field.key) ?? []), name]))
        return original(raw, field, context)
      }) as FieldRule)
    }
  })

  afterEach(() => jest.restoreAllMocks())

  it('checks every field with the rule the table names for it, and with no other', () => {
    for (const body of Object.values(BODIES)) expect(validateApplicationForm(body, { today })).toMatchObject({ ok: true })
    // Wrong answers reach the rules too.
    validateApplicationForm({ facts: { education: 42, hukou: { inZhengzhou: 'yes' } }, details: { chsiVerificationCode: '#' } }, { today })
    for (const field of FORM_FIELDS) {
      expect([field.key, [...(applied.get(field.key) ?? [])]]).toEqual([field.key, [field.rule]])
    }
  })

  it('takes a field’s answer from the rule: a rule that refuses everything refuses that field only', () => {
    jest.spyOn(FORM_RULES, 'mobile').mockReturnValue({ ok: false, code: 'MOBILE_FORMAT', message: '测试：不收' })
    const result = validateApplicationForm(BODIES.domesticEmployed, { today })
    expect(result).toEqual({ ok: false, errors: [{ field: 'details.mobile', code: 'MOBILE_FORMAT', message: '测试：不收' }] })
  })

  it('an optional field left empty is not checked, and not sent back', () => {
    const { chsiVerificationCode: _code, ...details } = BODIES.domesticEmployed.details
    const result = validateApplicationForm({ ...BODIES.domesticEmployed, details }, { today })
    expect(result.ok && result.value.details).not.toHaveProperty('chsiVerificationCode')
    expect(applied.has('details.chsiVerificationCode')).toBe(false)
  })
})

describe('the 学信网 online verification code field', () => {
  it('is optional, normalised when given, and refused with the field’s code when malformed', () => {
    const body = (chsiVerificationCode: unknown) => ({ ...BODIES.domesticEmployed, details: { ...BODIES.domesticEmployed.details, chsiVerificationCode } })
    const accepted = validateApplicationForm(body('a1b2 c3d4 e5f6 g7h8'), { today })
    expect(accepted.ok && accepted.value.details.chsiVerificationCode).toBe('A1B2C3D4E5F6G7H8')
    expect(validateApplicationForm(body(''), { today }).ok).toBe(true)
    expect(validateApplicationForm(body('123456789012'), { today })).toEqual({
      ok: false,
      errors: [{ field: 'details.chsiVerificationCode', code: 'CHSI_CODE_FORMAT', message: expect.stringContaining('16位') }],
    })
  })
})

describe('the table itself', () => {
  it('has unique keys and ids, known sections and rules, and options exactly for choices', () => {
    expect(new Set(FORM_FIELDS.map((f) => f.key)).size).toBe(FORM_FIELDS.length)
    expect(new Set(FORM_FIELDS.map((f) => f.id)).size).toBe(FORM_FIELDS.length)
    const sections = FORM_SECTIONS.map((s) => s.id) as string[]
    for (const field of FORM_FIELDS) {
      expect(sections).toContain(field.section)
      expect(FORM_RULES[field.rule]).toBeInstanceOf(Function)
      expect('options' in field).toBe(field.widget === 'select' || field.widget === 'radio')
      expect(field.rule === 'yes-no').toBe(field.widget === 'switch')
      expect(field.key).toMatch(/^(facts|details)\./)
    }
  })

  it('lists a section’s fields together, sections in FORM_SECTIONS order', () => {
    const order = FORM_FIELDS.map((f) => FORM_SECTIONS.findIndex((s) => s.id === f.section))
    expect(order).toEqual([...order].sort((a, b) => a - b))
  })

  it('decides a field’s visibility only on a field shown before it', () => {
    FORM_FIELDS.forEach((field, index) => {
      if (!('shownWhen' in field)) return
      const decider = FORM_FIELDS.findIndex((f) => f.key === field.shownWhen.field)
      expect(decider).toBeGreaterThanOrEqual(0)
      expect(decider).toBeLessThan(index)
      expect('shownWhen' in FORM_FIELDS[decider]!).toBe(false)
    })
  })

  it('gives FORM_FIELD_LABELS, in its order', () => {
    expect(Object.entries(FORM_FIELD_LABELS)).toEqual(FORM_FIELDS.map((f) => [f.key, f.label]))
  })

  it('finds a field by key, by an eligibility rule’s name or a bare details name, and a group’s fields', () => {
    expect(formField('details.mobile').label).toBe('手机号码')
    expect(() => formField('details.nope' as never)).toThrow(RangeError)
    expect(isFormField('facts.education')).toBe(true)
    expect(isFormField('education')).toBe(false)
    expect(formFieldFor('hukou.settledOn')).toBe('facts.hukou.settledOn')
    expect(formFieldFor('mobile')).toBe('details.mobile')
    expect(formFieldFor('details.school')).toBe('details.school')
    expect(formFieldFor('idNumber')).toBeUndefined()
    expect(formFieldFor(undefined)).toBeUndefined()
    expect(formFieldsUnder('hukou')).toEqual(['facts.hukou.inZhengzhou', 'facts.hukou.district', 'facts.hukou.settledOn'])
    expect(formFieldsUnder('facts.graduationDate')).toEqual(['facts.graduationDate'])
    expect(formFieldsUnder('facts.hukouExtra')).toEqual([])
  })
})
