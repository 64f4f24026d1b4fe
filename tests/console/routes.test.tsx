/**
 * The route table (packages/console/src/routes.tsx): every page names its roles, each role's menu
 * is what docs/staff-api.md lets it use, and a page the account may not open answers 403.
 */
import { screen, waitFor } from '@testing-library/react'
import { STAFF_ROLE_IDS, type StaffIdentity, type StaffRole } from '@zhihui/core'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { canOpen, homeFor, menuFor, ROUTES, routeByKey, type PageKey } from '../../packages/console/src/routes'
import { buildRoutes } from '../../packages/console/src/router'
import { activeMenuKey } from '../../packages/console/src/layout/console-layout'
import { fakeApi, staffIdentity } from './support/fake-api'
import { renderRoutes } from './support/render'

const as = (roles: StaffRole[], over: Partial<StaffIdentity> = {}) => staffIdentity({ username: roles.join('+'), name: '测试', roles, ...over })
const menuLabels = (staff: StaffIdentity) => menuFor(staff).map((r) => r.label)

const APPLICATION_PAGES: PageKey[] = ['workbench', 'queue', 'application', 'notices', 'notice', 'payment-runs', 'payment-run']

describe('the route table', () => {
  it('names roles for every page but the sign-in page, and each path once', () => {
    for (const route of ROUTES) {
      if (route.key === 'sign-in') expect(route.roles).toBe('public')
      else {
        expect(Array.isArray(route.roles)).toBe(true)
        expect((route.roles as StaffRole[]).length).toBeGreaterThan(0)
        for (const role of route.roles as StaffRole[]) expect(STAFF_ROLE_IDS).toContain(role)
      }
    }
    expect(new Set(ROUTES.map((r) => r.path)).size).toBe(ROUTES.length)
    expect(new Set(ROUTES.map((r) => r.key)).size).toBe(ROUTES.length)
  })

  it('has a page folder with index.tsx for every page', () => {
    // A detail page shares its list's folder; every other key is its folder's name.
    const shared: Partial<Record<PageKey, string>> = { notice: 'notices', 'payment-run': 'payment-runs', 'window-application': 'window-intake' }
    for (const route of ROUTES) {
      const folder = shared[route.key] ?? route.key
      expect(existsSync(join(__dirname, '../../packages/console/src/pages', folder, 'index.tsx'))).toBe(true)
    }
  })

  it("gives each role the menu of what it may do", () => {
    expect(menuLabels(as(['reviewer']))).toEqual(['工作台', '申请审核', '公示管理', '账号安全'])
    expect(menuLabels(as(['window-clerk'], { district: '金水区' }))).toEqual(['工作台', '申请审核', '窗口受理', '账号安全'])
    expect(menuLabels(as(['payments']))).toEqual(['工作台', '申请审核', '公示管理', '按月发放', '账号安全'])
    expect(menuLabels(as(['bureau'], { bureau: '人社局' }))).toEqual(['工作台', '申请审核', '公示管理', '按月发放', '人才服务监管', '审计日志', '消息发送', '账号安全'])
    expect(menuLabels(as(['bureau'], { bureau: '教育局' }))).toEqual(['人才服务监管', '审计日志', '账号安全'])
    expect(menuLabels(as(['service-staff'], { bureau: '教育局' }))).toEqual(['人才服务台', '账号安全'])
    expect(menuLabels(as(['leader']))).toEqual(['人才服务总览', '账号安全'])
    expect(menuLabels(as(['admin']))).toEqual(['账号管理', '审计日志', '消息发送', '账号安全'])
    // Several roles: the union, in table order.
    expect(menuLabels(as(['reviewer', 'admin']))).toEqual(['工作台', '申请审核', '公示管理', '账号管理', '审计日志', '消息发送', '账号安全'])
  })

  it('shows an admin no application page, and a reviewer no accounts', () => {
    const admin = as(['admin'])
    for (const key of APPLICATION_PAGES) expect(canOpen(routeByKey(key), admin)).toBe(false)
    expect(canOpen(routeByKey('accounts'), admin)).toBe(true)
    const reviewer = as(['reviewer'])
    expect(canOpen(routeByKey('accounts'), reviewer)).toBe(false)
    expect(canOpen(routeByKey('audit'), reviewer)).toBe(false)
    expect(canOpen(routeByKey('application'), reviewer)).toBe(true)
    // Only the HR bureau supervises the subsidy.
    expect(canOpen(routeByKey('queue'), as(['bureau'], { bureau: '人社局' }))).toBe(true)
    expect(canOpen(routeByKey('queue'), as(['bureau'], { bureau: '教育局' }))).toBe(false)
    expect(canOpen(routeByKey('queue'), null)).toBe(false)
    expect(canOpen(routeByKey('sign-in'), null)).toBe(true)
    // Failed messages: admins and the HR bureau's supervisor, not other bureaus or reviewers.
    expect(canOpen(routeByKey('messages'), admin)).toBe(true)
    expect(canOpen(routeByKey('messages'), as(['bureau'], { bureau: '人社局' }))).toBe(true)
    expect(canOpen(routeByKey('messages'), as(['bureau'], { bureau: '教育局' }))).toBe(false)
    expect(canOpen(routeByKey('messages'), reviewer)).toBe(false)
  })

  it('lands each account on its first page, and highlights the list a detail page belongs to', () => {
    expect(homeFor(as(['reviewer']))).toBe('/')
    expect(homeFor(as(['admin']))).toBe('/accounts')
    expect(homeFor(as(['bureau'], { bureau: '教育局' }))).toBe('/talent/bureau')
    expect(homeFor(as(['leader']))).toBe('/talent/dashboard')
    // No working page at all (not so for any single role today): the home shows a welcome.
    expect(homeFor({ roles: [] })).toBeNull()
    expect(activeMenuKey('/applications/ZZ2025000001')).toBe('queue')
    expect(activeMenuKey('/notices/7')).toBe('notices')
    expect(activeMenuKey('/payment-runs/3')).toBe('payment-runs')
    expect(activeMenuKey('/accounts')).toBe('accounts')
    expect(activeMenuKey('/')).toBe('workbench')
  })
})

describe('the console in the router', () => {
  it('answers 403 for a page the roles do not allow, with only the allowed menu', async () => {
    fakeApi().on('GET /session', { status: 200, body: { staff: as(['reviewer']) } })
    renderRoutes(buildRoutes(), '/accounts')
    expect(await screen.findByText('403 无权访问')).toBeTruthy()
    const menu = document.querySelector('nav[aria-label="主菜单"]') as HTMLElement
    expect(menu.textContent).toContain('申请审核')
    expect(menu.textContent).not.toContain('账号管理')
  })

  it('sends an admin from the workbench to the accounts page', async () => {
    fakeApi()
      .on('GET /session', { status: 200, body: { staff: as(['admin']) } })
      .on('GET /accounts', { status: 200, body: { items: [] } })
    const { router } = renderRoutes(buildRoutes(), '/')
    await waitFor(() => expect(router.state.location.pathname).toBe('/accounts'))
  })

  it('sends a signed-out visitor to the sign-in page with the page to come back to', async () => {
    fakeApi().on('GET /session', { status: 401, body: { error: { code: 'UNAUTHORIZED', message: '请先登录。' } } })
    window.history.replaceState(null, '', '/admin/applications?status=submitted')
    const { router } = renderRoutes(buildRoutes(), '/applications?status=submitted')
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'))
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/applications?status=submitted')
  })

  it('sends an account that must change its password to /password first', async () => {
    fakeApi().on('GET /session', { status: 200, body: { staff: as(['reviewer'], { mustChangePassword: true }) } })
    const { router } = renderRoutes(buildRoutes(), '/applications')
    await waitFor(() => expect(router.state.location.pathname).toBe('/password'))
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/applications')
    expect(await screen.findByText(/请先设置您自己的密码/)).toBeTruthy()
  })
})
