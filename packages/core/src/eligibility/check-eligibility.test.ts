import type { ApplicantFacts, EligibilityReport, PolicyVersionId, UnmetRule } from '../types'
import { checkEligibility, type EligibilityOptions } from './check-eligibility'
import { ELIGIBILITY_CODES, type EligibilityCode } from './codes'
import { facts, idNumberBornOn, TODAY } from './test-support'

const check = (f: ApplicantFacts, opts: Partial<EligibilityOptions> = {}): EligibilityReport =>
  checkEligibility(f, { today: TODAY, ...opts })
const codes = (report: EligibilityReport): string[] => report.unmet.map((rule) => rule.code)
const rule = (report: EligibilityReport, code: EligibilityCode): UnmetRule => {
  const found = report.unmet.find((r) => r.code === code)
  if (!found) throw new Error(`expected ${code} in ${JSON.stringify(codes(report))}`)
  return found
}

describe('checkEligibility: the baseline applicant', () => {
  it('is eligible online under the default (2017) rules with 500 yuan for 36 months', () => {
    expect(check(facts())).toEqual({
      eligible: true,
      channel: 'online',
      unmet: [],
      subsidy: { monthlyYuan: 500, months: 36 },
      policy: '2017',
    })
  })

  it('reports the 2024 version when asked for it', () => {
    const report = check(facts(), { policy: '2024' })
    expect(report.policy).toBe('2024')
    expect(report.eligible).toBe(true)
  })
})

describe('graduation date [seed 一: 2017年1月1日后毕业]', () => {
  // Checked on a day when a 2016/2017 graduate is still inside the 3-year window.
  const early = (graduationDate: string) =>
    checkEligibility(facts({ graduationDate, hukou: { settledOn: '2018-03-01' } }), { today: '2019-06-01' })

  it('refuses 2016-12-31 and accepts 2017-01-01', () => {
    const before = early('2016-12-31')
    expect(codes(before)).toEqual([ELIGIBILITY_CODES.GRADUATED_TOO_EARLY])
    expect(rule(before, 'GRADUATED_TOO_EARLY').field).toBe('graduationDate')
    expect(rule(before, 'GRADUATED_TOO_EARLY')).not.toHaveProperty('metFrom')
    expect(rule(before, 'GRADUATED_TOO_EARLY').message).toContain('2017年1月1日')
    expect(rule(before, 'GRADUATED_TOO_EARLY').source).toContain('一、青年人才补贴申请受理范围')
    expect(early('2017-01-01').eligible).toBe(true)
  })

  it('a graduation still to come is met from the graduation date', () => {
    const report = check(facts({ graduationDate: '2027-06-30', hukou: { settledOn: '2025-01-01' } }))
    expect(codes(report)).toEqual([ELIGIBILITY_CODES.NOT_YET_GRADUATED])
    expect(rule(report, 'NOT_YET_GRADUATED').metFrom).toBe('2027-06-30')
    expect(report.subsidy).toBeUndefined()
  })

  it('graduating today counts as graduated', () => {
    expect(check(facts({ graduationDate: TODAY, hukou: { settledOn: '2025-01-01' } })).eligible).toBe(true)
  })

  it.each(['2024-02-30', '2024/06/30', '', '2024-6-30'])('an unreal or malformed date %p is unmet and skips the date rules', (date) => {
    // The settlement date is far too late for any real graduation date, but with no graduation
    // date to measure from, only the date itself is reported.
    const report = check(facts({ graduationDate: date, hukou: { settledOn: '2026-11-01' } }))
    expect(codes(report)).toEqual([ELIGIBILITY_CODES.GRADUATION_DATE_INVALID])
    expect(rule(report, 'GRADUATION_DATE_INVALID').field).toBe('graduationDate')
  })
})

describe('application window', () => {
  it('applying exactly 3 years after graduating is in time; a day later is not, and no date will fix it', () => {
    const onTime = check(facts({ graduationDate: '2023-11-28', hukou: { settledOn: '2024-01-01' } }))
    expect(onTime.eligible).toBe(true)
    const late = check(facts({ graduationDate: '2023-11-27', hukou: { settledOn: '2024-01-01' } }))
    expect(codes(late)).toEqual([ELIGIBILITY_CODES.APPLICATION_PERIOD_EXPIRED])
    expect(rule(late, 'APPLICATION_PERIOD_EXPIRED')).not.toHaveProperty('metFrom')
    expect(rule(late, 'APPLICATION_PERIOD_EXPIRED').message).toContain('2026年11月27日')
  })

  describe('world top-200 graduates', () => {
    const top200 = (graduationDate: string, worldTop200University: boolean) =>
      facts({ graduationDate, worldTop200University, hukou: { settledOn: '2021-01-01' } })

    it('may apply up to 6 years after graduating under 2024', () => {
      expect(check(top200('2020-11-28', true), { policy: '2024' }).eligible).toBe(true)
      const late = check(top200('2020-11-27', true), { policy: '2024' })
      expect(codes(late)).toEqual([ELIGIBILITY_CODES.APPLICATION_PERIOD_EXPIRED])
      expect(rule(late, 'APPLICATION_PERIOD_EXPIRED').message).toContain('6年')
      expect(rule(late, 'APPLICATION_PERIOD_EXPIRED').source).toContain('2024')
    })

    it('get 3 years under 2024 without the flag, and 3 years under 2017 with it', () => {
      expect(codes(check(top200('2020-11-28', false), { policy: '2024' }))).toEqual(['APPLICATION_PERIOD_EXPIRED'])
      const under2017 = check(top200('2020-11-28', true))
      expect(codes(under2017)).toEqual(['APPLICATION_PERIOD_EXPIRED'])
      expect(rule(under2017, 'APPLICATION_PERIOD_EXPIRED').message).toContain('3年')
    })
  })
})

describe('hukou [seed 一] and settlement within 3 years [ext 2017]', () => {
  it('no Zhengzhou hukou is unmet, with where to settle it', () => {
    const report = check(facts({ hukou: { inZhengzhou: false, district: undefined, settledOn: undefined } }))
    expect(codes(report)).toEqual([ELIGIBILITY_CODES.HUKOU_NOT_IN_ZHENGZHOU])
    expect(rule(report, 'HUKOU_NOT_IN_ZHENGZHOU')).toMatchObject({ field: 'hukou.inZhengzhou' })
    expect(rule(report, 'HUKOU_NOT_IN_ZHENGZHOU').message).toContain('公安户籍服务站')
  })

  it('settled 3 years after graduating is in time; 3 years and 1 day is late', () => {
    // Under 2017 the apply window closes on the same day as the settlement window, so a late
    // settlement is only seen alone under 2024 with a top-200 graduate's 6-year window.
    const graduated = { graduationDate: '2022-06-30', worldTop200University: true }
    const onTime = check(facts({ ...graduated, hukou: { settledOn: '2025-06-30' } }), { policy: '2024' })
    expect(onTime.eligible).toBe(true)
    const late = check(facts({ ...graduated, hukou: { settledOn: '2025-07-01' } }), { policy: '2024' })
    expect(codes(late)).toEqual([ELIGIBILITY_CODES.HUKOU_SETTLED_TOO_LATE])
    expect(rule(late, 'HUKOU_SETTLED_TOO_LATE').field).toBe('hukou.settledOn')
    expect(rule(late, 'HUKOU_SETTLED_TOO_LATE')).not.toHaveProperty('metFrom')
    expect(rule(late, 'HUKOU_SETTLED_TOO_LATE').message).toContain('2025年6月30日')
  })

  it('under 2017 a late settlement comes with an expired application window', () => {
    const report = checkEligibility(facts({ graduationDate: '2022-06-30', hukou: { settledOn: '2025-07-01' } }), {
      today: '2025-08-01',
    })
    expect(codes(report)).toEqual(['APPLICATION_PERIOD_EXPIRED', 'HUKOU_SETTLED_TOO_LATE'])
  })

  it('a hukou in Zhengzhou since before graduating is in time', () => {
    expect(check(facts({ hukou: { settledOn: '1998-05-10' } })).eligible).toBe(true)
  })

  it.each([undefined, '', '  '])('a missing settlement date (%p) is asked for', (settledOn) => {
    const report = check(facts({ hukou: { settledOn } }))
    expect(codes(report)).toEqual([ELIGIBILITY_CODES.HUKOU_SETTLED_ON_MISSING])
    expect(rule(report, 'HUKOU_SETTLED_ON_MISSING').field).toBe('hukou.settledOn')
  })

  it('an unreal settlement date is refused with the format to use', () => {
    const report = check(facts({ hukou: { settledOn: '2024-13-01' } }))
    expect(codes(report)).toEqual([ELIGIBILITY_CODES.HUKOU_SETTLED_ON_INVALID])
    expect(rule(report, 'HUKOU_SETTLED_ON_INVALID').message).toContain('年-月-日')
  })

  it('a settlement date after today is refused; today itself is fine', () => {
    const report = check(facts({ hukou: { settledOn: '2026-11-29' } }))
    expect(codes(report)).toEqual([ELIGIBILITY_CODES.HUKOU_SETTLED_ON_INVALID])
    expect(rule(report, 'HUKOU_SETTLED_ON_INVALID').message).toContain('晚于今天')
    expect(check(facts({ hukou: { settledOn: TODAY } })).eligible).toBe(true)
  })
})

describe('overseas returnees and preparatory technicians go to a window [seed 四(一)5]', () => {
  const returneeWithoutHukou = facts({
    overseasReturnee: true,
    hukou: { inZhengzhou: false, district: undefined, settledOn: undefined },
  })

  it('a returnee without Zhengzhou hukou is unmet under 2017', () => {
    const report = check(returneeWithoutHukou)
    expect(report.channel).toBe('window')
    expect(codes(report)).toEqual([ELIGIBILITY_CODES.HUKOU_NOT_IN_ZHENGZHOU])
  })

  it('a returnee without Zhengzhou hukou is eligible under 2024, still at a window', () => {
    const report = check(returneeWithoutHukou, { policy: '2024' })
    expect(report).toMatchObject({ eligible: true, channel: 'window', unmet: [], policy: '2024' })
  })

  it('a returnee with a hukou is exempt from the settlement deadline under 2024 only', () => {
    const late = facts({ overseasReturnee: true, hukou: { settledOn: undefined } })
    expect(codes(check(late))).toEqual(['HUKOU_SETTLED_ON_MISSING'])
    expect(check(late, { policy: '2024' }).eligible).toBe(true)
  })

  it('a preparatory technician is sent to a window and paid at the bachelor rate', () => {
    const report = check(facts({ education: 'preparatory-technician' }))
    expect(report).toMatchObject({ eligible: true, channel: 'window', subsidy: { monthlyYuan: 500, months: 36 } })
  })

  it('a window applicant still sees every unmet rule', () => {
    const report = check(facts({ education: 'preparatory-technician', socialSecurity: { cardIssued: false } }))
    expect(report.channel).toBe('window')
    expect(codes(report)).toEqual(['SOCIAL_SECURITY_CARD_NOT_ISSUED'])
  })
})

describe('employment [seed 一]', () => {
  it.each([undefined, '', '   '])('an employed applicant must name the employer (%p)', (employer) => {
    const report = check(facts({ employment: { kind: 'employed', employer } }))
    expect(codes(report)).toEqual([ELIGIBILITY_CODES.EMPLOYER_MISSING])
    expect(rule(report, 'EMPLOYER_MISSING').field).toBe('employment.employer')
  })

  it.each([undefined, ''])('a self-employed applicant must give the credit code (%p)', (creditCode) => {
    const report = check(facts({ employment: { kind: 'self-employed', employer: undefined, creditCode } }))
    expect(codes(report)).toEqual([ELIGIBILITY_CODES.CREDIT_CODE_MISSING])
    expect(rule(report, 'CREDIT_CODE_MISSING').field).toBe('employment.creditCode')
    expect(rule(report, 'CREDIT_CODE_MISSING').message).toContain('营业执照')
  })

  it('a self-employed applicant with a credit code gets 36 months', () => {
    const report = check(facts({ employment: { kind: 'self-employed', employer: undefined, creditCode: '91410100MA44XXXX0X' } }))
    expect(report.subsidy).toEqual({ monthlyYuan: 500, months: 36 })
  })

  it.each<PolicyVersionId>(['2017', '2024'])('a graduate not yet employed gets 6 months (%s)', (policy) => {
    const report = check(facts({ employment: { kind: 'unemployed', employer: undefined } }), { policy })
    expect(report.subsidy).toEqual({ monthlyYuan: 500, months: 6 })
  })
})

describe('social security [seed 三]', () => {
  it('needs the card issued and its financial account active', () => {
    const report = check(facts({ socialSecurity: { cardIssued: false, financialAccountActive: false } }))
    expect(codes(report)).toEqual(['SOCIAL_SECURITY_CARD_NOT_ISSUED', 'FINANCIAL_ACCOUNT_INACTIVE'])
    expect(report.unmet.map((r) => r.field)).toEqual(['socialSecurity.cardIssued', 'socialSecurity.financialAccountActive'])
    expect(report.unmet.every((r) => r.metFrom === undefined)).toBe(true)
  })

  it('2017: 2 of 3 months on 2026-11-28 is met from 2026-12-01; 3 months is met', () => {
    const report = check(facts({ socialSecurity: { pensionMonths: 2 } }))
    expect(codes(report)).toEqual([ELIGIBILITY_CODES.PENSION_MONTHS_INSUFFICIENT])
    expect(rule(report, 'PENSION_MONTHS_INSUFFICIENT')).toMatchObject({
      field: 'socialSecurity.pensionMonths',
      metFrom: '2026-12-01',
    })
    expect(rule(report, 'PENSION_MONTHS_INSUFFICIENT').message).toContain('2026年12月1日')
    expect(rule(report, 'PENSION_MONTHS_INSUFFICIENT').source).toContain('三、社保事项办理')
    expect(check(facts({ socialSecurity: { pensionMonths: 3 } })).eligible).toBe(true)
  })

  it.each([
    [0, TODAY, '2027-02-01'],
    [1, TODAY, '2027-01-01'],
    [2, '2026-12-31', '2027-01-01'],
    [2, '2026-12-01', '2027-01-01'],
    [0, '2026-11-01', '2027-02-01'],
  ])('2017: %i months paid on %s is met from %s', (pensionMonths, today, metFrom) => {
    const report = checkEligibility(facts({ socialSecurity: { pensionMonths } }), { today })
    expect(rule(report, 'PENSION_MONTHS_INSUFFICIENT').metFrom).toBe(metFrom)
  })

  it('2024: 0 of 1 month on 2026-11-28 is met from 2026-12-01; 1 month is met', () => {
    const report = check(facts({ socialSecurity: { pensionMonths: 0 } }), { policy: '2024' })
    expect(codes(report)).toEqual([ELIGIBILITY_CODES.PENSION_MONTHS_INSUFFICIENT])
    expect(rule(report, 'PENSION_MONTHS_INSUFFICIENT').metFrom).toBe('2026-12-01')
    expect(rule(report, 'PENSION_MONTHS_INSUFFICIENT').source).toContain('2024')
    expect(check(facts({ socialSecurity: { pensionMonths: 1 } }), { policy: '2024' }).eligible).toBe(true)
    // The same single month is not enough under the seed's rules.
    expect(codes(check(facts({ socialSecurity: { pensionMonths: 1 } })))).toEqual(['PENSION_MONTHS_INSUFFICIENT'])
  })

  it.each([-1, 2.5, Number.NaN])('a count the registry cannot have reported (%p) counts as none', (pensionMonths) => {
    const report = check(facts({ socialSecurity: { pensionMonths } }))
    expect(rule(report, 'PENSION_MONTHS_INSUFFICIENT').metFrom).toBe('2027-02-01')
    expect(rule(report, 'PENSION_MONTHS_INSUFFICIENT').message).toContain('目前为0个月')
  })
})

describe('age: under 35 on the day, except doctorates [ext 2017 / 2024]', () => {
  // Graduated recently enough for the apply window; only the birth date changes.
  const bornOn = (birthDate: string, education: ApplicantFacts['education'] = 'bachelor') =>
    facts({ idNumber: idNumberBornOn(birthDate), education })

  it.each(['master', 'bachelor', 'preparatory-technician'] as const)('%s: 35 today, or yesterday, is too old; 35 tomorrow is not', (education) => {
    const birthdayToday = check(bornOn('1991-11-28', education))
    expect(codes(birthdayToday)).toEqual([ELIGIBILITY_CODES.AGE_LIMIT_EXCEEDED])
    expect(rule(birthdayToday, 'AGE_LIMIT_EXCEEDED').field).toBe('idNumber')
    expect(rule(birthdayToday, 'AGE_LIMIT_EXCEEDED')).not.toHaveProperty('metFrom')
    expect(rule(birthdayToday, 'AGE_LIMIT_EXCEEDED').message).toContain('2026年11月28日年满35周岁')
    expect(codes(check(bornOn('1991-11-27', education)))).toEqual(['AGE_LIMIT_EXCEEDED'])
    expect(check(bornOn('1991-11-29', education)).eligible).toBe(true)
  })

  it.each(['1992-11-27', '1992-11-28', '1992-11-29'])('a bachelor turning 34 around today (born %s) qualifies', (birthDate) => {
    expect(check(bornOn(birthDate)).eligible).toBe(true)
  })

  it.each<PolicyVersionId>(['2017', '2024'])('a doctorate aged 40 qualifies (%s)', (policy) => {
    const report = check(bornOn('1986-11-28', 'doctorate'), { policy })
    expect(report).toMatchObject({ eligible: true, subsidy: { monthlyYuan: 1500, months: 36 } })
  })

  it('applies the same limit under 2024', () => {
    expect(codes(check(bornOn('1991-11-28', 'master'), { policy: '2024' }))).toEqual(['AGE_LIMIT_EXCEEDED'])
  })

  it('born on 29 February: turns 35 on 28 February of a common year (clamped to the month’s end)', () => {
    const leapling = facts({ idNumber: idNumberBornOn('1992-02-29'), graduationDate: '2025-06-30', hukou: { settledOn: '2025-07-10' } })
    expect(checkEligibility(leapling, { today: '2027-02-27' }).eligible).toBe(true)
    const report = checkEligibility(leapling, { today: '2027-02-28' })
    expect(codes(report)).toEqual(['AGE_LIMIT_EXCEEDED'])
    expect(rule(report, 'AGE_LIMIT_EXCEEDED').message).toContain('2027年2月28日')
  })
})

describe('ID number', () => {
  it.each([
    ['too short', '41010219980510123'],
    ['wrong check character', `${idNumberBornOn('1998-05-10').slice(0, 17)}${idNumberBornOn('1998-05-10').endsWith('0') ? '1' : '0'}`],
    ['born after today', idNumberBornOn('2026-11-29')],
  ])('an invalid one (%s) is unmet with the parser’s message, and age is not checked', (_case, idNumber) => {
    const report = check(facts({ idNumber, education: 'master' }))
    expect(codes(report)).toEqual([ELIGIBILITY_CODES.ID_NUMBER_INVALID])
    expect(rule(report, 'ID_NUMBER_INVALID').field).toBe('idNumber')
    expect(rule(report, 'ID_NUMBER_INVALID').message).toMatch(/身份证号码/)
  })

  it('accepts a lower-case check character x', () => {
    // Some sequence code gives the check character X: the sequence digits move it through all values.
    const withX = Array.from({ length: 100 }, (_, i) => String(100 + i))
      .map((sequence) => idNumberBornOn('1998-05-10', sequence))
      .find((id) => id.endsWith('X'))
    expect(withX).toBeDefined()
    expect(check(facts({ idNumber: withX!.toLowerCase() })).eligible).toBe(true)
  })
})

describe('amounts [ext 2017: 博士1500 / 硕士1000 / 本科500 / 预备技师按本科]', () => {
  it.each([
    ['doctorate', 1500],
    ['master', 1000],
    ['bachelor', 500],
    ['preparatory-technician', 500],
  ] as const)('%s: %i yuan a month under both versions', (education, monthlyYuan) => {
    for (const policy of ['2017', '2024'] as const) {
      expect(check(facts({ education }), { policy }).subsidy).toEqual({ monthlyYuan, months: 36 })
    }
  })

  it('no subsidy while any rule is unmet', () => {
    const report = check(facts({ socialSecurity: { financialAccountActive: false } }))
    expect(report.eligible).toBe(false)
    expect(report).not.toHaveProperty('subsidy')
  })
})

describe('several rules at once', () => {
  it('reports every unmet rule, in the order of the form, not just the first', () => {
    const report = check(
      facts({
        idNumber: idNumberBornOn('1985-01-01'),
        education: 'master',
        graduationDate: '2016-06-30',
        hukou: { inZhengzhou: false, settledOn: undefined },
        employment: { kind: 'employed', employer: '' },
        socialSecurity: { cardIssued: false, financialAccountActive: false, pensionMonths: 1 },
      }),
    )
    expect(report.eligible).toBe(false)
    expect(codes(report)).toEqual([
      'AGE_LIMIT_EXCEEDED',
      'GRADUATED_TOO_EARLY',
      'APPLICATION_PERIOD_EXPIRED',
      'HUKOU_NOT_IN_ZHENGZHOU',
      'EMPLOYER_MISSING',
      'SOCIAL_SECURITY_CARD_NOT_ISSUED',
      'FINANCIAL_ACCOUNT_INACTIVE',
      'PENSION_MONTHS_INSUFFICIENT',
    ])
    expect(report.subsidy).toBeUndefined()
  })
})

describe('every rule, every code', () => {
  const FACT_FIELDS = new Set([
    'idNumber',
    'education',
    'graduationDate',
    'overseasReturnee',
    'worldTop200University',
    'hukou.inZhengzhou',
    'hukou.district',
    'hukou.settledOn',
    'employment.kind',
    'employment.employer',
    'employment.creditCode',
    'socialSecurity.cardIssued',
    'socialSecurity.financialAccountActive',
    'socialSecurity.pensionMonths',
  ])
  // One applicant per code who fails exactly that rule (on TODAY, under 2017 unless noted);
  // BIRTH_DATE_INVALID is checkEligibilityByBirthDate's (check-eligibility-by-birth-date.test.ts).
  const CASES: Record<Exclude<EligibilityCode, 'BIRTH_DATE_INVALID'>, [ApplicantFacts, Partial<EligibilityOptions>?]> = {
    ID_NUMBER_INVALID: [facts({ idNumber: '123' })],
    AGE_LIMIT_EXCEEDED: [facts({ idNumber: idNumberBornOn('1990-01-01') })],
    GRADUATION_DATE_INVALID: [facts({ graduationDate: 'not a date' })],
    GRADUATED_TOO_EARLY: [facts({ graduationDate: '2016-12-31', hukou: { settledOn: '2018-01-01' } }), { today: '2019-06-01' }],
    NOT_YET_GRADUATED: [facts({ graduationDate: '2027-01-10' })],
    APPLICATION_PERIOD_EXPIRED: [facts({ graduationDate: '2023-01-01', hukou: { settledOn: '2023-02-01' } })],
    HUKOU_NOT_IN_ZHENGZHOU: [facts({ hukou: { inZhengzhou: false } })],
    HUKOU_SETTLED_ON_MISSING: [facts({ hukou: { settledOn: undefined } })],
    HUKOU_SETTLED_ON_INVALID: [facts({ hukou: { settledOn: '2024-02-30' } })],
    HUKOU_SETTLED_TOO_LATE: [facts({ graduationDate: '2021-01-01', worldTop200University: true, hukou: { settledOn: '2024-01-02' } }), { policy: '2024' }],
    EMPLOYER_MISSING: [facts({ employment: { employer: undefined } })],
    CREDIT_CODE_MISSING: [facts({ employment: { kind: 'self-employed' } })],
    SOCIAL_SECURITY_CARD_NOT_ISSUED: [facts({ socialSecurity: { cardIssued: false } })],
    FINANCIAL_ACCOUNT_INACTIVE: [facts({ socialSecurity: { financialAccountActive: false } })],
    PENSION_MONTHS_INSUFFICIENT: [facts({ socialSecurity: { pensionMonths: 0 } })],
  }

  it('covers every exported code', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.values(ELIGIBILITY_CODES).filter((code) => code !== 'BIRTH_DATE_INVALID').sort())
  })

  it.each(Object.entries(CASES))('%s: alone, with a Chinese message, a source and a form field', (code, [applicant, opts]) => {
    const report = check(applicant, opts)
    expect(codes(report)).toEqual([code])
    const [unmet] = report.unmet
    expect(unmet?.message).toMatch(/[\u4e00-\u9fff]/)
    expect(unmet?.message.length).toBeGreaterThan(8)
    expect(unmet?.source).toMatch(/[\u4e00-\u9fff]/)
    expect(FACT_FIELDS.has(unmet?.field ?? '')).toBe(true)
    if (unmet?.metFrom !== undefined) expect(unmet.metFrom > (opts?.today ?? TODAY)).toBe(true)
  })
})

describe('caller errors', () => {
  it.each(['', '2026-02-30', '2026/11/28'])('a malformed today (%p) is a programming error and throws', (today) => {
    expect(() => checkEligibility(facts(), { today })).toThrow(RangeError)
  })

  it('an unknown policy version throws', () => {
    expect(() => checkEligibility(facts(), { today: TODAY, policy: '2020' as PolicyVersionId })).toThrow(/2020/)
  })
})
