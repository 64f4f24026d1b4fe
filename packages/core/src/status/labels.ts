/** Chinese names of application statuses and review events, as the applicant and reviewer see them. */
import type { ApplicationEvent, ApplicationStatus } from '../types'

export const STATUS_LABELS = {
  draft: '草稿',
  submitted: '已提交',
  'under-review': '审核中',
  rejected: '未通过',
  'public-notice': '公示中',
  paying: '发放中',
  paid: '发放完毕',
  stopped: '已终止发放',
  withdrawn: '已撤回',
} as const satisfies Record<ApplicationStatus, string>

export const EVENT_LABELS = {
  submit: '提交申请',
  'start-review': '开始审核',
  approve: '审核通过',
  reject: '审核不通过',
  resubmit: '修改后重新提交',
  object: '公示期间提出异议',
  'end-notice': '公示结束',
  'finish-payments': '全部月份发放完毕',
  stop: '终止发放',
  resume: '恢复发放',
  withdraw: '撤回申请',
} as const satisfies Record<ApplicationEvent, string>
