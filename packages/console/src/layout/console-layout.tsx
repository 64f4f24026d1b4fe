/**
 * The signed-in console: side menu from the route table (only what the account's roles allow),
 * a header with who is signed in, and the page. It fetches the session: a 401 sends the browser
 * to the sign-in page (the API client does that) with `?next=` set to this page; an account that
 * must change its password is sent to /password first.
 */
import { LogoutOutlined, UserOutlined } from '@ant-design/icons'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { STAFF_ROLES, type StaffIdentity } from '@zhihui/core'
import { App as AntApp, Button, Layout, Menu, Result, Space, Spin, Tag } from 'antd'
import { useMemo } from 'react'
import { Link, matchPath, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom'
import { isApiError, PASSWORD_PATH } from '../api/client'
import { getSession, signOut } from '../api/session'
import { queryKeys } from '../query-client'
import { menuFor, ROUTES, type PageRoute } from '../routes'
import { StaffContext } from '../session'

const { Header, Sider, Content } = Layout

/** The route table entry the address belongs to (detail pages name their menu entry). */
export function activeMenuKey(pathname: string): string | undefined {
  const match = ROUTES.find((route) => route.roles !== 'public' && matchPath({ path: route.path, end: true }, pathname))
  return match?.menuKey ?? match?.key
}

export default function ConsoleLayout() {
  const location = useLocation()
  const session = useQuery({ queryKey: queryKeys.session, queryFn: () => getSession(), staleTime: 60_000 })

  if (session.isPending) return <FullPage><Spin size="large" description="正在加载…" /></FullPage>
  if (session.isError || !session.data) {
    // A 401 has already sent the browser to the sign-in page; anything else is shown here.
    if (isApiError(session.error) && session.error.status === 401) return null
    return (
      <FullPage>
        <Result
          status="warning"
          title="无法连接服务"
          subTitle={isApiError(session.error) ? session.error.message : '请检查网络后重试。'}
          extra={<Button type="primary" onClick={() => void session.refetch()}>重试</Button>}
        />
      </FullPage>
    )
  }
  const staff = session.data
  if (staff.mustChangePassword && location.pathname !== PASSWORD_PATH) {
    const next = `${location.pathname}${location.search}`
    return <Navigate to={`${PASSWORD_PATH}?${new URLSearchParams({ next }).toString()}`} replace />
  }
  return (
    <StaffContext.Provider value={staff}>
      {/* message / modal contexts for the pages (the sign-in page needs none, so they load here). */}
      <AntApp>
        <Shell staff={staff} />
      </AntApp>
    </StaffContext.Provider>
  )
}

function FullPage({ children }: { children: React.ReactNode }) {
  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>{children}</main>
  )
}

function Shell({ staff }: { staff: StaffIdentity }) {
  const location = useLocation()
  const menu: PageRoute[] = useMemo(
    () => (staff.mustChangePassword ? menuFor(staff).filter((route) => route.key === 'change-password') : menuFor(staff)),
    [staff],
  )
  const selected = activeMenuKey(location.pathname)
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={216} theme="dark" breakpoint="lg" collapsedWidth={64}>
        <div style={{ height: 64, display: 'flex', alignItems: 'center', padding: '0 20px', color: '#fff', fontWeight: 600, fontSize: 16 }}>
          智汇郑州 · 后台
        </div>
        <nav aria-label="主菜单">
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={menu.map((route) => ({ key: route.key, icon: route.icon, label: <Link to={route.path}>{route.label}</Link> }))}
          />
        </nav>
      </Sider>
      <Layout>
        <StaffHeader staff={staff} />
        <Content style={{ margin: 24 }}>
          {/* Content is the page's <main> landmark already. */}
          <div style={{ background: '#fff', padding: 24, borderRadius: 8, minHeight: 'calc(100vh - 112px)' }}>
            <Outlet />
          </div>
        </Content>
      </Layout>
    </Layout>
  )
}

function StaffHeader({ staff }: { staff: StaffIdentity }) {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const { message } = AntApp.useApp()
  const out = useMutation({
    mutationFn: signOut,
    onSettled: (_data, error) => {
      // Signed out or not (an expired session answers 401), nothing of this account stays cached.
      if (error && !(isApiError(error) && error.status === 401)) {
        void message.error(isApiError(error) ? error.message : '退出失败，请重试。')
        return
      }
      queryClient.clear()
      void navigate('/sign-in', { replace: true })
    },
  })
  const scope = [staff.district, staff.bureau].filter(Boolean).join(' · ')
  return (
    <Header style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #f0f0f0' }}>
      <span style={{ fontSize: 16, fontWeight: 600 }}>平台后台管理系统</span>
      <Space size="middle">
        <span>
          <UserOutlined aria-hidden /> <strong>{staff.name}</strong>
          <span className="visually-hidden">（{staff.username}）</span>
        </span>
        <span>
          {staff.roles.map((role) => (
            <Tag key={role} style={{ color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' }}>
              {STAFF_ROLES[role].label}
            </Tag>
          ))}
        </span>
        {scope !== '' ? <span>{scope}</span> : null}
        <Button icon={<LogoutOutlined />} loading={out.isPending} onClick={() => out.mutate()}>
          退出登录
        </Button>
      </Space>
    </Header>
  )
}
