/**
 * The console's one route table (as ant-design-pro keeps it): every page, its path, its menu
 * label and icon, and the staff roles that may open it. The menu is drawn from it, the router is
 * built from it, and a page whose roles the account lacks answers 403. The server enforces the
 * same roles on every endpoint (docs/staff-api.md): hiding a menu item is never the protection.
 * Pages load lazily, so the sign-in page does not carry the rest of the console.
 */
import {
  AuditOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  NotificationOutlined,
  PayCircleOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons'
import { STAFF_ROLE_IDS, SUBSIDY_BUREAU, type Bureau, type StaffIdentity, type StaffRole } from '@zhihui/core'
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react'

export type PageKey =
  | 'sign-in'
  | 'change-password'
  | 'workbench'
  | 'queue'
  | 'application'
  | 'notices'
  | 'notice'
  | 'payment-runs'
  | 'payment-run'
  | 'audit'
  | 'accounts'
  | 'talent-board'
  | 'talent-bureau'
  | 'talent-leader'
  | 'window-intake'
  | 'window-application'
  | 'messages'

export interface PageRoute {
  key: PageKey
  /** Router path, relative to the console's base (/admin). */
  path: string
  /** Menu label and page title. */
  label: string
  icon?: ReactNode
  /** Who may open it: 'public' (the sign-in page) or the staff roles. */
  roles: 'public' | readonly StaffRole[]
  /**
   * The `bureau` role counts only for these bureaus (the subsidy's pages are the HR bureau's:
   * other bureaus supervise their own business, not this one).
   */
  bureaus?: readonly Bureau[]
  /** Shown in the side menu; detail pages name the menu entry they belong to instead. */
  menu: boolean
  /** The menu entry highlighted while this page is open. */
  menuKey?: PageKey
  page: LazyExoticComponent<ComponentType>
}

/** The roles that work on the subsidy's applications (docs/staff-api.md, /staff/applications). */
const APPLICATION_ROLES: readonly StaffRole[] = ['reviewer', 'payments', 'window-clerk', 'bureau']
const NOTICE_ROLES: readonly StaffRole[] = ['payments', 'reviewer', 'bureau']
const PAYMENT_ROLES: readonly StaffRole[] = ['payments', 'bureau']
const HR_ONLY: readonly Bureau[] = [SUBSIDY_BUREAU]

export const ROUTES: readonly PageRoute[] = [
  { key: 'sign-in', path: '/sign-in', label: '登录', roles: 'public', menu: false, page: lazy(() => import('./pages/sign-in')) },
  {
    key: 'workbench',
    path: '/',
    label: '工作台',
    icon: <DashboardOutlined />,
    roles: APPLICATION_ROLES,
    bureaus: HR_ONLY,
    menu: true,
    page: lazy(() => import('./pages/workbench')),
  },
  {
    key: 'queue',
    path: '/applications',
    label: '申请审核',
    icon: <FileSearchOutlined />,
    roles: APPLICATION_ROLES,
    bureaus: HR_ONLY,
    menu: true,
    page: lazy(() => import('./pages/queue')),
  },
  {
    key: 'application',
    path: '/applications/:no',
    label: '申请详情',
    roles: APPLICATION_ROLES,
    bureaus: HR_ONLY,
    menu: false,
    menuKey: 'queue',
    page: lazy(() => import('./pages/application')),
  },
  {
    key: 'window-intake',
    path: '/window-intake',
    label: '窗口受理',
    // Reuses a loaded icon (as the talent pages do): no window clerk sees the audit log.
    icon: <AuditOutlined />,
    roles: ['window-clerk'],
    menu: true,
    page: lazy(() => import('./pages/window-intake')),
  },
  {
    key: 'window-application',
    path: '/window-intake/:no',
    label: '窗口受理',
    roles: ['window-clerk'],
    menu: false,
    menuKey: 'window-intake',
    page: lazy(() => import('./pages/window-intake')),
  },
  {
    key: 'notices',
    path: '/notices',
    label: '公示管理',
    icon: <NotificationOutlined />,
    roles: NOTICE_ROLES,
    bureaus: HR_ONLY,
    menu: true,
    page: lazy(() => import('./pages/notices')),
  },
  {
    key: 'notice',
    path: '/notices/:id',
    label: '公示批次',
    roles: NOTICE_ROLES,
    bureaus: HR_ONLY,
    menu: false,
    menuKey: 'notices',
    page: lazy(() => import('./pages/notices')),
  },
  {
    key: 'payment-runs',
    path: '/payment-runs',
    label: '按月发放',
    icon: <PayCircleOutlined />,
    roles: PAYMENT_ROLES,
    bureaus: HR_ONLY,
    menu: true,
    page: lazy(() => import('./pages/payment-runs')),
  },
  {
    key: 'payment-run',
    path: '/payment-runs/:id',
    label: '发放批次',
    roles: PAYMENT_ROLES,
    bureaus: HR_ONLY,
    menu: false,
    menuKey: 'payment-runs',
    page: lazy(() => import('./pages/payment-runs')),
  },
  // The talent pages reuse icons the table already loads (no role sees both pages of one icon),
  // so the sign-in page's first load does not grow.
  {
    key: 'talent-board',
    path: '/talent/board',
    label: '人才服务台',
    icon: <NotificationOutlined />,
    roles: ['service-staff'],
    menu: true,
    page: lazy(() => import('./pages/talent-board')),
  },
  {
    key: 'talent-bureau',
    path: '/talent/bureau',
    label: '人才服务监管',
    icon: <TeamOutlined />,
    roles: ['bureau'],
    menu: true,
    page: lazy(() => import('./pages/talent-bureau')),
  },
  {
    key: 'talent-leader',
    path: '/talent/dashboard',
    label: '人才服务总览',
    icon: <DashboardOutlined />,
    roles: ['leader'],
    menu: true,
    page: lazy(() => import('./pages/talent-leader')),
  },
  {
    key: 'accounts',
    path: '/accounts',
    label: '账号管理',
    icon: <TeamOutlined />,
    roles: ['admin'],
    menu: true,
    page: lazy(() => import('./pages/accounts')),
  },
  {
    key: 'audit',
    path: '/audit',
    label: '审计日志',
    icon: <AuditOutlined />,
    roles: ['bureau', 'admin'],
    menu: true,
    page: lazy(() => import('./pages/audit')),
  },
  {
    key: 'messages',
    path: '/messages',
    label: '消息发送',
    // Reuses a loaded icon (as the talent pages do), so the sign-in page's first load does not grow.
    icon: <NotificationOutlined />,
    // Admins fix providers' settings; the HR bureau supervises what its applicants are told.
    roles: ['admin', 'bureau'],
    bureaus: HR_ONLY,
    menu: true,
    page: lazy(() => import('./pages/messages')),
  },
  {
    key: 'change-password',
    path: '/password',
    label: '账号安全',
    icon: <SafetyCertificateOutlined />,
    roles: STAFF_ROLE_IDS,
    menu: true,
    page: lazy(() => import('./pages/change-password')),
  },
]

export type StaffLike = Pick<StaffIdentity, 'roles' | 'bureau'>

/** Whether the account may open the page: one of its roles is allowed (a bureau role only for the listed bureaus). */
export function canOpen(route: PageRoute, staff: StaffLike | null | undefined): boolean {
  if (route.roles === 'public') return true
  if (!staff) return false
  const allowed = route.roles
  return staff.roles.some(
    (role) => allowed.includes(role) && (role !== 'bureau' || route.bureaus === undefined || (staff.bureau !== undefined && route.bureaus.includes(staff.bureau))),
  )
}

/** The side menu of an account, in table order. */
export const menuFor = (staff: StaffLike): PageRoute[] => ROUTES.filter((route) => route.menu && canOpen(route, staff))

/** Where an account lands: the first working page of its menu (the security page only if nothing else). */
export function homeFor(staff: StaffLike): string | null {
  const first = menuFor(staff).find((route) => route.key !== 'change-password')
  return first ? first.path : null
}

export const routeByKey = (key: PageKey): PageRoute => {
  const route = ROUTES.find((r) => r.key === key)
  if (!route) throw new Error(`no route ${key}`)
  return route
}
