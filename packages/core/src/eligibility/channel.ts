/**
 * Online or at a window. The seed sends two groups to the window: they cannot use the online
 * form at all, so the app shows them the window list instead. Their eligibility report still
 * lists every unmet rule, so they know what to bring and fix before going.
 */
import type { ApplicantFacts, Channel } from '../types'
import { SEED_SECTIONS } from './sources'

export const WINDOW_CHANNEL_RULE = {
  /** "海外归国留学人员和技工院校全日制预备技师(技师)需要在服务窗口进行办理" */
  source: SEED_SECTIONS.windowOnly,
  message:
    '海外归国留学人员和技工院校全日制预备技师(技师)需要到人才服务窗口办理，不能在线申报。请携带原件到就近的人才服务窗口申请。',
  /** The app shows these applicants the talent service window list, not the online form. */
  sendTo: 'talent-windows',
} as const

export function channelFor(facts: Pick<ApplicantFacts, 'overseasReturnee' | 'education'>): Channel {
  return facts.overseasReturnee || facts.education === 'preparatory-technician' ? 'window' : 'online'
}
