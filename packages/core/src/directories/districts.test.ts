import { DISTRICTS, isDistrict } from './districts'

describe('DISTRICTS', () => {
  it('lists the fifteen districts once each, urban districts first and the county-level cities last', () => {
    expect(DISTRICTS).toHaveLength(15)
    expect(new Set(DISTRICTS).size).toBe(15)
    expect(DISTRICTS[0]).toBe('中原区')
    expect(DISTRICTS.slice(-5)).toEqual(['中牟县', '新郑市', '新密市', '荥阳市', '登封市'])
  })
})

describe('isDistrict', () => {
  it('accepts each district', () => {
    for (const district of DISTRICTS) expect(isDistrict(district)).toBe(true)
  })

  it.each(['', '郑州市', '管城区', '中原', ' 中原区', null, undefined, 3])('rejects %p', (value) => {
    expect(isDistrict(value)).toBe(false)
  })
})
