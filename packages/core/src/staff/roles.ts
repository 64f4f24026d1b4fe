/**
 * The staff roles of the back office (design.md, "Staff side: the back office"). One list, read
 * by the server (which enforces them on every endpoint) and by the console (whose route table
 * names the roles of each page). A role with a `scope` needs that scope on the account: a window
 * clerk works for one district, service staff and bureau accounts for one bureau.
 */
import type { District } from '../types'

export type StaffRole = 'reviewer' | 'window-clerk' | 'payments' | 'service-staff' | 'bureau' | 'leader' | 'admin'

export const STAFF_ROLES = {
  reviewer: { label: '审核员', scope: null, may: '审核队列、申请详情与证件照片、审核决定、公示异议' },
  'window-clerk': { label: '窗口经办', scope: 'district', may: '在本区窗口代为申报、打印业务办理回执' },
  payments: { label: '发放专员', scope: null, may: '公示批次与公示名单、按月发放、银行代发文件' },
  'service-staff': { label: '服务人员', scope: 'bureau', may: '本局委的高层次人才服务请求' },
  bureau: { label: '业务局委', scope: 'bureau', may: '本局委的全部业务（只读）、统计与审计日志' },
  leader: { label: '市领导', scope: null, may: '各局委的统计与全部评价（只读，不含个人证件号码）' },
  admin: { label: '管理员', scope: null, may: '工作人员账号与角色（不含申请数据）' },
} as const satisfies Record<StaffRole, { label: string; scope: 'district' | 'bureau' | null; may: string }>

export const STAFF_ROLE_IDS = Object.keys(STAFF_ROLES) as StaffRole[]

export const isStaffRole = (value: unknown): value is StaffRole =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(STAFF_ROLES, value)

/**
 * The city's bureaus (局委) that serve talent or supervise. 人社局 owns the living subsidy: its
 * reviewers, window clerks and payments officers work for it, and its `bureau` account supervises
 * them. The list is configuration of this deployment, not policy.
 */
export const BUREAUS = ['人社局', '教育局', '卫健委', '公安局', '住房保障局', '科技局', '税务局'] as const
export type Bureau = (typeof BUREAUS)[number]
export const SUBSIDY_BUREAU: Bureau = '人社局'

export const isBureau = (value: unknown): value is Bureau => typeof value === 'string' && (BUREAUS as readonly string[]).includes(value)

/** Who a staff account is, as the server answers it and the console shows it. */
export interface StaffIdentity {
  username: string
  name: string
  roles: StaffRole[]
  district?: District
  bureau?: Bureau
  /** A new or reset account must choose its own password before anything else. */
  mustChangePassword: boolean
  /** Whether a TOTP second factor is enrolled. */
  totpEnrolled: boolean
}

/** Whether an account with `roles` may open something that `allowed` roles may open. */
export const hasAnyRole = (roles: readonly StaffRole[], allowed: readonly StaffRole[]): boolean =>
  roles.some((role) => allowed.includes(role))

/** The roles that see the subsidy's applications (the HR bureau's staff and its supervisor). */
export const SUBSIDY_READERS: readonly StaffRole[] = ['reviewer', 'payments', 'window-clerk', 'bureau']

/**
 * Sign-in and passwords (design.md): 5 failures in 15 minutes lock the name; a session ends after
 * 30 minutes idle or 8 hours in all; production passwords have at least 12 characters.
 */
export const STAFF_SECURITY = {
  maxFailures: 5,
  failureWindowMinutes: 15,
  idleMinutes: 30,
  absoluteHours: 8,
  minPasswordLength: 12,
  csrfHeader: 'x-requested-with',
  csrfValue: 'zhihui-console',
} as const

/** Why a new password is refused, or null when it may be used. */
export function passwordProblem(password: string, opts: { username: string }): string | null {
  if (password.length < STAFF_SECURITY.minPasswordLength) return `密码至少 ${STAFF_SECURITY.minPasswordLength} 个字符。`
  if (password.length > 128) return '密码不能超过 128 个字符。'
  if (password.toLowerCase().includes(opts.username.toLowerCase())) return '密码不能包含用户名。'
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length
  if (kinds < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类。'
  return null
}
