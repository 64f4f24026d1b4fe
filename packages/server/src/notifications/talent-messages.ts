/** The texts a talent receives as a service request moves on: what happened and what to do next. */
import type { TalentArrangement } from '@zhihui/core'
import type { BuiltMessage } from './messages'

const SIGNATURE = '【智汇郑州】'

export const talentConfirmedText = (service: string, bureau: string): string =>
  `${SIGNATURE}您提交的“${service}”服务需求已由${bureau}确认，工作人员将与您对接线下服务安排。`

export function talentArrangedText(service: string, arrangement: TalentArrangement): string {
  const phone = arrangement.phone === null ? '' : `（电话${arrangement.phone}）`
  return `${SIGNATURE}您的“${service}”服务已安排：时间${arrangement.when}，地点${arrangement.where}，服务人员${arrangement.who}${phone}。`
}

export const talentDoneText = (service: string): string =>
  `${SIGNATURE}您的“${service}”服务已完成。请在小程序“高层次人才服务—我的服务”中对本次服务进行评价，您的评价将用于各服务单位的考核。`

export const talentAnsweredText = (service: string, bureau: string): string =>
  `${SIGNATURE}${bureau}已答复您对“${service}”服务的意见，请在小程序“高层次人才服务—我的服务”中查看。`

/**
 * The talent texts as messages: 'talent-request' for the steps of a request (confirmed, arranged,
 * done), 'talent-answer' for a bureau's answer to a complaint; `step` tells the template which.
 */
const TALENT_PAGE = 'talent/pages/requests/index'
const short = (value: string): string => (value.length > 20 ? `${value.slice(0, 19)}…` : value)

export const talentConfirmedMessage = (service: string, bureau: string): BuiltMessage => ({
  kind: 'talent-request',
  params: { step: 'confirmed', service: short(service), bureau },
  text: talentConfirmedText(service, bureau),
  page: TALENT_PAGE,
})

export const talentArrangedMessage = (service: string, arrangement: TalentArrangement): BuiltMessage => ({
  kind: 'talent-request',
  params: { step: 'arranged', service: short(service), when: short(arrangement.when), where: short(arrangement.where), who: short(arrangement.who) },
  text: talentArrangedText(service, arrangement),
  page: TALENT_PAGE,
})

export const talentDoneMessage = (service: string): BuiltMessage => ({
  kind: 'talent-request',
  params: { step: 'done', service: short(service) },
  text: talentDoneText(service),
  page: TALENT_PAGE,
})

export const talentAnsweredMessage = (service: string, bureau: string): BuiltMessage => ({
  kind: 'talent-answer',
  params: { service: short(service), bureau },
  text: talentAnsweredText(service, bureau),
  page: TALENT_PAGE,
})
