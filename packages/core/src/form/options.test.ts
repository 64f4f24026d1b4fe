import { DISTRICTS } from '../directories/districts'
import { EDUCATION_LABELS, EMPLOYMENT_KIND_LABELS } from '../eligibility/labels'
import { FORM_EDUCATION_OPTIONS, FORM_EMPLOYMENT_OPTIONS } from './options'
import { validateApplicationForm } from './validate-application-form'

describe('the form’s choices', () => {
  it('offer the education levels in the words of EDUCATION_LABELS, the seed’s for technical schools', () => {
    expect(FORM_EDUCATION_OPTIONS.map((o) => o.value)).toEqual(['doctorate', 'master', 'bachelor', 'preparatory-technician'])
    for (const option of FORM_EDUCATION_OPTIONS) expect(option.label).toBe(EDUCATION_LABELS[option.value])
    expect(FORM_EDUCATION_OPTIONS[3].label).toBe('技工院校全日制预备技师(技师)')
  })

  it('offer the employment situations in the words of EMPLOYMENT_KIND_LABELS', () => {
    expect(FORM_EMPLOYMENT_OPTIONS.map((o) => o.value)).toEqual(['employed', 'self-employed', 'unemployed'])
    expect(FORM_EMPLOYMENT_OPTIONS.map((o) => o.label)).toEqual([
      EMPLOYMENT_KIND_LABELS.employed,
      `${EMPLOYMENT_KIND_LABELS['self-employed']}（有营业执照）`,
      EMPLOYMENT_KIND_LABELS.unemployed,
    ])
  })

  it('offer the districts of DISTRICTS, in its order', () => {
    const result = validateApplicationForm(
      { facts: { hukou: { inZhengzhou: true, district: '朝阳区', settledOn: '2024-08-01' } } },
      { today: '2025-06-30' },
    )
    const district = result.ok ? undefined : result.errors.find((e) => e.field === 'facts.hukou.district')
    expect(district?.code).toBe('INVALID_OPTION')
    expect(district?.message).toContain(DISTRICTS.map((d) => `“${d}”`).join('、'))
    for (const choice of DISTRICTS) {
      const accepted = validateApplicationForm(
        { facts: { hukou: { inZhengzhou: true, district: choice, settledOn: '2024-08-01' } } },
        { today: '2025-06-30' },
      )
      expect(accepted.ok || accepted.errors.some((e) => e.field === 'facts.hukou.district')).toBe(false)
    }
  })
})
