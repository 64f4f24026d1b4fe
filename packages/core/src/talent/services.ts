/**
 * The service catalogue of the talent platform: what a certified talent can ask for with one tap,
 * and the bureau (局委) whose service staff answer it.
 *
 * CONFIGURATION, NOT POLICY. The seed says only that the platform "整合进市各局委和服务机构资源,
 * 把对高层次人才的所有服务纳入APP中" [seed, second article]; it names no service and no bureau.
 * This list is this deployment's choice, to be replaced by the catalogue the city's talent office
 * (市人才办) agrees with the bureaus. Ids are stable (stored with every request); labels and the
 * bureau may change. Every bureau named here must be one of BUREAUS (a test checks).
 */
import { TALENT_WINDOWS } from '../directories/talent-windows'
import type { Bureau } from '../staff/roles'

export interface TalentService {
  id: string
  label: string
  /** One line under the label on the big button. */
  hint: string
  bureau: Bureau
}

export const TALENT_SERVICES_ARE_CONFIGURATION = true as const

export const TALENT_SERVICES: readonly TalentService[] = [
  { id: 'children-schooling', label: '子女入学', hint: '子女入园、入学、转学安排', bureau: '教育局' },
  { id: 'medical-care', label: '就医保健', hint: '就医绿色通道、健康体检', bureau: '卫健委' },
  { id: 'spouse-employment', label: '配偶就业', hint: '配偶工作安置与推荐', bureau: '人社局' },
  { id: 'talent-housing', label: '住房保障', hint: '人才公寓、购房与租房补贴', bureau: '住房保障局' },
  { id: 'hukou-entry-exit', label: '落户与出入境', hint: '本人及家属落户、出入境证件', bureau: '公安局' },
  { id: 'research-projects', label: '科研项目', hint: '项目申报、平台建设、成果转化', bureau: '科技局' },
  { id: 'tax-services', label: '涉税服务', hint: '个人所得税与企业涉税事项', bureau: '税务局' },
  { id: 'policy-consulting', label: '人才政策咨询', hint: '人才认定、待遇落实与其他事项', bureau: '人社局' },
]

export const talentServiceById = (id: string): TalentService | undefined => TALENT_SERVICES.find((service) => service.id === id)

/**
 * Where someone not in the talent registry is sent: the city HR bureau's talent service window
 * (the cityLevel row of TALENT_WINDOWS, [seed, 市人社局及各地人才服务窗口地址和服务电话]), the
 * talent office's window open to the public. The seed prints no phone for the 市人才办 itself.
 */
const CITY_WINDOW = TALENT_WINDOWS.find((window) => window.cityLevel)

export const TALENT_OFFICE = {
  name: '市人社局人才服务窗口',
  address: CITY_WINDOW?.address ?? '',
  phone: CITY_WINDOW?.phone ?? '',
} as const
