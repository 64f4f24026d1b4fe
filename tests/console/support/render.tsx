/** Renders console pages with what the app gives them: Ant Design in Chinese, a query client, a router. */
import { QueryClientProvider } from '@tanstack/react-query'
import { render, within, type RenderResult } from '@testing-library/react'
import type { StaffIdentity } from '@zhihui/core'
import { App as AntApp, ConfigProvider } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import type { ReactNode } from 'react'
import { createMemoryRouter, RouterProvider, useLocation, type RouteObject } from 'react-router-dom'
import { setNavigator } from '../../../packages/console/src/api/client'
import { createQueryClient } from '../../../packages/console/src/query-client'
import { StaffContext } from '../../../packages/console/src/session'
import { buttonConfig } from '../../../packages/console/src/theme'

/** Shows where the router is, for assertions: <output data-testid="location">/path?query</output>. */
export function Where() {
  const location = useLocation()
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>
}

export function renderRoutes(routes: RouteObject[], at: string): RenderResult & { router: ReturnType<typeof createMemoryRouter> } {
  const router = createMemoryRouter(routes, { initialEntries: [at] })
  setNavigator((to) => void router.navigate(to, { replace: true }))
  const client = createQueryClient()
  client.setDefaultOptions({ queries: { retry: false, staleTime: 0 } })
  const result = render(
    <ConfigProvider locale={zhCN} button={buttonConfig}>
      <AntApp>
        <QueryClientProvider client={client}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>,
  )
  return { ...result, router }
}

/** One page inside the layout's context (the signed-in account), at `at`. */
export function renderPage(page: ReactNode, opts: { staff: StaffIdentity; at?: string; path?: string; extra?: RouteObject[] }) {
  const path = opts.path ?? '/'
  return renderRoutes(
    [
      {
        path,
        element: (
          <StaffContext.Provider value={opts.staff}>
            {page}
            <Where />
          </StaffContext.Provider>
        ),
      },
      { path: '*', element: <Where /> },
      ...(opts.extra ?? []),
    ],
    opts.at ?? path,
  )
}

/**
 * A button by its text. *ByRole computes every accessible name against Ant Design's injected
 * styles and takes seconds in jsdom; the text is what the user reads anyway. Ant Design puts a
 * space between two Chinese characters (登 录), so pass a RegExp for those.
 */
export function button(text: string | RegExp, container: HTMLElement = document.body): HTMLButtonElement {
  const found = within(container)
    .getAllByText(text)
    .map((el) => el.closest('button'))
    .find((b): b is HTMLButtonElement => b !== null)
  if (!found) throw new Error(`no button ${String(text)}`)
  return found
}
