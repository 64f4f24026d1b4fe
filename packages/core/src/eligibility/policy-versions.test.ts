import type { Education } from '../types'
import { DEFAULT_POLICY, isPolicyVersionId, POLICY_VERSIONS, policyVersionFor, type PolicyParameters } from './policy-versions'

const PARAMETERS: (keyof PolicyParameters)[] = [
  'minGraduationDate',
  'pensionMonthsRequired',
  'ageLimit',
  'settleWithinYears',
  'applyWithinYears',
  'applyWithinYearsWorldTop200',
  'monthlyYuan',
  'months',
  'unemployedMonths',
  'returneesExemptFromHukou',
  'lapsedMonth',
]

describe('POLICY_VERSIONS', () => {
  it('defaults to the seed’s 2017 rules', () => {
    expect(DEFAULT_POLICY).toBe('2017')
  })

  it.each(['2017', '2024'] as const)('%s: keyed by its own id, named, dated and sourced parameter by parameter', (id) => {
    const version = POLICY_VERSIONS[id]
    expect(version.id).toBe(id)
    expect(version.name).toMatch(/^《.+》/)
    expect(version.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(version.source).toContain(version.name.slice(0, 8))
    expect(Object.keys(version.sources).sort()).toEqual([...PARAMETERS].sort())
    for (const parameter of PARAMETERS) expect(version.sources[parameter]).toMatch(/[\u4e00-\u9fff]{4}/)
  })

  it('2017: the seed’s and the 2017 text’s numbers', () => {
    expect(POLICY_VERSIONS['2017']).toMatchObject({
      name: '《关于实施“智汇郑州”人才工程加快推进国家中心城市建设的意见》（郑发〔2017〕23号）及配套细则',
      effectiveFrom: '2017-11-01',
      minGraduationDate: '2017-01-01',
      pensionMonthsRequired: 3,
      ageLimit: { doctorate: null, master: 35, bachelor: 35, 'preparatory-technician': 35 },
      settleWithinYears: 3,
      applyWithinYears: 3,
      applyWithinYearsWorldTop200: null,
      monthlyYuan: { doctorate: 1500, master: 1000, bachelor: 500, 'preparatory-technician': 500 },
      months: 36,
      unemployedMonths: 6,
      returneesExemptFromHukou: false,
      lapsedMonth: 'skip',
    })
    expect(POLICY_VERSIONS['2017'].sources.lapsedMonth).toContain('不补发')
    expect(POLICY_VERSIONS['2017'].sources.pensionMonthsRequired).toContain('三、社保事项办理')
    expect(POLICY_VERSIONS['2017'].sources.minGraduationDate).toContain('2017年1月1日后毕业')
  })

  it('2024: what the press reports changed, and an effective date marked as assumed', () => {
    const v2024 = POLICY_VERSIONS['2024']
    expect(v2024).toMatchObject({
      name: '《郑州市学历人才生活补贴发放实施细则》',
      effectiveFrom: '2024-01-01',
      pensionMonthsRequired: 1,
      applyWithinYears: 3,
      applyWithinYearsWorldTop200: 6,
      returneesExemptFromHukou: true,
      lapsedMonth: 'skip',
    })
    expect(v2024.effectiveFromNote).toContain('假定')
    // Amounts and ages are the same as 2017 (policy.md).
    for (const education of ['doctorate', 'master', 'bachelor', 'preparatory-technician'] as Education[]) {
      expect(v2024.monthlyYuan[education]).toBe(POLICY_VERSIONS['2017'].monthlyYuan[education])
      expect(v2024.ageLimit[education]).toBe(POLICY_VERSIONS['2017'].ageLimit[education])
    }
  })
})

describe('policyVersionFor', () => {
  it.each([
    ['2017-10-31', undefined],
    ['2017-11-01', '2017'],
    ['2018-01-02', '2017'],
    ['2023-12-31', '2017'],
    ['2024-01-01', '2024'],
    ['2026-11-28', '2024'],
  ])('%s → %s', (date, expected) => {
    expect(policyVersionFor(date)).toBe(expected)
  })
})

describe('isPolicyVersionId', () => {
  it.each([
    ['2017', true],
    ['2024', true],
    ['2020', false],
    ['toString', false],
    [2017, false],
    [undefined, false],
  ])('%p → %p', (value, expected) => {
    expect(isPolicyVersionId(value)).toBe(expected)
  })
})
