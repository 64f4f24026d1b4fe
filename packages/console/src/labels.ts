/**
 * Words the console shows that core does not carry yet (channel, audit actions). Typed against
 * core's unions, so a new action or channel there fails the type check here until it has a name.
 */
import type { AuditAction, Channel } from '@zhihui/core'

export const CHANNEL_LABELS = {
  online: '线上申报',
  window: '窗口受理',
} as const satisfies Record<Channel, string>

export const AUDIT_ACTION_LABELS = {
  'sign-in': '登录',
  'sign-in-failed': '登录失败',
  'sign-in-locked': '账号锁定',
  'sign-out': '退出登录',
  'password-change': '修改密码',
  'totp-enrol': '绑定动态验证码',
  'application-view': '查看申请',
  'photo-view': '查看证件照片',
  'number-reveal': '查看完整证件号码',
  decision: '审核决定',
  'decision-refused': '审核决定被拒绝',
  objection: '公示异议',
  'notice-create': '创建公示批次',
  'notice-export': '导出公示名单',
  'payment-run': '按月发放',
  'payment-start': '公示结束开始发放',
  'payment-stop': '终止发放',
  'payment-resume': '恢复发放',
  'bank-file-export': '导出银行代发文件',
  'account-create': '新建账号',
  'account-update': '修改账号',
  'account-reset': '重置密码',
  'window-application-create': '窗口受理：新建申请',
  'window-application-refused': '窗口受理：被拒绝',
  'window-application-update': '窗口受理：修改申请',
  'window-photo-upload': '窗口受理：上传照片',
  'window-application-submit': '窗口受理：提交申请',
  'window-receipt-print': '打印业务办理回执',
  'window-receipt-signed': '回执已签字',
  'message-retry': '重发消息',
} as const satisfies Record<AuditAction, string>
