import type { District } from '../types'
import { DISTRICTS } from './districts'
import { HOUSING_BUREAU_DISTRICTS, HOUSING_BUREAU_NAME, HOUSING_OFFICE_RULE_SOURCE, housingSubsidyOffice } from './housing'
import { TALENT_WINDOWS } from './talent-windows'

// Seed 五: "在金水区、中原区、二七区、管城回族区、惠济区购买住房的,在郑州市住房保障和房地产管理局东区、西区
// 办事大厅窗口办理购房补贴申请;在其他区域购房的,在房屋所在的县(市)区人才服务窗口办理". The seed
// transcription test reads the same sentence from the notice itself.
const BUREAU = ['金水区', '中原区', '二七区', '管城回族区', '惠济区']

describe('housingSubsidyOffice [seed, 五]', () => {
  it('cites its rule', () => {
    expect(HOUSING_OFFICE_RULE_SOURCE).toContain('五、购房补贴申请事项办理')
    expect(HOUSING_BUREAU_DISTRICTS).toEqual(BUREAU)
  })

  it.each(DISTRICTS.map((d) => [d]))('%s', (district) => {
    const office = housingSubsidyOffice(district)
    if (BUREAU.includes(district)) {
      // The seed gives the bureau's halls no address or phone: none is made up.
      expect(office).toEqual({ name: '郑州市住房保障和房地产管理局东区、西区办事大厅' })
      expect(office.name).toBe(HOUSING_BUREAU_NAME)
      return
    }
    const window = TALENT_WINDOWS.find((w) => w.unit === district)
    expect(window).toBeDefined()
    expect(office).toEqual({
      name: `${district}人才服务窗口`,
      address: window?.address,
      phone: window?.phone,
      windows: window?.windows,
    })
  })

  it('sends 高新区 to its own window and 中原区 to the housing bureau, not the city bureau’s window', () => {
    expect(housingSubsidyOffice('高新区')).toEqual({
      name: '高新区人才服务窗口',
      address: '高新区国槐街8号火炬大厦B座2楼政务服务大厅28~32号窗口',
      phone: '0371-67127007',
      windows: 5,
    })
    expect(housingSubsidyOffice('中原区').address).toBeUndefined()
  })

  it('returns a fresh object, so a caller cannot change the next answer', () => {
    const first = housingSubsidyOffice('登封市')
    first.phone = 'changed'
    expect(housingSubsidyOffice('登封市').phone).toBe('0371-62852099')
  })

  it.each(['郑州市', '管城区', ''])('refuses %j, which is not a district, with a message saying what to choose', (bad) => {
    expect(() => housingSubsidyOffice(bad as District)).toThrow(RangeError)
    expect(() => housingSubsidyOffice(bad as District)).toThrow(/请从列表中选择/)
  })
})
