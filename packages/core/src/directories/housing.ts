/**
 * Where to apply for the housing-purchase subsidy (购房补贴), by the district the home is in
 * [seed, 五]: homes in 金水区, 中原区, 二七区, 管城回族区 or 惠济区 go to the east or west service hall
 * of the municipal housing bureau; homes anywhere else go to the talent service window of the
 * district, county or city where the home is.
 *
 * The seed gives the housing bureau's halls no address or phone number, so none is given here.
 */
import type { District, Office, TalentWindow } from '../types'
import { DIRECTORY_SOURCES } from './sources'
import { TALENT_WINDOWS } from './talent-windows'

export const HOUSING_OFFICE_RULE_SOURCE = DIRECTORY_SOURCES.housingOffice

/** The districts whose homes are handled by the municipal housing bureau [seed, 五]. */
export const HOUSING_BUREAU_DISTRICTS: readonly District[] = ['金水区', '中原区', '二七区', '管城回族区', '惠济区']

/** The seed names the halls only; it gives them no address or phone number. */
export const HOUSING_BUREAU_NAME = '郑州市住房保障和房地产管理局东区、西区办事大厅'

/** Each district's own window; the city bureau's window is not a district's. */
const LOCAL_WINDOWS: ReadonlyMap<string, TalentWindow> = new Map(
  TALENT_WINDOWS.filter((window) => !window.cityLevel).map((window) => [window.district, window]),
)

/**
 * The office that takes housing-subsidy applications for a home in `district`. A fresh object
 * each call. Throws a RangeError for a string that is not one of the fifteen districts (input
 * that bypassed the type, e.g. a query parameter).
 */
export function housingSubsidyOffice(district: District): Office {
  if (HOUSING_BUREAU_DISTRICTS.includes(district)) return { name: HOUSING_BUREAU_NAME }
  const window = LOCAL_WINDOWS.get(district)
  if (window === undefined) {
    throw new RangeError(`“${String(district)}”不是郑州市的区县（市），请从列表中选择房屋所在的区县（市）`)
  }
  return {
    name: `${window.unit}人才服务窗口`,
    address: window.address,
    phone: window.phone,
    windows: window.windows,
  }
}
