/**
 * The router's table, built from the route table (routes.tsx): the sign-in page alone, and every
 * staff page under the console layout, each behind its role check. The layout, the role check
 * and the pages are lazy chunks, so the sign-in page's first load carries none of them.
 */
import { lazy, Suspense, type ReactNode } from 'react'
import type { RouteObject } from 'react-router-dom'
import { ROUTES, routeByKey } from './routes'

const ConsoleLayout = lazy(() => import('./layout/console-layout'))
const GuardedPage = lazy(() => import('./layout/guarded-page'))
const NotFound = lazy(() => import('./layout/not-found'))

/**
 * Whatever a page throws while rendering, or a chunk that no longer exists after a new release
 * (its hashed name changed): say so in Chinese and offer a reload, which fetches the new build.
 */
function RouteError() {
  return (
    <main style={{ maxWidth: 560, margin: '120px auto', padding: 24, fontSize: 15, lineHeight: 1.7 }}>
      <h1 style={{ fontSize: 22 }}>页面出错了</h1>
      <p>可能是控制台刚刚更新，或网络中断。请重新加载页面；如仍出错，请联系管理员。</p>
      <button type="button" onClick={() => window.location.reload()} style={{ padding: '6px 16px', fontSize: 15 }}>
        重新加载
      </button>
    </main>
  )
}

/** Nothing to show while a chunk loads: it is quick, and a spinner would only flash. */
const quiet = (node: ReactNode) => <Suspense fallback={null}>{node}</Suspense>

export function buildRoutes(): RouteObject[] {
  const SignIn = routeByKey('sign-in').page
  const staffPages = ROUTES.filter((route) => route.roles !== 'public')
  return [
    { path: '/sign-in', element: quiet(<SignIn />), errorElement: <RouteError /> },
    {
      path: '/',
      element: quiet(<ConsoleLayout />),
      errorElement: <RouteError />,
      children: [
        ...staffPages.map(
          (route): RouteObject =>
            route.path === '/'
              ? { index: true, element: <GuardedPage routeKey={route.key} /> }
              : { path: route.path.slice(1), element: <GuardedPage routeKey={route.key} /> },
        ),
        { path: '*', element: <NotFound /> },
      ],
    },
  ]
}
