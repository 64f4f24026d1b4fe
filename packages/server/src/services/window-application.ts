/**
 * A window application seen from the applicant's side (design.md, "Window intake"): when the
 * person later binds the same card in WeChat, Alipay or H5 they find it (one person, one
 * application) and follow its progress, but every change is made at the window that filed it.
 */
import { districtWindow, isDistrict, type Channel, type TalentWindow } from '@zhihui/core'
import { AppError } from '../errors'
import type { ApplicationRow } from '../repositories/applications'

export const channelOf = (app: Pick<ApplicationRow, 'channel'>): Channel => (app.channel === 'window' ? 'window' : 'online')

/** The window that filed the application (its district's talent service window), if one did. */
export function filingWindow(app: Pick<ApplicationRow, 'channel' | 'window_district'>): TalentWindow | undefined {
  return channelOf(app) === 'window' && isDistrict(app.window_district) ? districtWindow(app.window_district) : undefined
}

/**
 * 409 WINDOW_APPLICATION for an applicant's change (`action`, e.g. 修改申请信息) to a window
 * application, telling where to go, with the window in the body for the app to show.
 */
export function refuseIfFiledAtWindow(app: ApplicationRow | undefined, action: string): void {
  if (app === undefined || channelOf(app) !== 'window') return
  const window = filingWindow(app)
  const where = window === undefined ? '人才服务窗口' : `${window.unit}人才服务窗口（${window.address}，电话${window.phone}）`
  throw new AppError(
    409,
    'WINDOW_APPLICATION',
    `您的申请${app.application_no === null ? '' : `（申请编号${app.application_no}）`}由人才服务窗口代为办理，不能在线${action}，只能查看办理进度。如需${action}，请携带原件到${where}办理。`,
    undefined,
    { applicationNo: app.application_no, ...(window !== undefined ? { window } : {}) },
  )
}
