import { checkEligibilityByBirthDate } from '../eligibility/check-eligibility'
import { FORM_FIELDS, FORM_SECTIONS, formField } from './fields'
import { dateBounds } from './rules'
import { validateApplicationForm } from './validate-application-form'
import {
  EMPTY_FORM_VALUES,
  fieldValueText,
  formBody,
  formValuesFrom,
  isFieldShown,
  provisionalFacts,
  shownSections,
  type FormValues,
} from './values'
import { visibility } from './visibility'

const today = '2025-06-30'

const COMPLETE: FormValues = {
  ...EMPTY_FORM_VALUES,
  'facts.education': 'bachelor',
  'details.school': ' 郑州大学 ',
  'details.major': '软件工程',
  'facts.graduationDate': '2024-06-30',
  'details.graduationCertificateNo': '104591202405001234',
  'details.degreeCertificateNo': '1045942024001234',
  'facts.hukou.district': '金水区',
  'facts.hukou.settledOn': '2024-07-15',
  'facts.employment.kind': 'employed',
  'facts.employment.employer': '郑州某某科技有限公司',
  'details.mobile': '13803711234',
}

describe('the form on screen, read off FORM_FIELDS', () => {
  it('starts empty: every text and choice blank, every switch at its initial answer', () => {
    expect(Object.keys(EMPTY_FORM_VALUES)).toEqual(FORM_FIELDS.map((f) => f.key))
    expect(EMPTY_FORM_VALUES['facts.hukou.inZhengzhou']).toBe(true)
    expect(EMPTY_FORM_VALUES['facts.overseasReturnee']).toBe(false)
    expect(EMPTY_FORM_VALUES['details.mobile']).toBe('')
  })

  it('becomes the body core validates: trimmed, hidden branches and blanks left out', () => {
    const body = formBody({ ...COMPLETE, 'facts.employment.creditCode': '91110000600037341L', 'details.chsiVerificationCode': '  ' })
    expect(body).toEqual({
      facts: {
        education: 'bachelor',
        graduationDate: '2024-06-30',
        overseasReturnee: false,
        worldTop200University: false,
        hukou: { inZhengzhou: true, district: '金水区', settledOn: '2024-07-15' },
        employment: { kind: 'employed', employer: '郑州某某科技有限公司' },
      },
      details: {
        school: '郑州大学',
        major: '软件工程',
        graduationCertificateNo: '104591202405001234',
        degreeCertificateNo: '1045942024001234',
        mobile: '13803711234',
      },
    })
    expect(validateApplicationForm(body, { today }).ok).toBe(true)
    const elsewhere = formBody({ ...COMPLETE, 'facts.hukou.inZhengzhou': false })
    expect(elsewhere.facts.hukou).toEqual({ inZhengzhou: false })
  })

  it('comes back from what was filed, so a form filed elsewhere shows here', () => {
    const validated = validateApplicationForm(formBody(COMPLETE), { today })
    if (!validated.ok) throw new Error('the complete form should be valid')
    const back = formValuesFrom(validated.value)
    expect({ ...EMPTY_FORM_VALUES, ...back }).toEqual({ ...COMPLETE, 'details.school': '郑州大学' })
    expect(formValuesFrom({ facts: null, details: null })).toBeUndefined()
    expect(formValuesFrom({ facts: { education: 42, overseasReturnee: 'no' }, details: {} })).toEqual({})
  })

  it('gives the stated facts for a live report: unanswered choices add no rule, unanswered dates are reported', () => {
    const facts = provisionalFacts(EMPTY_FORM_VALUES)
    expect(facts).toMatchObject({ education: 'bachelor', graduationDate: '', employment: { kind: 'employed' }, hukou: { inZhengzhou: true } })
    const report = checkEligibilityByBirthDate(
      { ...facts, birthDate: '1998-05-10', socialSecurity: { cardIssued: true, financialAccountActive: true, pensionMonths: 12 } },
      { today },
    )
    expect(report.unmet.map((r) => r.code)).toEqual(['GRADUATION_DATE_INVALID', 'HUKOU_SETTLED_ON_MISSING', 'EMPLOYER_MISSING'])
    expect(provisionalFacts(COMPLETE)).toEqual(validateApplicationForm(formBody(COMPLETE), { today }).ok && formBody(COMPLETE).facts)
  })

  it('shows a field asked for some answers once one is given; a field skipped for some answers until one is', () => {
    const employer = formField('facts.employment.employer')
    const degree = formField('details.degreeCertificateNo')
    expect(isFieldShown(employer, EMPTY_FORM_VALUES)).toBe(false)
    expect(isFieldShown(employer, { ...EMPTY_FORM_VALUES, 'facts.employment.kind': 'employed' })).toBe(true)
    expect(isFieldShown(employer, { ...EMPTY_FORM_VALUES, 'facts.employment.kind': 'unemployed' })).toBe(false)
    expect(isFieldShown(degree, EMPTY_FORM_VALUES)).toBe(true)
    expect(isFieldShown(degree, { ...EMPTY_FORM_VALUES, 'facts.education': 'preparatory-technician' })).toBe(false)
    expect(isFieldShown(formField('details.mobile'), EMPTY_FORM_VALUES)).toBe(true)
    expect(visibility(degree, () => undefined)).toBe('undecided')
  })

  it('groups the shown fields by section, in order', () => {
    const groups = shownSections(FORM_SECTIONS, FORM_FIELDS, { ...EMPTY_FORM_VALUES, 'facts.hukou.inZhengzhou': false })
    expect(groups.map((g) => g.section.title)).toEqual(['学历信息', '户籍信息', '就业信息', '联系方式'])
    expect(groups[1]?.fields.map((f) => f.key)).toEqual(['facts.hukou.inZhengzhou'])
    expect(shownSections([{ id: 'nothing', title: '无' }], FORM_FIELDS, EMPTY_FORM_VALUES)).toEqual([])
  })

  it('says a value in words', () => {
    expect(fieldValueText(formField('facts.education'), 'preparatory-technician')).toBe('技工院校全日制预备技师(技师)')
    expect(fieldValueText(formField('facts.overseasReturnee'), true)).toBe('是')
    expect(fieldValueText(formField('facts.overseasReturnee'), false)).toBe('否')
    expect(fieldValueText(formField('details.school'), '郑州大学')).toBe('郑州大学')
    expect(fieldValueText(formField('details.school'), '')).toBe('')
    expect(fieldValueText(formField('facts.graduationDate'), undefined)).toBe('')
  })

  it('bounds a date field by the day of use', () => {
    expect(dateBounds(formField('facts.graduationDate'), today)).toEqual({ earliest: '1900-01-01', latest: today })
    const graduation = formField('facts.graduationDate')
    expect(dateBounds({ ...graduation, bounds: { latest: 'end-of-next-year' } }, today)).toEqual({ earliest: '1900-01-01', latest: '2026-12-31' })
    expect(dateBounds({ ...graduation, bounds: undefined }, today)).toEqual({ earliest: '1900-01-01', latest: today })
  })
})
