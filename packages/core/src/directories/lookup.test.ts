import { DISTRICTS } from './districts'
import { branchesIn, searchOffices, talentWindowsIn } from './lookup'
import { SOCIAL_INSURANCE_BRANCHES } from './social-insurance-branches'
import { TALENT_WINDOWS } from './talent-windows'

describe('talentWindowsIn', () => {
  it('finds the city bureau’s window and the district’s own in 中原区', () => {
    expect(talentWindowsIn('中原区').map((w) => w.unit)).toEqual(['市人社局', '中原区'])
  })

  it('finds exactly one window in every other district', () => {
    for (const district of DISTRICTS.filter((d) => d !== '中原区')) {
      expect(talentWindowsIn(district).map((w) => w.unit)).toEqual([district])
    }
  })
})

describe('branchesIn', () => {
  it('finds one branch per district', () => {
    for (const district of DISTRICTS) expect(branchesIn(district)).toHaveLength(1)
    expect(branchesIn('管城回族区')[0]?.name).toBe('管城分局')
    expect(branchesIn('中原区')[0]?.addresses).toHaveLength(2)
  })
})

describe('searchOffices', () => {
  it('matches a district by part of its name, in both lists', () => {
    const result = searchOffices('高新')
    expect(result.talentWindows.map((w) => w.unit)).toEqual(['高新区'])
    expect(result.socialInsuranceBranches.map((b) => b.name)).toEqual(['高新区分局'])
  })

  it('matches a county-level city in both lists', () => {
    const result = searchOffices('登封')
    expect(result.talentWindows.map((w) => w.unit)).toEqual(['登封市'])
    expect(result.socialInsuranceBranches.map((b) => b.name)).toEqual(['登封分局'])
  })

  it('matches by address, requiring every term', () => {
    const result = searchOffices('金水 政务服务中心')
    expect(result.talentWindows.map((w) => w.unit)).toEqual(['金水区'])
    expect(result.socialInsuranceBranches).toEqual([])
    // 管城分局 prints 航海路 in its directions, 航空港区分局 in its address.
    expect(searchOffices('航海路').socialInsuranceBranches.map((b) => b.name)).toEqual(['管城分局', '航空港区分局'])
  })

  it('matches the second address of 中原分局', () => {
    expect(searchOffices('和昌大厦').socialInsuranceBranches.map((b) => b.name)).toEqual(['中原分局'])
  })

  it('folds full-width punctuation and letter case typed on a phone into the seed’s', () => {
    expect(searchOffices('（一楼').talentWindows.map((w) => w.unit)).toEqual(['中原区'])
    expect(searchOffices('ｂ座').talentWindows.map((w) => w.unit)).toEqual(['高新区'])
  })

  it('returns everything for a blank query, in the seed’s order', () => {
    for (const blank of ['', '   ', '\u3000']) {
      const result = searchOffices(blank)
      expect(result.talentWindows).toEqual([...TALENT_WINDOWS])
      expect(result.socialInsuranceBranches).toEqual([...SOCIAL_INSURANCE_BRANCHES])
    }
  })

  it('returns nothing for a place outside Zhengzhou', () => {
    expect(searchOffices('北京')).toEqual({ talentWindows: [], socialInsuranceBranches: [] })
  })
})
