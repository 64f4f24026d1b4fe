/**
 * The fifteen county-level areas of Zhengzhou the notice's directories are organised by: one
 * social-insurance branch and one talent service window each [seed, both tables]. The six
 * urban districts first, then the four development zones, then the county and the four
 * county-level cities.
 */
import type { District } from '../types'

export const DISTRICTS: readonly District[] = [
  '中原区',
  '二七区',
  '管城回族区',
  '金水区',
  '惠济区',
  '上街区',
  '郑东新区',
  '高新区',
  '经开区',
  '航空港区',
  '中牟县',
  '新郑市',
  '新密市',
  '荥阳市',
  '登封市',
]

const DISTRICT_SET: ReadonlySet<string> = new Set(DISTRICTS)

/** Narrows a string from outside (a query parameter, a stored draft) to a District. */
export function isDistrict(value: unknown): value is District {
  return typeof value === 'string' && DISTRICT_SET.has(value)
}
