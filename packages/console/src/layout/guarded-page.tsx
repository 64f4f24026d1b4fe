/**
 * One page of the route table under the layout: opened only when the account's roles allow it
 * (else 403); the home path sends an account without the workbench to its own first page.
 */
import { STAFF_ROLES } from '@zhihui/core'
import { Result, Spin } from 'antd'
import { Suspense, useEffect } from 'react'
import { Navigate } from 'react-router-dom'
import { canOpen, homeFor, routeByKey, type PageKey } from '../routes'
import { useStaff } from '../session'
import { Forbidden } from './forbidden'

export default function GuardedPage({ routeKey }: { routeKey: PageKey }) {
  const staff = useStaff()
  const route = routeByKey(routeKey)
  const allowed = canOpen(route, staff)
  useEffect(() => {
    document.title = `${route.label} · 智汇郑州平台后台管理系统`
  }, [route.label])

  if (!allowed) {
    const home = homeFor(staff)
    if (route.path === '/') {
      if (home !== null) return <Navigate to={home} replace />
      return (
        <Result
          status="info"
          title={<h1 style={{ fontSize: 24, margin: 0 }}>欢迎，{staff.name}</h1>}
          subTitle={staff.roles.map((role) => `${STAFF_ROLES[role].label}：${STAFF_ROLES[role].may}`).join('；') + '。这些功能的页面尚在建设中。'}
        />
      )
    }
    return <Forbidden staff={staff} page={route.label} home={home} />
  }
  const Page = route.page
  return (
    <Suspense
      fallback={
        <div style={{ display: 'flex', justifyContent: 'center', padding: 80 }}>
          <Spin description="正在加载…" />
        </div>
      }
    >
      <Page />
    </Suspense>
  )
}
