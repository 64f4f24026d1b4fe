/** The bundled demo registry: every person parses with core and tells the story the README claims. */
import { checkEligibility, parseCardNumber, parseIdNumber, parseName } from '@zhihui/core'
import { DEMO_PEOPLE } from '../../packages/server/src/registry'

const ageOn = (birthDate: string, day: string) => Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (day.slice(5) < birthDate.slice(5) ? 1 : 0)

it('has valid ID numbers (check characters included) from Zhengzhou, and valid names and card numbers', () => {
  for (const person of DEMO_PEOPLE) {
    const id = parseIdNumber(person.idNumber, { today: '2026-11-30' })
    expect(id).toMatchObject({ ok: true })
    expect(person.idNumber.startsWith('4101')).toBe(true)
    expect(parseName(person.name)).toEqual({ ok: true, value: person.name })
    expect(parseCardNumber(person.cardNumber)).toEqual({ ok: true, value: person.cardNumber })
    expect(person.cardNumber).toHaveLength(9)
  }
  expect(new Set(DEMO_PEOPLE.map((p) => p.idNumber)).size).toBe(DEMO_PEOPLE.length)
  expect(new Set(DEMO_PEOPLE.map((p) => p.cardNumber)).size).toBe(DEMO_PEOPLE.length)
})

it('keeps everyone but the older doctorate well under 35 through 2030', () => {
  const older = DEMO_PEOPLE.filter((p) => {
    const id = parseIdNumber(p.idNumber, { today: '2030-12-31' })
    return id.ok && ageOn(id.value.birthDate, '2030-12-31') >= 35
  })
  expect(older.map((p) => p.story)).toEqual([expect.stringContaining('40岁以上')])
  const id = parseIdNumber(older[0]!.idNumber, { today: '2026-11-30' })
  expect(id.ok && ageOn(id.value.birthDate, '2026-11-30')).toBeGreaterThanOrEqual(40)
})

it('covers the stories: each education level eligible, 2 pension months, an inactive account, a returnee', () => {
  const stories = DEMO_PEOPLE.map((p) => p.story).join('\n')
  for (const word of ['博士', '硕士', '本科', '预备技师', '海外归国']) expect(stories).toContain(word)
  expect(DEMO_PEOPLE.filter((p) => p.pensionMonths === 2)).toHaveLength(1)
  expect(DEMO_PEOPLE.filter((p) => !p.financialAccountActive)).toHaveLength(1)
  // The card state alone decides those two; for the others it is not what stands in the way.
  const facts = (p: (typeof DEMO_PEOPLE)[number], education: 'doctorate' | 'master' | 'bachelor') =>
    checkEligibility(
      {
        idNumber: p.idNumber,
        education,
        graduationDate: '2025-06-30',
        overseasReturnee: false,
        hukou: { inZhengzhou: true, district: '金水区', settledOn: '2025-08-01' },
        employment: { kind: 'employed', employer: '郑州大学第一附属医院' },
        socialSecurity: { cardIssued: p.cardIssued, financialAccountActive: p.financialAccountActive, pensionMonths: p.pensionMonths },
      },
      { today: '2026-11-30' },
    )
  const doctor = DEMO_PEOPLE.find((p) => p.story.startsWith('博士，全部'))!
  expect(facts(doctor, 'doctorate').eligible).toBe(true)
  const senior = DEMO_PEOPLE.find((p) => p.story.includes('40岁以上'))!
  expect(facts(senior, 'doctorate').eligible).toBe(true)
  expect(facts(senior, 'master').eligible).toBe(false)
  const twoMonths = DEMO_PEOPLE.find((p) => p.pensionMonths === 2)!
  expect(facts(twoMonths, 'bachelor').unmet.map((u) => u.code)).toEqual(['PENSION_MONTHS_INSUFFICIENT'])
})
