import { DISTRICTS } from '../directories/districts'
import { districtWindow } from './window-intake'

describe('districtWindow', () => {
  it('gives every district its own talent window, with the seed’s address and phone', () => {
    for (const district of DISTRICTS) {
      const window = districtWindow(district)
      expect(window).toMatchObject({ district, unit: district, cityLevel: false })
      expect(window.phone).toMatch(/^0371-\d{8}$/)
    }
    expect(districtWindow('金水区').address).toBe('金水区东风路与花园路政务服务中心1楼大厅')
  })

  it('gives 中原区 its own window, not the city bureau’s hall in the same district', () => {
    expect(districtWindow('中原区').address).toContain('百花路友爱路')
  })

  it('refuses a name that is no district (a programming error)', () => {
    expect(() => districtWindow('朝阳区' as never)).toThrow(RangeError)
  })
})
