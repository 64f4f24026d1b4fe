import { checkEligibilityByBirthDate } from '../eligibility/check-eligibility'
import type { FieldDefinition } from './field-definition'
import { formField, type FormField } from './fields'
import { SELF_CHECK_FIELDS, SELF_CHECK_SECTIONS, evaluateSelfCheck } from './self-check'
import { emptyValues } from './values'

const today = '2025-06-15'

const ANSWERED = {
  ...emptyValues(SELF_CHECK_FIELDS),
  'facts.education': 'master',
  birthDate: '1996-05-01',
  'facts.graduationDate': '2024-06-30',
  'facts.hukou.settledOn': '2024-08-01',
  'facts.employment.kind': 'employed',
  'socialSecurity.pensionMonths': '6',
}

describe('the self-check’s questions', () => {
  it('ask the form’s questions in the form’s words', () => {
    for (const question of SELF_CHECK_FIELDS.filter((q) => q.key.startsWith('facts.'))) {
      const row: FieldDefinition = formField(question.key as FormField)
      expect([question.label, question.options, question.rule, question.widget]).toEqual([row.label, row.options, row.rule, row.widget])
    }
    expect(new Set(SELF_CHECK_FIELDS.map((q) => q.id)).size).toBe(SELF_CHECK_FIELDS.length)
    for (const question of SELF_CHECK_FIELDS) expect(SELF_CHECK_SECTIONS.map((s) => s.id) as string[]).toContain(question.section)
  })

  it('say what is still to answer, in page order', () => {
    const outcome = evaluateSelfCheck(emptyValues(SELF_CHECK_FIELDS), { today })
    expect(outcome.report).toBeUndefined()
    expect(outcome.missing.map((q) => q.label)).toEqual(['学历', '出生日期', '毕业日期', '落户日期', '就业情况', '在郑州连续按时缴纳养老保险的月数'])
    expect(evaluateSelfCheck({ ...ANSWERED, 'facts.hukou.inZhengzhou': false, 'facts.hukou.settledOn': '' }, { today }).missing).toEqual([])
  })

  it('give core’s report by birth date once everything is answered', () => {
    const outcome = evaluateSelfCheck(ANSWERED, { today })
    expect(outcome.report).toEqual(
      checkEligibilityByBirthDate(
        {
          birthDate: '1996-05-01',
          education: 'master',
          graduationDate: '2024-06-30',
          overseasReturnee: false,
          hukou: { inZhengzhou: true, settledOn: '2024-08-01' },
          employment: { kind: 'employed', employer: '自查未填', creditCode: '自查未填' },
          socialSecurity: { cardIssued: true, financialAccountActive: true, pensionMonths: 6 },
        },
        { today },
      ),
    )
    expect(outcome.report).toMatchObject({ eligible: true, subsidy: { monthlyYuan: 1000 } })
  })

  it('accept a graduation still to come, and tell when it will be met', () => {
    const outcome = evaluateSelfCheck({ ...ANSWERED, 'facts.graduationDate': '2026-06-30', 'facts.hukou.settledOn': '2025-01-01' }, { today })
    expect(outcome.report?.unmet).toEqual([expect.objectContaining({ code: 'NOT_YET_GRADUATED', metFrom: '2026-06-30' })])
    expect(evaluateSelfCheck({ ...ANSWERED, 'facts.graduationDate': '2027-01-01' }, { today }).errors).toEqual([
      expect.objectContaining({ field: 'facts.graduationDate', code: 'DATE_TOO_LATE', message: expect.stringContaining('2026年12月31日') }),
    ])
  })

  it('refuse a count that is not a number, and give no report', () => {
    const outcome = evaluateSelfCheck({ ...ANSWERED, 'socialSecurity.pensionMonths': '六' }, { today })
    expect(outcome.report).toBeUndefined()
    expect(outcome.errors).toEqual([expect.objectContaining({ field: 'socialSecurity.pensionMonths', code: 'NUMBER_FORMAT' })])
  })

  it('send returnees and technicians to a window', () => {
    expect(evaluateSelfCheck({ ...ANSWERED, 'facts.overseasReturnee': true }, { today }).report?.channel).toBe('window')
    expect(evaluateSelfCheck({ ...ANSWERED, 'facts.education': 'preparatory-technician' }, { today }).report?.channel).toBe('window')
  })
})
