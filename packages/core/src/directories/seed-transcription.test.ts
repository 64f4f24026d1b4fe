/// <reference types="node" />
/*
 * The directories are checked against the seed itself, read from disk: the notice is the
 * authority (../shared/seed/ beside the repository, copied to docs/seed/), so a typo in an address or a phone
 * number fails here rather than sending an applicant to the wrong hall.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { District } from '../types'
import { COMPLAINT_PHONE } from './complaint-phone'
import { DISTRICTS } from './districts'
import { HOUSING_BUREAU_DISTRICTS, HOUSING_BUREAU_NAME } from './housing'
import { DIRECTORY_SOURCES } from './sources'
import { SOCIAL_INSURANCE_BRANCHES } from './social-insurance-branches'
import { TALENT_WINDOWS } from './talent-windows'

// The notice as it stands beside the repository (../shared/seed) is the authority; docs/seed keeps
// a copy in the repository so the check also runs where ../shared is absent, and the two must agree.
const SEED_NAME = '000_f7159d2718378eba.txt'
const SHARED_SEED = resolve(__dirname, '../../../../../shared/seed', SEED_NAME)
const REPO_SEED = resolve(__dirname, '../../../../docs/seed', SEED_NAME)
const seed = readFileSync(REPO_SEED, 'utf8')

;(existsSync(SHARED_SEED) ? it : it.skip)('the repository’s copy of the notice is the shared one, byte for byte', () => {
  expect(readFileSync(SHARED_SEED, 'utf8')).toBe(seed)
})

function between(text: string, from: string, to: string): string {
  const start = text.indexOf(from)
  const end = text.indexOf(to, start + from.length)
  if (start < 0 || end < 0) throw new Error(`seed section not found: ${from} … ${to}`)
  return text.slice(start, end)
}

const windowsTable = between(seed, '市人社局及各地人才服务窗口地址和服务电话', '整合资源')
const branchesTable = between(seed, '市社会保险局各分局地址和联系电话', '市人社局及各地人才服务窗口')
const complaintSection = between(seed, '七、监督及投诉电话', '市社会保险局各分局地址和联系电话')
const PHONE = /0371-\d{8}/g

/** The table rows as printed: lines after the title and the column header, blank lines dropped. */
function tableRows(table: string): string[] {
  return table
    .split('\n')
    .slice(2)
    .filter((line) => line.trim().length > 0)
}

describe('TALENT_WINDOWS against the seed', () => {
  it('has the 16 rows of the table', () => {
    expect(tableRows(windowsTable)).toHaveLength(16)
    expect(TALENT_WINDOWS).toHaveLength(16)
  })

  it('reprints every row exactly, in the seed’s order', () => {
    const printed = TALENT_WINDOWS.map(
      (w) => `${w.unit}\t窗口地址:${w.address} 窗口数量:${w.windows}个 窗口电话:${w.phone}`,
    )
    expect(printed).toEqual(tableRows(windowsTable))
  })

  it('has every address verbatim in the seed', () => {
    for (const window of TALENT_WINDOWS) expect(seed).toContain(window.address)
  })

  it('has the window counts of "窗口数量:N个"', () => {
    const counts = [...windowsTable.matchAll(/窗口数量:(\d+)个/g)].map((m) => Number(m[1]))
    expect(TALENT_WINDOWS.map((w) => w.windows)).toEqual(counts)
  })

  it('has exactly the phone numbers of the table, and no other', () => {
    const printed = windowsTable.match(PHONE) ?? []
    expect(printed).toHaveLength(16)
    expect(TALENT_WINDOWS.map((w) => w.phone)).toEqual(printed)
  })

  it('gives each district one window of its own, named as the district, and the city bureau one in 中原区', () => {
    const local = TALENT_WINDOWS.filter((w) => !w.cityLevel)
    expect(local.map((w) => w.unit)).toEqual(local.map((w) => w.district))
    expect(new Set(local.map((w) => w.district))).toEqual(new Set(DISTRICTS))
    const city = TALENT_WINDOWS.filter((w) => w.cityLevel)
    expect(city).toHaveLength(1)
    expect(city[0]).toMatchObject({ unit: '市人社局', district: '中原区' })
    expect(city[0]?.address.startsWith('中原区')).toBe(true)
  })
})

describe('SOCIAL_INSURANCE_BRANCHES against the seed', () => {
  it('has the 15 branches the notice counts ("15个办事大厅")', () => {
    expect(seed).toContain('县(市)区分局15个办事大厅')
    expect(SOCIAL_INSURANCE_BRANCHES).toHaveLength(15)
  })

  it('reprints the table exactly, second address and second phone on their own lines', () => {
    const printed = SOCIAL_INSURANCE_BRANCHES.flatMap((b) =>
      Array.from(
        { length: Math.max(b.addresses.length, b.phones.length) },
        (_, i) => `${i === 0 ? b.name : ''}\t${b.addresses[i] ?? ''}\t${b.phones[i] ?? ''}`,
      ),
    )
    expect(printed).toEqual(tableRows(branchesTable))
  })

  it('has every address verbatim in the seed', () => {
    for (const address of SOCIAL_INSURANCE_BRANCHES.flatMap((b) => b.addresses)) expect(seed).toContain(address)
  })

  it('has exactly the phone numbers of the table, and no other', () => {
    const printed = branchesTable.match(PHONE) ?? []
    expect(printed).toHaveLength(16)
    expect(SOCIAL_INSURANCE_BRANCHES.flatMap((b) => b.phones)).toEqual(printed)
  })

  it('keeps 中原分局’s two addresses and 新密分局’s two phones', () => {
    const byName = (name: string) => SOCIAL_INSURANCE_BRANCHES.find((b) => b.name === name)
    expect(byName('中原分局')?.addresses).toHaveLength(2)
    expect(byName('新密分局')?.phones).toEqual(['0371-60880783', '0371-60880784'])
  })

  it('assigns each branch the district its name abbreviates, one branch per district', () => {
    for (const branch of SOCIAL_INSURANCE_BRANCHES) {
      expect(branch.district.startsWith(branch.name.replace(/分局$/, ''))).toBe(true)
    }
    const expected: Record<string, District> = { 高新区分局: '高新区', 登封分局: '登封市', 管城分局: '管城回族区', 中牟分局: '中牟县' }
    for (const [name, district] of Object.entries(expected)) {
      expect(SOCIAL_INSURANCE_BRANCHES.find((b) => b.name === name)?.district).toBe(district)
    }
    expect(new Set(SOCIAL_INSURANCE_BRANCHES.map((b) => b.district))).toEqual(new Set(DISTRICTS))
  })
})

describe('COMPLAINT_PHONE against the seed', () => {
  it('is the only number under 七、监督及投诉电话', () => {
    expect(complaintSection.match(PHONE)).toEqual([COMPLAINT_PHONE])
  })

  it('appears in neither table', () => {
    expect(windowsTable).not.toContain(COMPLAINT_PHONE)
    expect(branchesTable).not.toContain(COMPLAINT_PHONE)
  })
})

describe('every phone number in the seed', () => {
  it('is in the directories', () => {
    const known = new Set([
      COMPLAINT_PHONE,
      ...TALENT_WINDOWS.map((w) => w.phone),
      ...SOCIAL_INSURANCE_BRANCHES.flatMap((b) => b.phones),
    ])
    for (const phone of seed.match(PHONE) ?? []) expect(known).toContain(phone)
  })
})

describe('the housing-subsidy rule against the seed [五]', () => {
  it('names the same five districts and the same halls', () => {
    const rule = /在([^,;]+?)购买住房的,在(.+?)窗口办理购房补贴申请;在其他区域购房的,在房屋所在的县\(市\)区人才服务窗口办理/.exec(seed)
    expect(rule).not.toBeNull()
    expect(HOUSING_BUREAU_DISTRICTS).toEqual(rule?.[1]?.split('、'))
    expect(HOUSING_BUREAU_NAME).toBe(rule?.[2])
  })
})

describe('DIRECTORY_SOURCES', () => {
  it('cite headings that the seed prints', () => {
    const headings = {
      talentWindows: '市人社局及各地人才服务窗口地址和服务电话',
      socialInsuranceBranches: '市社会保险局各分局地址和联系电话',
      complaintPhone: '七、监督及投诉电话',
      housingOffice: '五、购房补贴申请事项办理',
    }
    for (const [key, heading] of Object.entries(headings)) {
      expect(seed).toContain(heading)
      expect(DIRECTORY_SOURCES[key as keyof typeof DIRECTORY_SOURCES]).toContain(heading)
    }
  })
})
